package org.fusioncell.exchange.hits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.identity.IdentityFixtures;
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
 * Federated hit/no-hit end to end, with the running test server as both cells: the national cell (A) asks
 * its partner cell B over HTTP at the server's own loopback address, with the token of a user of A (the
 * organisation that stands for cell A on B's side). B holds a person written in Arabic, a person in Latin
 * letters and a phone number; only minimised forms travel; B's supervisors decide on release; no one else
 * learns anything.
 */
@FusionCellTest
@Tag("persistence")
class HitQueriesApiTest {

    static final String QUERIES = "/api/v1/exchange/hit-queries";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private BearerApi api;

    private static String cellA;
    private static String cellB;
    private static String aAnalyst;
    private static String aOtherAnalyst;
    private static String bAnalyst;
    private static String bSupervisor;
    private static String strangerAnalyst;
    private static String partnerB;
    private static String partnerUnreachable;
    private static String heldPerson;
    private static String heldPhone;

    @BeforeEach
    void world() throws Exception {
        api = new BearerApi(port);
        if (cellA != null) {
            return;
        }
        HitWorld w = HitWorld.build(jdbc, api, port);
        cellA = w.cellA();
        cellB = w.cellB();
        aAnalyst = w.aAnalyst();
        aOtherAnalyst = w.aOtherAnalyst();
        bAnalyst = w.bAnalyst();
        bSupervisor = w.bSupervisor();
        strangerAnalyst = w.strangerAnalyst();
        partnerB = w.partnerB();
        partnerUnreachable = w.partnerUnreachable();
        heldPerson = w.heldPerson();
        heldPhone = w.heldPhone();
    }

