package org.fusioncell.safeguards.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The oversight API with real tokens: the report as a file whose hash is in a header, refused to an analyst
 * with nothing of the figures; findings listed with their explanation and decided once, bad decisions refused
 * naming the field.
 */
@FusionCellTest
@Tag("persistence")
@AutoConfigureMockMvc
@Import(SettableClock.Config.class)
@TestPropertySource(properties = "fusioncell.safeguards.access-review.interval=PT1000H")
class OversightApiTest {

    /** Tokens expire by the application's clock, which these tests move to 2031. */
    private static final Instant LATER = Instant.parse("2040-01-01T00:00:00Z");

    @Autowired
    AccessReview review;
    @Autowired
    AuditLog audit;
    @Autowired
    SettableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    @Test
    void onlyTheAuditorGetsFiguresThroughTheApi() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule " + UUID.randomUUID(), OrganisationType.STATE_AGENCY, "MR");
        String analyst = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String auditor = fx.user(cell, "SECRET", Set.of(Role.AUDITOR), Set.of());
        BearerApi api = new BearerApi(port);
        String path = "/api/v1/oversight/report?from=2031-03-01&to=2031-03-31&language=ar&format=csv";
        var refused = api.fetch(fx.token(analyst, LATER, "read", "audit"), path);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("audit-actions", "CONSULTATION");
        assertThat(api.status(fx.token(analyst, LATER, "read", "audit"), "/api/v1/oversight/findings")).isEqualTo(403);

        var ok = api.fetch(fx.token(auditor, LATER, "read", "audit"), path);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(ok.body()).contains("\"audit\",\"audit-actions\"", "الفئة");
        String hash = ok.headers().firstValue("X-FusionCell-SHA256").orElseThrow();
        assertThat(hash).isEqualTo(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(ok.body().getBytes(StandardCharsets.UTF_8))));

        var bad = api.fetch(fx.token(auditor, LATER, "read", "audit"),
                "/api/v1/oversight/report?from=2031-03-31&to=2031-03-01&language=ar&format=csv");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"to\"");
    }


    @Test
    void theFindingsApiListsExplainsAndTakesOneDecision() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule " + UUID.randomUUID(), OrganisationType.STATE_AGENCY, "MR");
        String analyst = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String auditor = fx.user(cell, "SECRET", Set.of(Role.AUDITOR), Set.of());
        String item = UUID.randomUUID().toString();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < 5; i++) {
            clock.set(Instant.parse("2031-09-02T10:00:00Z").plusSeconds(300L * i));
            tx.executeWithoutResult(s -> audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, analyst, cell,
                    "report", List.of(item)).withOutcome("REFUSED")));
        }
        clock.set(Instant.parse("2031-09-03T08:00:00Z"));
        review.review();
        BearerApi api = new BearerApi(port);
        String token = fx.token(auditor, LATER, "read", "audit");

        var list = api.get(token, "/api/v1/oversight/findings?state=OPEN&size=500", 200);
        String id = null;
        for (var f : list.get("items")) {
            if (f.get("userId").asText().equals(analyst)) {
                id = f.get("id").asText();
                assertThat(f.get("rule").asText()).isEqualTo("REPEATED_PROBING");
                assertThat(f.get("detail").asText()).isEqualTo("report:" + item + " ×5");
                assertThat(f.get("evidence").size()).isEqualTo(5);
                assertThat(f.get("explanation").asText()).contains("report:" + item + " ×5", "5");
            }
        }
        assertThat(id).isNotNull();
        String path = "/api/v1/oversight/findings/" + id;
        assertThat(api.get(token, path, 200).get("state").asText()).isEqualTo("OPEN");

        var noReason = api.post(token, path + "/decision", "{\"decision\":\"DISMISS\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        var unknown = api.post(token, path + "/decision", "{\"decision\":\"FORGET\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"decision\"");
        var escalated = api.post(token, path + "/decision", "{\"decision\":\"ESCALATE\",\"reason\":\"Au chef\"}");
        assertThat(escalated.statusCode()).isEqualTo(200);
        assertThat(escalated.body()).contains("\"state\":\"ESCALATED\"", "\"decidedBy\":\"" + auditor + "\"");
        var again = api.post(token, path + "/decision", "{\"decision\":\"ACKNOWLEDGE\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"state\":\"ESCALATED\"");
        assertThat(api.status(token, "/api/v1/oversight/findings/no-such-finding")).isEqualTo(404);
        assertThat(api.status(fx.token(analyst, LATER, "read", "audit"), path)).isEqualTo(403);
    }
}
