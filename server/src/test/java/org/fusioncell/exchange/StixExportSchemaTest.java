package org.fusioncell.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every exported bundle validates against the OASIS STIX 2.1 JSON schemas: reports in Arabic, French and
 * English under every TLP label, entities of every type, links with valid time, mentions. Ids are
 * deterministic (a second export is the same bytes) and the TLP marking definitions are the TLP 2.0 ones.
 */
@FusionCellTest
class StixExportSchemaTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportEntities reportEntities;
    @Autowired
    Readers readers;

    @Test
    void theValidatorRefusesWhatTheSchemasRefuseAndAcceptsTheOfficialExamples() throws Exception {
        StixSchemas schemas = StixSchemas.load();
        JsonNode example = BearerApi.JSON.readTree(Files.readString(StixSchemas.data()
                .resolve("stix21-examples/sighting-of-an-indicator.json")));
        schemas.assertValid(example);
        ObjectNode broken = (ObjectNode) example.deepCopy();
        ((ObjectNode) broken.get("objects").get(0)).put("created", "12 March 2026");
        ((ObjectNode) broken.get("objects").get(1)).remove("name");
        List<String> problems = schemas.problems(broken);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("objects[0]").contains("created"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("objects[1]").contains("name"));
    }

    @Test
    void anExportOfEveryKindOfItemUnderEveryTlpLabelValidatesAndIsDeterministic() throws Exception {
        StixSchemas schemas = StixSchemas.load();
        BearerApi api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String agency = fx.organisation(OrganisationType.STATE_AGENCY);
        String partner = fx.organisation(OrganisationType.STATE_AGENCY);
        String userId = fx.user(agency, "SECRET", Set.of(Role.ANALYST), Set.of());
        String token = fx.token(userId, "read", "write");
        StixWorld world = new StixWorld(api);
        List<String> reports = new ArrayList<>();
        reports.add(world.report(token, "تقرير: نقل أسلحة", StixWorld.ARABIC, StixWorld.marking("RESTRICTED", "TLP:AMBER", List.of(partner))));
        reports.add(world.report(token, "Convoi près de Gao", "La source signale un convoi de trois véhicules.",
                StixWorld.marking("CONFIDENTIAL", "TLP:GREEN", List.of())));
        reports.add(world.report(token, "Border crossing", "Two vehicles crossed at night.",
                StixWorld.marking("UNCLASSIFIED", "TLP:CLEAR", List.of())));
        reports.add(world.report(token, "Strict", "Only for the agency. " + StixWorld.ARABIC,
                StixWorld.marking("SECRET", "TLP:AMBER+STRICT", List.of())));
        reports.add(world.report(token, "Red", "Named recipients only.", StixWorld.marking("SECRET", "TLP:RED", List.of())));
        Map<String, String> e = world.everyType(token, StixWorld.marking("RESTRICTED", "TLP:AMBER", List.of()));
        var reader = readers.forUser(userId, "test");
        for (String entity : e.values()) {
            assertThat(reportEntities.mention(reader, reports.getFirst(), entity, "test")).isTrue();
        }
        world.link(reportEntities, reader, e.get("PERSON"), e.get("GROUP"), "MEMBER_OF", reports.getFirst(), 0.8, "2025-01-01", "2026-03-01");
        world.link(reportEntities, reader, e.get("PERSON"), e.get("PHONE"), "USED", reports.get(1), 0.65, "2026-03-12", "2026-03-12");
        world.link(reportEntities, reader, e.get("GROUP"), e.get("LOCATION"), "LOCATED_AT", reports.get(2), 1.0, null, null);

        HttpResponse<String> first = api.fetch(token, "/api/v1/exchange/stix/bundle");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/stix+json"));
        JsonNode bundle = BearerApi.JSON.readTree(first.body());
        schemas.assertValid(bundle);

        List<String> types = new ArrayList<>();
        List<String> tlps = new ArrayList<>();
        for (JsonNode o : bundle.get("objects")) {
            types.add(o.get("type").asString());
            if (o.get("type").asString().equals("marking-definition")) {
                tlps.add(o.get("id").asString() + " " + o.get("name").asString());
            }
        }
        assertThat(types).contains("report", "identity", "threat-actor", "location", "incident", "observed-data",
                "email-addr", "url", "user-account", "x-fusioncell-identifier", "relationship", "extension-definition");
        assertThat(tlps).contains(
                "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487 TLP:CLEAR",
                "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb TLP:GREEN",
                "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421 TLP:AMBER",
                "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003 TLP:AMBER+STRICT",
                "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1 TLP:RED");
        assertThat(first.body()).contains(StixWorld.ARABIC);

        // the Arabic report carries its grading, classification and mentions in the extension
        JsonNode arabic = null;
        for (JsonNode o : bundle.get("objects")) {
            if (o.get("type").asString().equals("report") && o.get("name").asString().equals("تقرير: نقل أسلحة")) {
                arabic = o;
            }
        }
        assertThat(arabic).isNotNull();
        JsonNode x = arabic.get("extensions").get(arabicExtensionId(arabic));
        assertThat(x.get("classification").asString()).isEqualTo("RESTRICTED");
        assertThat(x.get("source_reliability").asString()).isEqualTo("B");
        assertThat(x.get("information_credibility").asInt()).isEqualTo(2);
        assertThat(x.get("releasability").get("organisations").get(0).asString()).isEqualTo(partner);
        assertThat(arabic.get("lang").asString()).isEqualTo("ar");
        assertThat(arabic.get("object_refs").size()).isEqualTo(e.size() + 1); // every entity and the MEMBER_OF link

        HttpResponse<String> second = api.fetch(token, "/api/v1/exchange/stix/bundle");
        assertThat(second.body()).as("same content, same bytes").isEqualTo(first.body());

        // a report filter keeps that report, what it mentions and the links it asserts
        JsonNode one = api.get(token, "/api/v1/exchange/stix/bundle?report=" + reports.get(1), 200);
        schemas.assertValid(one);
        long reportCount = 0;
        for (JsonNode o : one.get("objects")) {
            reportCount += o.get("type").asString().equals("report") ? 1 : 0;
        }
        assertThat(reportCount).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'EXPORT' AND object_type = 'stix-bundle' AND actor_user_id = :u")
                .param("u", userId).query(Long.class).single()).isEqualTo(3);
    }

    private static String arabicExtensionId(JsonNode report) {
        return report.get("extensions").propertyNames().stream().filter(k -> k.startsWith("extension-definition--"))
                .findFirst().orElseThrow();
    }
}
