package org.fusioncell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The monitoring API as a user's client calls it (bearer token), with waiting for alerts to arrive. */
final class MonitoringClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    MonitoringClient(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> post(String token, String path, Object body) throws Exception {
        return http.send(request(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> put(String token, String path, String ifMatch, Object body) throws Exception {
        HttpRequest.Builder b = request(token, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> delete(String token, String path) throws Exception {
        return http.send(request(token, path).DELETE().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode json(String token, String path) throws Exception {
        HttpResponse<String> r = get(token, path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Creates a watch and answers its id. */
    String watch(String token, String name, Map<String, Object> criterion, Map<String, Object> more) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(more);
        body.put("name", name);
        body.put("criterion", criterion);
        HttpResponse<String> r = post(token, "/api/v1/watches", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asString();
    }

    /** The reader's inbox once {@code done} holds for it, or the last one read when {@code within} has passed. */
    JsonNode inboxWhen(String token, Predicate<JsonNode> done, Duration within) throws Exception {
        Instant until = Instant.now().plus(within);
        JsonNode inbox = json(token, "/api/v1/alerts?size=500");
        while (!done.test(inbox) && Instant.now().isBefore(until)) {
            Thread.sleep(50);
            inbox = json(token, "/api/v1/alerts?size=500");
        }
        return inbox;
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
    }
}
