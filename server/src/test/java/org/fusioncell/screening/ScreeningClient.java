package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.fusioncell.testing.BearerApi;
import tools.jackson.databind.JsonNode;

/** The screening API as the tests call it: JSON, multipart uploads, and waiting for after-commit work. */
final class ScreeningClient {

    private final int port;
    private final BearerApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    ScreeningClient(int port) {
        this.port = port;
        this.api = new BearerApi(port);
    }

    BearerApi api() {
        return api;
    }

    HttpResponse<String> post(String token, String path, String json) throws Exception {
        return api.post(token, path, json);
    }

    JsonNode get(String token, String path) throws Exception {
        return api.get(token, path, 200);
    }

    /** A multipart upload: {@code file} with the given name and bytes, then any plain fields. */
    HttpResponse<String> upload(String token, String path, String fileName, byte[] file, Map<String, String> fields)
            throws Exception {
        String boundary = "----screening" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> batch(String token, String csv) throws Exception {
        return upload(token, "/api/v1/screening/batches", "people.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The list's index is rebuilt after commit: waits until a query searches the list at that version. */
    void awaitIndexed(String token, String listId, int version) throws Exception {
        await(() -> {
            JsonNode r = BearerApi.JSON.readTree(post(token, "/api/v1/screening/queries", "{\"name\":\"Warm Up\"}").body());
            for (JsonNode l : r.get("lists")) {
                if (l.get("id").asString().equals(listId) && l.get("version").asInt() >= version) {
                    return true;
                }
            }
            return false;
        }, "list " + listId + " indexed at version " + version);
    }

    static void await(CheckedCondition condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.holds()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    interface CheckedCondition {
        boolean holds() throws Exception;
    }

    static Predicate<JsonNode> fromList(String listId) {
        return c -> c.get("listId").asString().equals(listId);
    }
}
