package org.fusioncell.assessment.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/bulletin-templates}: administrators and supervisors replace and reset templates; a template
 * naming an unknown field is refused with the field and the line and nothing is stored; others are refused;
 * every change is audited as administration.
 */
@FusionCellTest
@Tag("persistence")
class BulletinTemplatesApiTest {

    private static final String PATH = "/api/v1/bulletin-templates";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BulletinTemplates templates;

    private final HttpClient http = HttpClient.newHttpClient();
    private static String administrator;
    private static String supervisor;
    private static String analyst;
    private static String supervisorUser;

    @BeforeEach
    void people() {
        if (administrator == null) {
            IdentityFixtures fx = new IdentityFixtures(jdbc);
            String cell = fx.organisation("Cellule bulletins", OrganisationType.STATE_AGENCY, "MR");
            administrator = fx.token(fx.user(cell, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write");
            supervisorUser = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
            supervisor = fx.token(supervisorUser, "read", "write");
            analyst = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        }
    }

    @Test
    void administratorsAndSupervisorsReplaceAndResetATemplateAndOthersAreRefused() throws Exception {
        BearerApi api = new BearerApi(port);
        JsonNode list = api.get(administrator, PATH, 200);
        assertThat(list.get("templates").size()).isEqualTo(9);
        assertThat(list.get("fields").toString()).contains("\"name\":\"keyJudgments\"", "\"kind\":\"BLOCK\"");
        assertThat(api.status(analyst, PATH)).isEqualTo(403);
        assertThat(api.status(analyst, PATH + "/partner-alert/fr")).isEqualTo(403);

        String own = "{{title}}\n# Alerte\n{{summary}}\nNiveau : {{threatLevel}}\n";
        HttpResponse<String> refused = send(analyst, "PUT", PATH + "/partner-alert/fr", body(own));
        assertThat(refused.statusCode()).isEqualTo(403);

        HttpResponse<String> stored = send(supervisor, "PUT", PATH + "/partner-alert/fr", body(own));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        JsonNode entry = BearerApi.JSON.readTree(stored.body());
        assertThat(entry.get("custom").asBoolean()).isTrue();
        assertThat(entry.get("updatedBy").asString()).isEqualTo(supervisorUser);
        assertThat(templates.forProduct(ProductType.PARTNER_ALERT, "fr").source()).isEqualTo(own);
        assertThat(templates.forProduct(ProductType.PARTNER_ALERT, "en").source())
                .isEqualTo(BulletinTemplates.defaultTemplate(ProductType.PARTNER_ALERT, "en").source());
        assertThat(api.get(administrator, PATH + "/PARTNER_ALERT/fr", 200).get("source").asString()).isEqualTo(own);

        HttpResponse<String> reset = send(administrator, "DELETE", PATH + "/partner-alert/fr", null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(BearerApi.JSON.readTree(reset.body()).get("custom").asBoolean()).isFalse();
        assertThat(templates.forProduct(ProductType.PARTNER_ALERT, "fr").source())
                .isEqualTo(BulletinTemplates.defaultTemplate(ProductType.PARTNER_ALERT, "fr").source());

        List<Map<String, Object>> audited = jdbc.sql("""
                SELECT action, object_ids, details FROM audit_record WHERE object_type = 'bulletin-template'
                ORDER BY seq""").query().listOfRows();
        assertThat(audited).hasSize(2);
        assertThat(audited).allSatisfy(r -> assertThat(r.get("action")).isEqualTo("ADMINISTRATION"));
        assertThat(audited.toString()).contains("PARTNER_ALERT/fr", "bulletin-template-store", "bulletin-template-reset");
    }

    @Test
    void aTemplateWithAnUnknownFieldIsRefusedNamingTheFieldAndTheLineAndNothingIsStored() throws Exception {
        String source = "{{title}}\n\n# Situation\n{{summary}}\nScore : {{riskScore}}\n";
        HttpResponse<String> refused = send(administrator, "PUT", PATH + "/situation-report/fr", body(source));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = BearerApi.JSON.readTree(refused.body());
        assertThat(problem.get("field").asString()).isEqualTo("source");
        assertThat(problem.get("line").asInt()).isEqualTo(5);
        assertThat(problem.get("templateField").asString()).isEqualTo("riskScore");
        assertThat(problem.get("detail").asString()).contains("line 5", "{{riskScore}}");
        assertThat(new BearerApi(port).get(administrator, PATH + "/situation-report/fr", 200).get("custom").asBoolean())
                .isFalse();

        HttpResponse<String> unknownType = send(administrator, "PUT", PATH + "/weather-report/fr", body("{{title}}"));
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(unknownType.body()).get("field").asString()).isEqualTo("productType");
        HttpResponse<String> unknownLanguage = send(administrator, "PUT", PATH + "/partner-alert/de", body("{{title}}"));
        assertThat(unknownLanguage.statusCode()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(unknownLanguage.body()).get("field").asString()).isEqualTo("language");
        HttpResponse<String> noSource = send(administrator, "PUT", PATH + "/partner-alert/en", "{}");
        assertThat(noSource.statusCode()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(noSource.body()).get("field").asString()).isEqualTo("source");
    }

    private static String body(String source) {
        return BearerApi.JSON.writeValueAsString(Map.of("source", source));
    }

    private HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
