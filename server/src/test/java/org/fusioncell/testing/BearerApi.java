package org.fusioncell.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running test server's REST API with a bearer token, as a partner system would. */
public final class BearerApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public BearerApi(int port) {
        this.port = port;
    }

    public HttpResponse<String> post(String token, String path, String jsonBody) throws Exception {
        return http.send(request(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build(), utf8());
    }

    /** POSTs {@code body} as JSON (a String is sent as written). */
    public HttpResponse<String> send(String token, String path, Object body) throws Exception {
        return post(token, path, body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    public HttpResponse<String> put(String token, String path, String ifMatch, Object body) throws Exception {
        HttpRequest.Builder b = request(token, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), utf8());
    }

    public HttpResponse<String> fetch(String token, String path) throws Exception {
        return http.send(request(token, path).GET().build(), utf8());
    }

    public int status(String token, String path) throws Exception {
        return http.send(request(token, path).GET().build(), utf8()).statusCode();
    }

    /** GETs {@code path}, asserts the status and returns the JSON body. */
    public JsonNode get(String token, String path, int status) throws Exception {
        HttpResponse<String> r = http.send(request(token, path).GET().build(), utf8());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    /** The id of what a 201 answer created. */
    public static String created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asString();
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpResponse.BodyHandler<String> utf8() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }
}
