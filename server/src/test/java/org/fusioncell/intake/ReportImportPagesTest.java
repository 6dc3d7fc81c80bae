package org.fusioncell.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The import page: a multipart upload with its CSRF token, errors in a table with translated headings. */
@FusionCellTest
@Tag("persistence")
class ReportImportPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String ROW = "{\"title\":\"TITLE\",\"body\":\"نص التقرير\",\"grading\":{\"sourceReliability\":\"B\","
            + "\"informationCredibility\":2},\"marking\":{\"classification\":\"UNCLASSIFIED\",\"tlp\":\"GREEN\"}}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anArabicUploadListsErrorsUnderArabicHeadingsThenImportsWhenCorrected() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        fx.user("import.page", org, "UNCLASSIFIED", Set.of(Role.ANALYST), Set.of(), null);
        String csrf = csrf(get("/login").body());
        post("/login", "application/x-www-form-urlencoded", ("username=import.page&password="
                + URLEncoder.encode(IdentityFixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> page = get("/reports/import?lang=ar");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("استيراد التقارير").contains("dir=\"rtl\"").contains("multipart/form-data");

        HttpResponse<String> bad = upload(csrf(page.body()), ROW.replace("TITLE", "سليم") + "\n" + ROW.replace("\"TITLE\"", "\"\""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"import-errors\"").contains("السطر").contains("الحقل").contains("المشكلة")
                .contains("<code>title</code>");
        long before = jdbc.sql("SELECT COUNT(*) FROM intake_report").query(Long.class).single();

        HttpResponse<String> good = upload(csrf(bad.body()), ROW.replace("TITLE", "تقرير أول") + "\n" + ROW.replace("TITLE", "Rapport"));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(good.body()).contains("id=\"import-done\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_report").query(Long.class).single()).isEqualTo(before + 2);
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() throws Exception {
        assertThat(upload("not-a-token", ROW).statusCode()).isIn(302, 403);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String csrf, String jsonLines) throws Exception {
        String boundary = "----page" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.jsonl\"\r\n"
                + "Content-Type: application/x-ndjson\r\n\r\n" + jsonLines + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return post("/reports/import?lang=ar", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }
}
