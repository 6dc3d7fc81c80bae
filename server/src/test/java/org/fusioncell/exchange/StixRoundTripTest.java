package org.fusioncell.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * FusionCell → STIX → FusionCell loses nothing. A second installation is not available in a test, so the
 * receiving side is another organisation of the same database — which is exactly how the import treats any
 * receiver: the copies belong to the importing organisation, and the originals stay invisible to it (TLP:AMBER,
 * released to nobody). The receiver's export of its copies must then be byte for byte the sender's export:
 * same STIX ids, timestamps, creator, text, grading, marking, attributes, mentions, links and valid time.
 * Importing again, on either side, creates nothing.
 */
@FusionCellTest
@Tag("persistence")
class StixRoundTripTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportEntities reportEntities;
    @Autowired
    Readers readers;
    @Autowired
    StixBundles bundles;

    @Test
    void whatOneOrganisationExportsAnotherImportsAndExportsAgainByteForByte() throws Exception {
        BearerApi api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String sender = fx.organisation(OrganisationType.STATE_AGENCY);
        String receiver = fx.organisation(OrganisationType.STATE_AGENCY);
        String senderUser = fx.user(sender, "SECRET", Set.of(Role.ANALYST), Set.of());
        String senderToken = fx.token(senderUser, "read", "write");
        String receiverUser = fx.user(receiver, "SECRET", Set.of(Role.ANALYST), Set.of());
        String receiverToken = fx.token(receiverUser, "read", "write");
        Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        StixWorld world = new StixWorld(api);
        String arabic = world.report(senderToken, "تقرير: نقل أسلحة", StixWorld.ARABIC,
                StixWorld.marking("CONFIDENTIAL", "TLP:AMBER", List.of()));
        String french = world.report(senderToken, "Convoi près de Gao", "La source signale un convoi de trois véhicules.",
                StixWorld.marking("RESTRICTED", "TLP:AMBER+STRICT", List.of()));
        Map<String, String> e = world.everyType(senderToken, StixWorld.marking("RESTRICTED", "TLP:AMBER", List.of()));
        var reader = readers.forUser(senderUser, "test");
        for (String entity : e.values()) {
            reportEntities.mention(reader, arabic, entity, "test");
        }
        reportEntities.mention(reader, french, e.get("PHONE"), "test");
        world.link(reportEntities, reader, e.get("PERSON"), e.get("GROUP"), "MEMBER_OF", arabic, 0.8, "2025-01-01", "2026-03-01");
        world.link(reportEntities, reader, e.get("PERSON"), e.get("PHONE"), "USED", french, 0.65, "2026-03-12", "2026-03-12");
        world.link(reportEntities, reader, e.get("GROUP"), e.get("LOCATION"), "LOCATED_AT", arabic, 1.0, null, null);

        String query = "/api/v1/exchange/stix/bundle?since=" + since;
        var sent = api.fetch(senderToken, query);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        JsonNode sentBundle = BearerApi.JSON.readTree(sent.body());
        assertThat(count(sentBundle, "report")).isEqualTo(2);
        assertThat(count(sentBundle, "relationship")).isEqualTo(3);

        // the sender's own export coming back is recognised: nothing created
        var own = bundles.importBundle(reader, sent.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(own.reports() + own.entities() + own.links() + own.mentions() + own.kept()).as(own.toString()).isZero();

        var imported = api.send(receiverToken, "/api/v1/exchange/stix/bundle", sent.body());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode counts = BearerApi.JSON.readTree(imported.body());
        assertThat(counts.get("reports").asInt()).isEqualTo(2);
        assertThat(counts.get("entities").asInt()).isEqualTo(e.size());
        assertThat(counts.get("links").asInt()).isEqualTo(3);
        assertThat(counts.get("mentions").asInt()).isEqualTo(e.size() + 1);

        var returned = api.fetch(receiverToken, query);
        assertThat(returned.statusCode()).isEqualTo(200);
        assertThat(returned.body()).isEqualTo(sent.body());

        // and the copies are the receiver's own: it can open them, with their grading and marking
        JsonNode reports = api.get(receiverToken, "/api/v1/reports", 200);
        assertThat(reports.toString()).contains("تقرير: نقل أسلحة").contains("Convoi près de Gao");

        var again = api.send(receiverToken, "/api/v1/exchange/stix/bundle", sent.body());
        JsonNode second = BearerApi.JSON.readTree(again.body());
        assertThat(second.get("reports").asInt() + second.get("entities").asInt() + second.get("links").asInt()
                + second.get("mentions").asInt() + second.get("kept").asInt()).isZero();
        assertThat(second.get("alreadyHeld").asInt()).isPositive();
    }

    private static long count(JsonNode bundle, String type) {
        long n = 0;
        for (JsonNode o : bundle.get("objects")) {
            n += o.get("type").asString().equals(type) ? 1 : 0;
        }
        return n;
    }
}
