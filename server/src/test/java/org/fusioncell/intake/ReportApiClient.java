package org.fusioncell.intake;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the reports API in tests: JSON, PUT with If-Match, multipart uploads. */
final class ReportApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ReportApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    static Map<String, Object> report(String title, String classification, String tlp, List<String> tags) {
        return Map.of("title", title, "body", "Texte du rapport — نص التقرير",
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2),
                "marking", Map.of("classification", classification, "tlp", tlp), "tags", tags);
    }

    HttpResponse<String> get(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("X-FusionCell-Justification", "test").GET());
    }

    HttpResponse<String> post(String token, String path, Object body) {
        return send(json(token, path).POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    HttpResponse<String> put(String token, String path, String ifMatch, Object body) {
        HttpRequest.Builder b = json(token, path).PUT(HttpRequest.BodyPublishers.ofString(write(body)));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b);
    }

    HttpResponse<String> upload(String token, String reportId, String fileName, String contentType, byte[] content) {
        String boundary = "----fusioncell" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replace("\"", "%22") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/" + reportId + "/attachments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static JsonNode tree(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private HttpRequest.Builder json(String token, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static String write(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