    private JsonNode ask(String token, Map<String, Object> body) throws Exception {
        HttpResponse<String> r = api.send(token, QUERIES, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return BearerApi.JSON.readTree(r.body());
    }

    private static Map<String, Object> person(String name, String birthDate, List<String> partners) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "PERSON");
        body.put("name", name);
        body.put("birthDate", birthDate);
        body.put("partners", partners);
        return body;
    }

    private static Map<String, Object> phone(String number, List<String> partners) {
        return Map.of("kind", "IDENTIFIER", "identifierType", "PHONE", "identifier", Map.of("number", number),
                "partners", partners);
    }

    private static String outcome(JsonNode query, int answer) {
        return query.get("answers").get(answer).get("outcome").asString();
    }

    @Test
    void aPersonIsAHitOnNameKeysAndDateOfBirthAndNoHitOnAnotherDate() throws Exception {
        JsonNode hit = ask(aAnalyst, person("Mokhtar Ould Salem", "1985-07-14", List.of(partnerB)));
        JsonNode answer = hit.get("answers").get(0);
        assertThat(answer.get("outcome").asString()).isEqualTo("HIT");
        assertThat(answer.get("contact").asString()).isEqualTo("مكتب الاتصال — +221 33 800 00 00");
        assertThat(answer.get("reference").asString()).isNotBlank();
        assertThat(answer.get("sent").get("nameKeys").toString()).isEqualTo("[\"s:mktr\",\"s:slm\"]");
        assertThat(answer.toString()).doesNotContain(heldPerson);

        assertThat(outcome(ask(aAnalyst, person("Mokhtar Ould Salem", "1990-01-01", List.of(partnerB))), 0))
                .isEqualTo("NO_HIT");
        assertThat(outcome(ask(aAnalyst, person("Mokhtar Ould Salem", "1985", List.of(partnerB))), 0))
                .isEqualTo("HIT");
        // Arabic spelling held by B, asked in the UN list's Latin transliteration
        assertThat(outcome(ask(aAnalyst, person("ABID HAMID MAHMUD AL-TIKRITI", "1957", List.of(partnerB))), 0))
                .isEqualTo("HIT");
        assertThat(outcome(ask(aAnalyst, person("Saddam Hussein al-Tikriti", "1937-04-28", List.of(partnerB))), 0))
                .isEqualTo("NO_HIT");
    }

    @Test
    void aPhoneWrittenAnotherWayIsAHitByKeyedHashAndNothingRawReachesTheHolder() throws Exception {
        JsonNode q = ask(aAnalyst, phone("45 25 12 34", List.of(partnerB)));
        assertThat(outcome(q, 0)).isEqualTo("HIT");
        assertThat(q.get("answers").get(0).get("sent").get("identifierHash").asString()).hasSize(43);
        assertThat(outcome(ask(aAnalyst, phone("45 25 12 35", List.of(partnerB))), 0)).isEqualTo("NO_HIT");

        ask(aAnalyst, person("Mokhtar Ould Salem", "1985-07-14", List.of(partnerB)));
        List<String> arrived = jdbc.sql("SELECT minimised FROM exchange_hit_incoming WHERE holder_organisation_id = :b")
                .param("b", cellB).query(String.class).list();
        assertThat(arrived).isNotEmpty();
        String holderAudit = String.join("\n", jdbc.sql("""
                SELECT details FROM audit_record WHERE object_type IN ('entity', 'hit-query', 'hit-query-incoming')
                  AND action IN ('SEARCH', 'DISCLOSURE')""").query(String.class).list());
        for (String raw : List.of("Mokhtar", "mokhtar", "Salem", "45251234", "45 25 12 34", "+222")) {
            assertThat(String.join("\n", arrived)).doesNotContain(raw);
            assertThat(holderAudit).doesNotContain(raw);
        }
        assertThat(holderAudit).contains("s:mktr");
        // the holder audited the match with the caller and the outcome, naming its own matched item
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE action = 'SEARCH' AND object_type = 'entity'
                  AND outcome = 'HIT' AND actor_organisation_id = :a AND object_ids LIKE :phone""")
                .param("a", cellA).param("phone", "%" + heldPhone + "%").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_transfer WHERE kind = 'HIT_ANSWER' AND owner_organisation_id = :b")
                .param("b", cellB).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_transfer WHERE kind = 'HIT_QUERY' AND owner_organisation_id = :a")
                .param("a", cellA).query(Long.class).single()).isPositive();
    }

    @Test
    void theHoldersSupervisorDecidesOnReleaseAndTheRequesterReadsTheDecision() throws Exception {
        JsonNode q = ask(aAnalyst, person("Mokhtar Ould Salem", "1985-07-14", List.of(partnerB)));
        String id = q.get("id").asString();
        String answerId = q.get("answers").get(0).get("id").asString();
        String releasePath = QUERIES + "/" + id + "/answers/" + answerId + "/release";

        HttpResponse<String> bad = api.send(aAnalyst, releasePath, Map.of("justification", " "));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("justification");
        HttpResponse<String> asked = api.send(aAnalyst, releasePath,
                Map.of("justification", "Enquête sur un financement : nous devons connaître vos éléments."));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(BearerApi.JSON.readTree(asked.body()).get("answers").get(0).get("release").asString())
                .isEqualTo("REQUESTED");

        JsonNode inbox = api.get(bSupervisor, QUERIES + "/inbox", 200);
        String reference = q.get("answers").get(0).get("reference").asString();
        JsonNode pending = null;
        for (JsonNode r : inbox) {
            if (r.get("reference").asString().equals(reference)) {
                pending = r;
            }
        }
        assertThat(pending).isNotNull();
        assertThat(pending.get("release").asString()).isEqualTo("REQUESTED");
        assertThat(pending.get("matchedEntityIds").toString()).contains(heldPerson);
        assertThat(api.get(bAnalyst, QUERIES + "/inbox", 200)).isEmpty(); // not a supervisor
        assertThat(api.send(bAnalyst, QUERIES + "/inbox/" + reference + "/decision",
                Map.of("release", true, "message", "x")).statusCode()).isEqualTo(404);
        HttpResponse<String> noMessage = api.send(bSupervisor, QUERIES + "/inbox/" + reference + "/decision",
                Map.of("release", true));
        assertThat(noMessage.statusCode()).isEqualTo(400);
        assertThat(noMessage.body()).contains("message");

        HttpResponse<String> decided = api.send(bSupervisor, QUERIES + "/inbox/" + reference + "/decision",
                Map.of("release", true, "message", "سنرسل الملف عبر طلب معلومات؛ اتصلوا بمكتب الاتصال."));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        JsonNode after = api.get(aAnalyst, QUERIES + "/" + id, 200).get("answers").get(0);
        assertThat(after.get("release").asString()).isEqualTo("RELEASED");
        assertThat(after.get("releaseMessage").asString()).startsWith("سنرسل الملف");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_transfer WHERE kind = 'HIT_RELEASE'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void noOneOutsideTheOrganisationsLearnsAQueryAndNonPartnersAreRefused() throws Exception {
        JsonNode q = ask(aAnalyst, person("Mokhtar Ould Salem", "1985-07-14", List.of(partnerB)));
        String id = q.get("id").asString();
        String reference = q.get("answers").get(0).get("reference").asString();

        assertThat(api.status(aOtherAnalyst, QUERIES + "/" + id)).isEqualTo(200); // same organisation
        assertThat(api.status(strangerAnalyst, QUERIES + "/" + id)).isEqualTo(404);
        assertThat(api.status(bAnalyst, QUERIES + "/" + id)).isEqualTo(404);
        assertThat(api.get(strangerAnalyst, QUERIES, 200).get("total").asLong()).isZero();
        assertThat(api.get(strangerAnalyst, QUERIES + "/inbox", 200)).isEmpty();
        assertThat(api.status(strangerAnalyst, QUERIES + "/incoming/" + reference)).isEqualTo(404);
        assertThat(api.status(aAnalyst, QUERIES + "/incoming/" + reference)).isEqualTo(200); // A asked it

        // a stranger with an agreement with B but no partner entry is refused, learning nothing
        HttpResponse<String> refused = api.send(strangerAnalyst, QUERIES + "/incoming", Map.of("queryId", "x",
                "query", Map.of("mode", "NAME_KEY_DOB", "nameKeys", List.of("s:mktr", "s:slm"), "birthDate", "1985")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("hit-query-refused").doesNotContain("HIT\"");
        // even a malformed query from a non-partner is refused before it is read
        assertThat(api.send(strangerAnalyst, QUERIES + "/incoming", Map.of("query", Map.of("mode", "?")))
                .statusCode()).isEqualTo(403);
        // a partner's query to an agreement suspended meanwhile would be refused the same way (tested by rules)
    }

    @Test
    void badInputNamesTheFieldAndSendsNothing() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM exchange_hit_query").query(Long.class).single();
        expectBad(Map.of("name", "Mokhtar Salem", "birthDate", "1985", "partners", List.of(partnerB)), "kind");
        expectBad(person("Mokhtar", "1985", List.of(partnerB)), "name");
        expectBad(person("Mokhtar Ould Salem", "14/07/1985", List.of(partnerB)), "birthDate");
        expectBad(person("Mokhtar Ould Salem", "1985-02-30", List.of(partnerB)), "birthDate");
        expectBad(person("Mokhtar Ould Salem", "1985", List.of()), "partners");
        expectBad(person("Mokhtar Ould Salem", "1985", List.of("00000000-0000-0000-0000-000000000000")), "partners[0]");
        expectBad(person("Mokhtar Ould Salem", "1985", List.of(partnerB, partnerB)), "partners[1]");
        expectBad(phone("12-ab", List.of(partnerB)), "identifier.number");
        expectBad(Map.of("kind", "IDENTIFIER", "identifierType", "PERSON", "identifier", Map.of("x", "y"),
                "partners", List.of(partnerB)), "identifierType");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_hit_query").query(Long.class).single()).isEqualTo(before);

        // the holder checks what arrives, too (called here with the token of a user of A, as the partner would)
        HttpResponse<String> r = api.send(aAnalyst, QUERIES + "/incoming", Map.of("queryId", "q",
                "query", Map.of("mode", "NAME_KEY_DOB", "nameKeys", List.of("s:mktr", "Mokhtar Ould"), "birthDate", "1985")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("query.nameKeys[1]");
    }

    @Test
    void anUnreachablePartnerIsRecordedAsSuchBesideTheOthersAnswers() throws Exception {
        JsonNode q = ask(aAnalyst, person("Mokhtar Ould Salem", "1985-07-14", List.of(partnerB, partnerUnreachable)));
        assertThat(outcome(q, 0)).isEqualTo("HIT");
        assertThat(outcome(q, 1)).isEqualTo("UNREACHABLE");
        assertThat(q.get("answers").get(1).get("detail").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_transfer WHERE partner_id = :p AND outcome = 'FAILED'")
                .param("p", partnerUnreachable).query(Long.class).single()).isPositive();
    }

    @Test
    void aSuspendedAgreementStopsQueriesBothWaysAndOnlyAdministratorsSetRules() throws Exception {
        HitWorld w = HitWorld.build(jdbc, api, port);
        Map<String, Object> rule = Map.of("nameKeyAndBirthDate", true, "keyedHash", true, "key", "c2hvcnQ=");
        HttpResponse<String> shortKey = api.put(w.aAdmin(), "/api/v1/admin/hit-rules/" + w.agreement(), null, rule);
        assertThat(shortKey.statusCode()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(shortKey.body()).get("field").asString()).isEqualTo("key");
        assertThat(api.put(w.aAnalyst(), "/api/v1/admin/hit-rules/" + w.agreement(), null, rule).statusCode())
                .isEqualTo(403);
        assertThat(api.get(w.aAdmin(), "/api/v1/admin/hit-rules", 200).toString()).contains(w.agreement())
                .doesNotContain("\"key\"");

        new IdentityFixtures(jdbc).agreementStatus(w.agreement(), "SUSPENDED");
        HttpResponse<String> r = api.send(w.aAnalyst(), QUERIES, person("Mokhtar Ould Salem", "1985", List.of(w.partnerB())));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(r.body()).get("field").asString()).isEqualTo("partners[0]");
        HttpResponse<String> incoming = api.send(w.aAnalyst(), QUERIES + "/incoming", Map.of("query",
                Map.of("mode", "NAME_KEY_DOB", "nameKeys", List.of("s:mktr", "s:slm"), "birthDate", "1985")));
        assertThat(incoming.statusCode()).isEqualTo(403);
    }

    @Test
    void aCellProbingNameKeysMeetsACeilingOfQueriesAMinute() throws Exception {
        HitWorld w = HitWorld.build(jdbc, api, port); // a caller of its own: the ceiling counts per calling cell
        Map<String, Object> probe = Map.of("queryId", "probe", "query",
                Map.of("mode", "NAME_KEY_DOB", "nameKeys", List.of("s:mktr", "s:slm"), "birthDate", "1985"));
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> r = api.send(w.aAnalyst(), QUERIES + "/incoming", probe);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        HttpResponse<String> refused = api.send(w.aAnalyst(), QUERIES + "/incoming", probe);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("queries in a minute");
    }

    private void expectBad(Map<String, Object> body, String field) throws Exception {
        HttpResponse<String> r = api.send(aAnalyst, QUERIES, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(r.body()).get("field").asString()).isEqualTo(field);
    }
}
