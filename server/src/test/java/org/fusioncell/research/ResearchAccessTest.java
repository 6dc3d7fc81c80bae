package org.fusioncell.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.incidents.IncidentDraft;
import org.fusioncell.monitoring.incidents.Incidents;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Research access end to end over the API: a researcher's bad requests are refused naming the field and nothing is
 * stored; a request for aggregates and one for records are approved by the cell's supervisor and exported from
 * what that supervisor may see (an incident hidden from the cell is never counted), with small cells suppressed
 * and k-anonymity holding in the file; a refusal needs a reason; every export is logged with the SHA-256 of the
 * very file downloaded, and audited; only the requester and the cell's approvers learn a request exists.
 */
@FusionCellTest
@Tag("persistence")
class ResearchAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Incidents incidents;
    @Autowired
    Readers readers;

    @Test
    void aRequestIsApprovedAndExportedWithSuppressionAndKAnonymity() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        BearerApi api = new BearerApi(port);
        String cell = fx.organisation("Research test cell", OrganisationType.STATE_AGENCY, "MR");
        String police = fx.organisation("Research test police", OrganisationType.STATE_AGENCY, "MR");
        String university = fx.organisation("Université de test", OrganisationType.ACADEMIC_INSTITUTION, "MR");
        String supervisor = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR, Role.ANALYST), Set.of());
        String analyst = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String policeSupervisor = fx.user(police, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        String researcher = fx.user(university, "UNCLASSIFIED", Set.of(Role.RESEARCHER), Set.of());
        String otherResearcher = fx.user(university, "UNCLASSIFIED", Set.of(Role.RESEARCHER), Set.of());
        String tSup = fx.token(supervisor, "read", "write");
        String tAnalyst = fx.token(analyst, "read", "write");
        String tPolice = fx.token(policeSupervisor, "read", "write");
        String tRes = fx.token(researcher, "read", "write");
        String tOther = fx.token(otherResearcher, "read", "write");

        // what the cell may see: 30 in Mali, 15 in Mauritania, 4 in Niger; the police's 12 in Burkina Faso are not
        Marking cellOnly = new Marking(0, Tlp.AMBER, Releasability.NONE, false, Set.of(), cell);
        Marking policeOnly = new Marking(0, Tlp.AMBER, Releasability.NONE, false, Set.of(), police);
        var cellReader = readers.forUser(analyst, "test");
        var policeReader = readers.forUser(policeSupervisor, "test");
        int made = 0;
        for (var e : Map.of("MLI", 30, "MRT", 15, "NER", 4).entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                incidents.record(cellReader, incident(LocalDate.of(2004, 2, 1 + i % 28), e.getKey(), i, cellOnly));
                made++;
            }
        }
        for (int i = 0; i < 12; i++) {
            incidents.record(policeReader, incident(LocalDate.of(2004, 2, 2), "BFA", i, policeOnly));
        }
        assertThat(made).isEqualTo(49);

        // bad input names the field; nothing is stored
        long before = requests();
        Map<String, Object> good = request(cell, List.of("country"), "AGGREGATES", null);
        assertField(api.send(tRes, "/api/v1/research/requests", without(good, "ethicsReference")), "ethicsReference");
        assertField(api.send(tRes, "/api/v1/research/requests", with(good, "periodTo", "2004-01-31")), "periodTo");
        assertField(api.send(tRes, "/api/v1/research/requests", with(with(good, "output", "RECORDS"), "k", 1)), "k");
        assertField(api.send(tRes, "/api/v1/research/requests", with(good, "fields", List.of("country", "placeName"))),
                "fields[1]");
        assertField(api.send(tRes, "/api/v1/research/requests", with(good, "epsilon", 50)), "epsilon");
        assertThat(requests()).isEqualTo(before);
        assertThat(api.send(tAnalyst, "/api/v1/research/requests", good).statusCode()).as("researchers only").isEqualTo(403);

        // aggregates by country, threshold 10
        String aggregates = BearerApi.created(api.send(tRes, "/api/v1/research/requests", good));
        assertThat(api.get(tRes, "/api/v1/research/requests/" + aggregates, 200).get("status").asString())
                .isEqualTo("SUBMITTED");
        // who learns of it: the requester and the cell's approvers; nobody else
        assertThat(api.status(tOther, "/api/v1/research/requests/" + aggregates)).isEqualTo(404);
        assertThat(api.status(tAnalyst, "/api/v1/research/requests/" + aggregates)).isEqualTo(404);
        assertThat(api.status(tPolice, "/api/v1/research/requests/" + aggregates)).isEqualTo(404);
        assertThat(ids(api.get(tOther, "/api/v1/research/requests", 200))).doesNotContain(aggregates);
        assertThat(ids(api.get(tSup, "/api/v1/research/requests", 200))).contains(aggregates);
        assertThat(api.send(tRes, "/api/v1/research/requests/" + aggregates + "/decision",
                Map.of("decision", "APPROVE")).statusCode()).as("a researcher does not approve").isEqualTo(403);
        assertThat(api.send(tPolice, "/api/v1/research/requests/" + aggregates + "/decision",
                Map.of("decision", "APPROVE")).statusCode()).isEqualTo(404);

        HttpResponse<String> approved = api.send(tSup, "/api/v1/research/requests/" + aggregates + "/decision",
                Map.of("decision", "APPROVE", "conditions", "Publication agrégée uniquement ; citer la cellule."));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(api.send(tSup, "/api/v1/research/requests/" + aggregates + "/decision",
                Map.of("decision", "REFUSE", "reason", "x")).statusCode()).isEqualTo(409);
        JsonNode mine = api.get(tRes, "/api/v1/research/requests/" + aggregates, 200);
        assertThat(mine.get("status").asString()).isEqualTo("APPROVED");
        assertThat(mine.get("conditions").asString()).startsWith("Publication agrégée");
        JsonNode exports = api.get(tRes, "/api/v1/research/requests/" + aggregates + "/exports", 200).get("items");
        assertThat(exports).hasSize(1);
        String exportId = exports.get(0).get("id").asString();
        HttpResponse<String> file = api.fetch(tRes, "/api/v1/research/requests/" + aggregates + "/exports/"
                + exportId + ".csv");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(sha256(file.body())).isEqualTo(exports.get(0).get("sha256").asString());
        assertThat(api.status(tOther, "/api/v1/research/requests/" + aggregates + "/exports/" + exportId + ".csv"))
                .isEqualTo(404);
        Map<String, List<String>> rows = new HashMap<>();
        for (CSVRecord r : csv(file.body()).subList(1, csv(file.body()).size())) {
            rows.put(r.get(0) + ":" + r.get(1), r.toList());
        }
        assertThat(rows.get("cell:MLI")).containsExactly("cell", "MLI", "30", "");
        assertThat(rows.get("cell:NER")).containsExactly("cell", "NER", "", "suppressed");
        assertThat(rows.get("cell:MRT")).as("complementary suppression").containsExactly("cell", "MRT", "", "suppressed");
        assertThat(rows.get("total:(all)")).containsExactly("total", "(all)", "49", "");
        assertThat(file.body()).as("what the approver may not see is not exported").doesNotContain("BFA");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'EXPORT' AND object_type = "
                        + "'research-request' AND object_ids LIKE :id AND details LIKE :sha AND actor_user_id = :sup")
                .param("id", "%" + exportId + "%").param("sha", "%" + sha256(file.body()) + "%").param("sup", supervisor)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'DISCLOSURE' AND object_ids LIKE :id "
                + "AND actor_user_id = :r").param("id", "%" + exportId + "%").param("r", researcher)
                .query(Long.class).single()).as("the download is audited").isEqualTo(1);

        // pseudonymised records, k = 10
        String records = BearerApi.created(api.send(tRes, "/api/v1/research/requests",
                request(cell, List.of("date", "country", "attackType", "fatalities"), "RECORDS", 10)));
        assertThat(api.send(tSup, "/api/v1/research/requests/" + records + "/decision",
                Map.of("decision", "APPROVE")).statusCode()).isEqualTo(200);
        JsonNode recExport = api.get(tRes, "/api/v1/research/requests/" + records + "/exports", 200).get("items").get(0);
        String recFile = api.fetch(tRes, "/api/v1/research/requests/" + records + "/exports/"
                + recExport.get("id").asString() + ".csv").body();
        List<CSVRecord> recRows = csv(recFile);
        assertThat(recRows.get(0).toList()).containsExactly("pseudonym", "date", "country", "attackType", "fatalities");
        Map<List<String>, Integer> classes = new HashMap<>();
        for (CSVRecord r : recRows.subList(1, recRows.size())) {
            classes.merge(r.toList().subList(1, 5), 1, Integer::sum);
        }
        assertThat(classes.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));
        assertThat(recRows.size() - 1 + recExport.get("suppressedCount").asInt()).isEqualTo(49);
        assertThat(recFile).doesNotContain("BFA").doesNotContain("Village");

        // a refusal needs a reason, and the researcher reads it
        String refused = BearerApi.created(api.send(tRes, "/api/v1/research/requests", good));
        // the ethics approval document: a PDF by its content, while the request awaits a decision
        HttpResponse<String> notPdf = upload(tRes, refused, "approval.pdf", "just text".getBytes(StandardCharsets.UTF_8));
        assertField(notPdf, "file");
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> attached = upload(tRes, refused, "approval.pdf", pdf);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        assertThat(BearerApi.JSON.readTree(attached.body()).get("ethics").get("documentSha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(upload(tOther, refused, "approval.pdf", pdf).statusCode()).isEqualTo(404);
        assertField(api.send(tSup, "/api/v1/research/requests/" + refused + "/decision", Map.of("decision", "REFUSE")),
                "reason");
        assertThat(api.send(tSup, "/api/v1/research/requests/" + refused + "/decision",
                Map.of("decision", "REFUSE", "reason", "Avis éthique expiré.")).statusCode()).isEqualTo(200);
        JsonNode r = api.get(tRes, "/api/v1/research/requests/" + refused, 200);
        assertThat(r.get("status").asString()).isEqualTo("REFUSED");
        assertThat(r.get("refusalReason").asString()).isEqualTo("Avis éthique expiré.");
        assertThat(api.get(tRes, "/api/v1/research/requests/" + refused + "/exports", 200).get("items")).isEmpty();
        assertThat(ids(api.get(tRes, "/api/v1/research/requests", 200))).contains(aggregates, records, refused);
    }

    private HttpResponse<String> upload(String token, String id, String name, byte[] content) throws Exception {
        String boundary = "----research" + System.nanoTime();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/research/requests/" + id
                                + "/ethics-document"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static IncidentDraft incident(LocalDate date, String country, int i, Marking marking) {
        return new IncidentDraft(date, null, null, "Village " + i, country, null, null, null, null, "armed-assault",
                "civilians", "firearms", "Groupe armé", null, i % 3, 1, List.of("test"), marking, null,
                "Description libre " + i, null, null);
    }

    static Map<String, Object> request(String cell, List<String> fields, String output, Integer k) {
        Map<String, Object> m = new HashMap<>();
        m.put("cellOrganisationId", cell);
        m.put("purpose", "Étude des dynamiques de la violence armée au Sahel (thèse de doctorat).");
        m.put("ethicsReference", "CER-2025-114");
        m.put("ethicsIssuingBody", "Comité d'éthique de la recherche, Université de test");
        m.put("ethicsDate", "2025-11-02");
        m.put("fields", fields);
        m.put("periodFrom", "2004-02-01");
        m.put("periodTo", "2004-02-29");
        m.put("output", output);
        if (k != null) {
            m.put("k", k);
        }
        return m;
    }

    private long requests() {
        return jdbc.sql("SELECT COUNT(*) FROM research_request").query(Long.class).single();
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> out = new HashMap<>(m);
        out.put(key, value);
        return out;
    }

    private static Map<String, Object> without(Map<String, Object> m, String key) {
        Map<String, Object> out = new HashMap<>(m);
        out.remove(key);
        return out;
    }

    static void assertField(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(r.body()).get("field").asString()).as(r.body()).isEqualTo(field);
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asString()));
        return out;
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
