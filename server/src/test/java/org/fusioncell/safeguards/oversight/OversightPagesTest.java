package org.fusioncell.safeguards.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The oversight pages: the auditor lists a finding, reads its explanation in Arabic and dismisses it only with a
 * reason; the report page shows the figures with the hash the log recorded and offers the PDF; an analyst gets
 * neither, and the data-protection officer gets the report but not the findings.
 */
@FusionCellTest
@Tag("persistence")
@AutoConfigureMockMvc
@Import(SettableClock.Config.class)
@TestPropertySource(properties = "fusioncell.safeguards.access-review.interval=PT1000H")
class OversightPagesTest {

    @Autowired
    MockMvc mvc;
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

    @Test
    void theAuditorReadsAndDismissesAFindingWithAReason() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule " + UUID.randomUUID(), OrganisationType.STATE_AGENCY, "MR");
        String analyst = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String auditor = fx.user(cell, "SECRET", Set.of(Role.AUDITOR), Set.of());
        String probed = UUID.randomUUID().toString();
        for (int i = 0; i < 7; i++) {
            clock.set(Instant.parse("2031-07-07T10:00:00Z").plusSeconds(60L * i));
            new TransactionTemplate(transactions).executeWithoutResult(s -> audit.record(AuditRecord.of(
                    AuditAction.CONSULTATION, analyst, cell, "entity", List.of(probed)).withOutcome("HIDDEN")));
        }
        clock.set(Instant.parse("2031-07-08T08:00:00Z"));
        review.review();
        String id = jdbc.sql("SELECT id FROM oversight_finding WHERE user_id = :u").param("u", analyst)
                .query(String.class).single();

        String name = jdbc.sql("SELECT display_name FROM identity_user WHERE id = :id").param("id", analyst)
                .query(String.class).single();
        assertThat(page(as(auditor, cell, Role.AUDITOR, get("/oversight/findings").param("lang", "fr"))))
                .contains("Sondage répété du même élément", "/oversight/findings/" + id, "7 / 5", name);
        // an auditor of another organisation sees the user's id, not their name
        assertThat(page(as(auditor, "elsewhere", Role.AUDITOR, get("/oversight/findings/" + id))))
                .contains(analyst).doesNotContain(name);
        String detail = page(as(auditor, cell, Role.AUDITOR, get("/oversight/findings/" + id).param("lang", "ar")));
        assertThat(detail).contains("dir=\"rtl\"", "محاولات متكررة للوصول إلى العنصر نفسه", "حتى 7 مرات",
                "entity:" + probed + " ×7", "decide-DISMISS");

        String refused = page(as(auditor, cell, Role.AUDITOR, post("/oversight/findings/" + id)).with(csrf())
                .param("lang", "en").param("decision", "DISMISS").param("reason", ""));
        assertThat(refused).contains("role=\"alert\"", "the reason (a dismissal needs one", "aria-invalid=\"true\"");
        assertThat(review.finding(new Actor(auditor, cell), id).orElseThrow().state()).isEqualTo(FindingState.OPEN);

        MvcResult done = mvc.perform(as(auditor, cell, Role.AUDITOR, post("/oversight/findings/" + id)).with(csrf())
                .param("decision", "DISMISS").param("reason", "Contrôle qualité demandé par le chef de service"))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/oversight/findings/" + id);
        assertThat(review.finding(new Actor(auditor, cell), id).orElseThrow().state())
                .isEqualTo(FindingState.DISMISSED);

        assertThat(status(as(analyst, cell, Role.ANALYST, get("/oversight/findings")))).isEqualTo(403);
        assertThat(status(as(analyst, cell, Role.ANALYST, get("/oversight/findings/" + id)))).isEqualTo(403);
        assertThat(status(as(auditor, cell, Role.DATA_PROTECTION_OFFICER, get("/oversight/findings")))).isEqualTo(403);
        assertThat(review.findings(new Actor(auditor, cell), FindingState.OPEN, new PageRequest(0, 500)).items())
                .extracting(Finding::id).doesNotContain(id);
    }

    @Test
    void theReportPageShowsTheFiguresAndTheLoggedHashToTheAuditorAndTheOfficerOnly() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule " + UUID.randomUUID(), OrganisationType.STATE_AGENCY, "MR");
        String analyst = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String auditor = fx.user(cell, "SECRET", Set.of(Role.AUDITOR), Set.of());
        String officer = fx.user(cell, "SECRET", Set.of(Role.DATA_PROTECTION_OFFICER), Set.of());
        clock.set(Instant.parse("2031-08-03T09:00:00Z"));

        String html = page(as(auditor, cell, Role.AUDITOR, get("/oversight/report").param("lang", "fr")
                .param("from", "2031-08-01").param("to", "2031-08-31").param("language", "fr")));
        assertThat(html).contains("Rapport de contrôle", "data-table=\"audit-actions\"",
                "data-table=\"screening-nationalities\"", "Taux de faux positifs", "format=pdf");
        String sha = html.substring(html.indexOf("id=\"report-sha256\""));
        sha = sha.substring(sha.indexOf('>') + 1, sha.indexOf('<'));
        assertThat(sha).matches("[0-9a-f]{64}");
        assertThat(jdbc.sql("SELECT details FROM audit_record WHERE actor_user_id = :u AND object_type ="
                + " 'oversight-report'").param("u", auditor).query(String.class).single()).contains(sha, "HTML");

        String wrong = page(as(auditor, cell, Role.AUDITOR, get("/oversight/report").param("lang", "en")
                .param("from", "2031-08-31").param("to", "2031-08-01").param("language", "en")));
        assertThat(wrong).contains("role=\"alert\"", "the end of the period").doesNotContain("data-table=");

        MvcResult pdf = mvc.perform(as(officer, cell, Role.DATA_PROTECTION_OFFICER, get("/oversight/report/download")
                .param("from", "2031-08-01").param("to", "2031-08-31").param("language", "ar")
                .param("format", "pdf"))).andReturn();
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(pdf.getResponse().getHeader("X-FusionCell-SHA256")).matches("[0-9a-f]{64}");

        MvcResult denied = mvc.perform(as(analyst, cell, Role.ANALYST, get("/oversight/report")
                .param("from", "2031-08-01").param("to", "2031-08-31").param("language", "fr"))).andReturn();
        assertThat(denied.getResponse().getStatus()).isEqualTo(403);
        assertThat(denied.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("data-table=", "Taux de faux positifs");
        assertThat(status(as(analyst, cell, Role.ANALYST, get("/oversight/report/download")
                .param("from", "2031-08-01").param("to", "2031-08-31").param("format", "csv")))).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE actor_user_id = :u AND object_type ="
                + " 'oversight-report'").param("u", analyst).query(Long.class).single()).isZero();
    }

    private record Actor(String userId, String organisationId) implements org.fusioncell.audit.AuditActor {
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(200);
        return body;
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static MockHttpServletRequestBuilder as(String userId, String orgId, Role role,
                                                    MockHttpServletRequestBuilder request) {
        FusionCellPrincipal principal = new FusionCellPrincipal(userId, userId, "Test user", orgId, Set.of(role),
                Set.of());
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(role.authority())))));
    }
}
