package org.fusioncell.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/v1/reports/import: everything checked first, then all stored or nothing, errors by line and field. */
@FusionCellTest
@Tag("persistence")
class ReportImportApiTest {

    private static final String GRADING = "\"grading\":{\"sourceReliability\":\"B\",\"informationCredibility\":2}";
    private static final String MARKING = "\"marking\":{\"classification\":\"RESTRICTED\",\"tlp\":\"AMBER\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    String token;
    String user;

    @BeforeEach
    void analyst() {
        if (token == null) {
            IdentityFixtures fx = new IdentityFixtures(jdbc);
            String org = fx.organisation(OrganisationType.STATE_AGENCY);
            user = fx.user(org, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of());
            token = fx.token(user, "read", "write");
        }
    }

    private static String report(String title, String body) {
        return "{\"title\":\"" + title + "\",\"body\":\"" + body + "\"," + GRADING + "," + MARKING + "}";
    }

    @Test
    void aValidJsonLinesFileInArabicFrenchAndEnglishIsImportedWhole() throws Exception {
        long before = rows("intake_report");
        String file = "\uFEFF" + report("تقرير عن عبور الحدود", "شوهدت مركبة قرب المعبر الحدودي") + "\n"
                + "\n"
                + report("Rapport sur un transfert", "Un virement suspect a été signalé à Tunis") + "\r\n"
                + report("Report on a meeting", "Two persons met near the port of Nouakchott") + "\n";
        HttpResponse<String> r = upload("reports.jsonl", "application/x-ndjson", file, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("imported").asInt()).isEqualTo(3);
        assertThat(answer.get("ids")).hasSize(3);
        assertThat(rows("intake_report")).isEqualTo(before + 3);
        assertThat(jdbc.sql("SELECT language FROM intake_report WHERE id = :id").param("id", answer.get("ids").get(0).asString())
                .query(String.class).single()).isEqualTo("ar");
        long collections = jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'COLLECTION' AND object_type = 'report' "
                + "AND actor_user_id = :u").param("u", user).query(Long.class).single();
        assertThat(collections).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT details FROM audit_record WHERE object_type = 'report-import' AND object_ids LIKE :id")
                .param("id", "%" + answer.get("importId").asString() + "%").query(String.class).single()).contains("\"3\"");
    }

    @Test
    void aJsonLinesBodyIsImportedToo() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request("/api/v1/reports/import")
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(report("Body import", "sent as the request body"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(JSON.readTree(r.body()).get("imported").asInt()).isEqualTo(1);
    }

    @Test
    void aCsvFileWithAMappingIsImported() throws Exception {
        String csv = "\uFEFFTitre;Texte;Fiab;Cred;Date;Lieu;Lat;Lon\r\n"
                + "Transfert suspect;\"Virement de 9 000 €; puis retrait\r\nle même jour\";B;2;2026-03-01T14:30:00Z;Tunis;36.8;10.18\r\n"
                + "عبور الحدود;\"قال الشاهد \"\"رأيت سيارتين\"\"\";C;3;;;;\r\n";
        String mapping = """
                {"format":"csv","delimiter":";",
                 "columns":{"title":"Titre","body":"Texte","grading.sourceReliability":"Fiab",
                            "grading.informationCredibility":"Cred","occurredAt":"Date","place.name":"Lieu",
                            "place.latitude":"Lat","place.longitude":"Lon"},
                 "defaults":{"marking.classification":"RESTRICTED","marking.tlp":"AMBER"}}""";
        HttpResponse<String> r = upload("rapports.csv", "text/csv", csv, mapping);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode ids = JSON.readTree(r.body()).get("ids");
        assertThat(ids).hasSize(2);
        var first = jdbc.sql("SELECT body, latitude, place_name FROM intake_report WHERE id = :id")
                .param("id", ids.get(0).asString()).query().singleRow();
        assertThat(first.get("body")).isEqualTo("Virement de 9 000 €; puis retrait\r\nle même jour");
        assertThat(((Number) first.get("latitude")).doubleValue()).isEqualTo(36.8);
        assertThat(jdbc.sql("SELECT body FROM intake_report WHERE id = :id").param("id", ids.get(1).asString())
                .query(String.class).single()).isEqualTo("قال الشاهد \"رأيت سيارتين\"");
    }

    @Test
    void errorsAreListedByLineAndFieldInTheApisWordsAndNothingIsWritten() throws Exception {
        long reports = rows("intake_report");
        long markings = rows("access_marking");
        long audit = rows("audit_record");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            lines.add(report("Report " + i, "body " + i));
        }
        lines.set(2, "{\"body\":\"b\"," + GRADING + ",\"marking\":{\"classification\":\"RESTRICTED\",\"tlp\":\"PURPLE\"}}");
        lines.set(6, "{\"title\":\"t\",\"body\":\"b\",\"occurredAt\":\"yesterday\"," + GRADING
                + ",\"marking\":{\"classification\":\"RESTRICTED\",\"tlp\":\"AMBER\","
                + "\"releasability\":{\"organisations\":[\"0195a3c0-0000-7000-8000-000000000000\"]}}}");
        HttpResponse<String> r = upload("bad.jsonl", "application/x-ndjson", String.join("\n", lines), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.body());
        List<String> found = new ArrayList<>();
        problem.get("errors").forEach(e -> found.add(e.get("line").asLong() + " " + e.get("field").asString()));
        assertThat(found).containsExactlyInAnyOrder("3 title", "3 marking.tlp", "7 occurredAt",
                "7 marking.releasability.organisations[0]");
        assertThat(problem.get("errorCount").asLong()).isEqualTo(4);
        problem.get("errors").forEach(e -> {
            if (e.get("field").asString().equals("marking.tlp")) {
                assertThat(e.get("problem").asString()).isEqualTo("unknown TLP label; one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED");
            }
            if (e.get("field").asString().equals("title")) {
                assertThat(e.get("problem").asString()).isEqualTo("is required");
            }
        });
        assertThat(rows("intake_report")).isEqualTo(reports);
        assertThat(rows("access_marking")).isEqualTo(markings);
        assertThat(rows("audit_record")).isEqualTo(audit);
    }

    @Test
    void aWrongMappingIsNamedAndAMalformedCsvRecordIsReportedByLine() throws Exception {
        HttpResponse<String> r = upload("x.csv", "text/csv", "a\nb\n", "{\"columns\":{\"titel\":\"a\"}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asString()).isEqualTo("mapping.columns.titel");

        String csv = "title,body,grading.sourceReliability,grading.informationCredibility,marking.classification,marking.tlp\n"
                + "ok,ok,A,1,RESTRICTED,AMBER\n"
                + "t,\"b\"x,A,1,RESTRICTED,AMBER\n"
                + "only,three,fields\n";
        JsonNode problem = JSON.readTree(upload("x.csv", "text/csv", csv, null).body());
        List<String> found = new ArrayList<>();
        problem.get("errors").forEach(e -> found.add(e.get("line").asLong() + " " + e.get("field").asString()));
        assertThat(found).containsExactly("3 csv", "4 csv");
    }

    @Test
    void aRefusalByTheStoreHalfwayRollsBackEveryReportMarkingAndAuditRecord() throws Exception {
        long reports = rows("intake_report");
        long markings = rows("access_marking");
        long audit = rows("audit_record");
        // a real constraint of the database that the Java checks do not know about
        jdbc.sql("ALTER TABLE intake_report ADD CONSTRAINT test_import_refusal CHECK (title <> 'refused by the store')").update();
        try {
            String unique = "{\"classification\":\"RESTRICTED\",\"tlp\":\"GREEN\",\"caveats\":[\"IMPORTTEST\"]}";
            String file = String.join("\n",
                    report("accepted first", "b").replace(MARKING, "\"marking\":" + unique),
                    report("refused by the store", "b"),
                    report("never reached", "b"));
            HttpResponse<String> r = upload("r.jsonl", "application/x-ndjson", file, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(JSON.readTree(r.body()).get("line").asLong()).isEqualTo(2);
        } finally {
            jdbc.sql("ALTER TABLE intake_report DROP CONSTRAINT test_import_refusal").update();
        }
        assertThat(rows("intake_report")).isEqualTo(reports);
        assertThat(rows("access_marking")).isEqualTo(markings);
        assertThat(rows("audit_record")).isEqualTo(audit);
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> upload(String name, String type, String file, String mapping) throws Exception {
        String boundary = "----import" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "file", name, type, file);
        if (mapping != null) {
            part(body, boundary, "mapping", "mapping.json", "application/json", mapping);
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(request("/api/v1/reports/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String file, String type, String content) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
