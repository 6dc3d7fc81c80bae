package org.fusioncell.submissions;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An anonymous visitor of the public submission form: a cookie jar, the form's CSRF token, multipart posts. */
final class PublicForm {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    PublicForm(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String token() throws Exception {
        Matcher m = CSRF.matcher(get("/contribute?lang=ar").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the public form");
        }
        return m.group(1);
    }

    /** Posts the fields (with {@code csrf} when not null) and an optional file as multipart/form-data. */
    HttpResponse<String> post(Map<String, String> fields, String csrf, String fileName, byte[] file) throws Exception {
        String boundary = "----fc" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var e : fields.entrySet()) {
            part(out, boundary, "Content-Disposition: form-data; name=\"" + e.getKey() + "\"", e.getValue()
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (csrf != null) {
            part(out, boundary, "Content-Disposition: form-data; name=\"_csrf\"", csrf.getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            part(out, boundary, "Content-Disposition: form-data; name=\"attachment\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream", file);
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(base + "/contribute"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void part(ByteArrayOutputStream out, String boundary, String headers, byte[] body) {
        out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
