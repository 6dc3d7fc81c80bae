package org.fusioncell.monitoring.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.testing.BearerApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/alert-settings} with a bearer token, and the settings page in Arabic. */
class AlertSettingsApiTest extends DeliveryWorld {

    private JsonNode json(HttpResponse<String> r) {
        return BearerApi.JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void settingsAndWebhooksAreTheCallersOwnAndBadInputNamesTheField() throws Exception {
        String user = user();
        String token = new IdentityFixtures(jdbc).token(user, "read", "write");
        BearerApi api = new BearerApi(port);

        JsonNode defaults = api.get(token, "/api/v1/alert-settings", 200);
        assertThat(defaults.get("emailMode").asString()).isEqualTo("OFF");
        assertThat(defaults.get("language").asString()).isEqualTo("en");
        assertThat(defaults.get("mailAvailable").asBoolean()).isTrue();

        HttpResponse<String> bad = send(token, "PUT", "/api/v1/alert-settings", "{\"emailMode\":\"DAILY_DIGEST\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("field").asString()).isEqualTo("email");
        HttpResponse<String> badMode = send(token, "PUT", "/api/v1/alert-settings", "{\"emailMode\":\"WEEKLY\"}");
        assertThat(json(badMode).get("field").asString()).isEqualTo("emailMode");

        HttpResponse<String> saved = send(token, "PUT", "/api/v1/alert-settings",
                "{\"email\":\"desk@agency.test\",\"emailMode\":\"HOURLY_DIGEST\",\"immediateSeverity\":\"critical\",\"language\":\"fr\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved).get("immediateSeverity").asString()).isEqualTo("CRITICAL");

        HttpResponse<String> refused = api.post(token, "/api/v1/alert-settings/webhooks",
                "{\"url\":\"https://exfil.example.net/in\",\"description\":\"x\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(refused);
        assertThat(problem.get("type").asString()).endsWith("/webhook-host-not-allowed");
        assertThat(problem.get("field").asString()).isEqualTo("url");
        assertThat(problem.get("host").asString()).isEqualTo("exfil.example.net");
        assertThat(problem.get("detail").asString()).contains("exfil.example.net");

        HttpResponse<String> created = api.post(token, "/api/v1/alert-settings/webhooks",
                "{\"url\":\"https://soc.partner.example/fusioncell\",\"description\":\"SOC\"}");
        String id = BearerApi.created(created);
        assertThat(json(created).get("secret").asString()).startsWith("whsec_");
        JsonNode listed = api.get(token, "/api/v1/alert-settings/webhooks", 200);
        assertThat(listed.get("items").size()).isEqualTo(1);
        assertThat(listed.toString()).as("the secret is shown once").doesNotContain("whsec_");

        String other = new IdentityFixtures(jdbc).token(user(), "read", "write");
        assertThat(api.get(other, "/api/v1/alert-settings/webhooks", 200).get("items").size()).isZero();
        assertThat(send(other, "DELETE", "/api/v1/alert-settings/webhooks/" + id, null).statusCode()).isEqualTo(404);
        assertThat(send(token, "DELETE", "/api/v1/alert-settings/webhooks/" + id, null).statusCode()).isEqualTo(204);
        assertThat(api.get(token, "/api/v1/alert-settings/webhooks", 200).get("items").size()).isZero();
        assertThat(api.get(token, "/api/v1/alert-settings/dead-letters", 200).get("total").asLong()).isZero();
        assertThat(api.post(token, "/api/v1/alert-settings/dead-letters/" + id + "/resend", "").statusCode())
                .isEqualTo(404);

        String readOnly = new IdentityFixtures(jdbc).token(user, "read");
        assertThat(send(readOnly, "PUT", "/api/v1/alert-settings", "{}").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE actor_user_id = :u AND action = 'ALTERATION'")
                .param("u", user).query(Long.class).single()).as("settings, webhook added, webhook removed").isEqualTo(3);
    }

    @Test
    void theSettingsPageSavesAndRegistersInArabic() {
        String user = user();
        LoggedIn web = new LoggedIn(port, username(user));
        String page = web.get("/alerts/settings?lang=ar").body();
        assertThat(page).contains("إعدادات التنبيهات", "id=\"mail-form\"", "name=\"_csrf\"", "ملخّص يومي");

        HttpResponse<String> saved = web.submit("/alerts/settings", "/alerts/settings", Map.of("email", "",
                "emailMode", "IMMEDIATE", "immediateSeverity", "", "language", "ar"));
        assertThat(saved.statusCode()).as("refused, shown again").isEqualTo(200);
        assertThat(saved.body()).contains("id=\"alerts-error\"", "أدخل عنوان بريد إلكتروني");

        saved = web.submit("/alerts/settings", "/alerts/settings", Map.of("email", "desk@agency.test",
                "emailMode", "IMMEDIATE", "immediateSeverity", "HIGH", "language", "ar"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(channels.settings(user).language()).isEqualTo("ar");

        HttpResponse<String> refused = web.submit("/alerts/settings", "/alerts/settings/webhooks",
                Map.of("url", "https://exfil.example.net/in", "description", ""));
        assertThat(refused.body()).contains("exfil.example.net", "غير مسموح به");
        HttpResponse<String> added = web.submit("/alerts/settings", "/alerts/settings/webhooks",
                Map.of("url", "https://soc.partner.example/in", "description", "غرفة العمليات"));
        assertThat(added.body()).contains("id=\"new-secret\"", "whsec_", "غرفة العمليات");
        assertThat(web.get("/alerts/settings").body()).as("shown once").doesNotContain("whsec_");
    }
}
