package org.fusioncell.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A disseminated assessment as a STIX report: valid against the OASIS schemas, its evidence included and
 * referred to only where the reader may see it, its judgments in the FusionCell extension, revoked once
 * withdrawn, and nothing for a reader who may not see the product.
 */
@FusionCellTest
class AssessmentStixTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDisseminatedAssessmentTravelsAsAStixReportWithTheEvidenceTheReaderMaySee() throws Exception {
        BearerApi api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation(OrganisationType.STATE_AGENCY);
        String police = fx.organisation(OrganisationType.STATE_AGENCY);
        String author = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String supervisor = fx.token(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        String policeId = fx.user(police, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of());
        String policeToken = fx.token(policeId, "read", "write");
        String outsider = fx.token(fx.user(fx.organisation(OrganisationType.STATE_AGENCY), "SECRET",
                Set.of(Role.ANALYST), Set.of()), "read", "write");
        Map<String, Object> shared = Map.of("classification", "CONFIDENTIAL", "tlp", "AMBER",
                "releasability", Map.of("organisations", List.of(police)));
        Map<String, Object> cellOnly = Map.of("classification", "CONFIDENTIAL", "tlp", "AMBER");
        String sharedReport = BearerApi.created(api.send(author, "/api/v1/reports", Map.of("title", "Convoi près de Gao",
                "body", "تبادل المعلومات لمنع التهديدات الإرهابية: قافلة من ثلاث مركبات",
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2), "marking", shared)));
        String cellReport = BearerApi.created(api.send(author, "/api/v1/reports", Map.of("title", "Source humaine",
                "body", "Détails de la source.", "grading", Map.of("sourceReliability", "A", "informationCredibility", 2),
                "marking", cellOnly)));
        Map<String, Object> draft = new HashMap<>();
        draft.put("productType", "THREAT_ASSESSMENT");
        draft.put("language", "fr");
        draft.put("title", "Menace sur les axes routiers du nord");
        draft.put("subject", Map.of("type", "AREA", "reference", "ML-7", "label", "Gao"));
        draft.put("summary", List.of(Map.of("text", "Les convois armés se multiplient.")));
        draft.put("keyJudgments", List.of(Map.of("text", "Une attaque contre un convoi civil est probable d'ici mars.",
                "probability", "likely")));
        draft.put("likelihood", "likely");
        draft.put("impact", "major");
        draft.put("confidence", "MODERATE");
        draft.put("confidenceReasons", "Deux sources.");
        draft.put("evidence", List.of(Map.of("type", "REPORT", "itemId", sharedReport),
                Map.of("type", "REPORT", "itemId", cellReport)));
        draft.put("marking", shared);
        String id = BearerApi.created(api.send(author, "/api/v1/assessments", draft));
        step(api, author, "/api/v1/assessments/" + id + "/submit", Map.of());
        step(api, supervisor, "/api/v1/assessments/" + id + "/comments", Map.of("text", "Vu."));
        step(api, supervisor, "/api/v1/assessments/" + id + "/approve", Map.of());
        step(api, supervisor, "/api/v1/assessments/" + id + "/disseminate", Map.of("userIds", List.of(policeId)));

        JsonNode authorBundle = api.get(author, "/api/v1/exchange/stix/assessments/" + id, 200);
        JsonNode policeBundle = api.get(policeToken, "/api/v1/exchange/stix/assessments/" + id, 200);
        StixSchemas schemas = StixSchemas.load();
        schemas.assertValid(authorBundle);
        schemas.assertValid(policeBundle);
        JsonNode product = product(policeBundle);
        assertThat(product.get("report_types").get(0).asString()).isEqualTo("threat-report");
        assertThat(product.get("name").asString()).isEqualTo("Menace sur les axes routiers du nord");
        JsonNode extension = product.get("extensions").properties().iterator().next().getValue();
        assertThat(extension.get("threat_level").asString()).isEqualTo("severe");
        assertThat(extension.get("key_judgments").get(0).get("probability").asString()).isEqualTo("likely");
        // the police see the report released to them, not the cell's own: neither included nor referred to
        assertThat(product.get("object_refs")).hasSize(1);
        assertThat(product(authorBundle).get("object_refs")).hasSize(2);
        assertThat(names(policeBundle)).contains("Convoi près de Gao").doesNotContain("Source humaine");
        assertThat(policeBundle.toString()).doesNotContain("Détails de la source");
        assertThat(api.status(outsider, "/api/v1/exchange/stix/assessments/" + id)).isEqualTo(404);

        step(api, supervisor, "/api/v1/assessments/" + id + "/withdraw", Map.of("reason", "Source rétractée."));
        JsonNode withdrawn = product(api.get(policeToken, "/api/v1/exchange/stix/assessments/" + id, 200));
        assertThat(withdrawn.get("revoked").asBoolean()).isTrue();
        assertThat(withdrawn.get("modified").asString()).isGreaterThan(product.get("modified").asString());
    }

    private static JsonNode product(JsonNode bundle) {
        for (JsonNode o : bundle.get("objects")) {
            if ("report".equals(o.get("type").asString()) && o.has("report_types")) {
                return o;
            }
        }
        throw new AssertionError("no threat-report in " + bundle);
    }

    private static List<String> names(JsonNode bundle) {
        List<String> out = new ArrayList<>();
        bundle.get("objects").forEach(o -> {
            if (o.has("name")) {
                out.add(o.get("name").asString());
            }
        });
        return out;
    }

    private static void step(BearerApi api, String token, String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> r = api.send(token, path, body);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    }
}
