package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Single queries and batch files through the API, against a small constructed list, on H2 and PostgreSQL. */
@FusionCellTest
@Tag("persistence")
class ScreeningApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Watchlists watchlists;

    private ScreeningClient client;
    private String officer;
    private String officerId;
    private String analyst;
    private String listId;

    @BeforeEach
    void world() throws Exception {
        client = new ScreeningClient(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        officerId = fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of());
        officer = fx.token(officerId, "read", "write");
        analyst = fx.token(fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String name = "national-" + UUID.randomUUID().toString().substring(0, 8);
        listId = ((ListImport.Imported) watchlists.importVersion(readers.forUser(officerId, "test"), name,
                ListFixtures.list(name, ListFixtures.three()), null)).version().listId();
        client.awaitIndexed(officer, listId, 1);
    }

    private List<JsonNode> candidates(JsonNode result) {
        List<JsonNode> out = new ArrayList<>();
        result.get("candidates").forEach(c -> {
            if (c.get("listId").asString().equals(listId)) {
                out.add(c);
            }
        });
        return out;
    }

    @Test
    void aLatinQueryFindsTheEntryWrittenInArabicScriptWithItsExplanation() throws Exception {
        HttpResponse<String> r = client.post(officer, "/api/v1/screening/queries",
                "{\"name\":\"Abdelrahman Ben Hamza Zouaoui\",\"dateOfBirth\":\"1980\",\"nationality\":\"Algeria\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> found = candidates(BearerApi.JSON.readTree(r.body()));
        assertThat(found).hasSize(1);
        JsonNode c = found.getFirst();
        assertThat(c.get("entryReference").asString()).isEqualTo("102");
        assertThat(c.get("matchedName").asString()).isEqualTo("عبد الرحمن بن حمزة الزواوي");
        assertThat(c.get("listVersion").asInt()).isEqualTo(1);
        assertThat(c.get("listingReference").asString()).isEqualTo("FCi.102");
        assertThat(c.get("score").asDouble()).isGreaterThanOrEqualTo(0.8);
        JsonNode why = c.get("explanation");
        assertThat(why.get("parts")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(why.get("factors").toString()).contains("same nationality").contains("date of birth");
        // a consultation is audited without the name searched for
        List<String> details = jdbc.sql("SELECT details FROM audit_record WHERE actor_user_id = :u AND action = 'SEARCH'")
                .param("u", officerId).query(String.class).list();
        assertThat(details).isNotEmpty().allSatisfy(d -> assertThat(d).doesNotContainIgnoringCase("zouaoui"));
    }

    @Test
    void otherParticularsLowerTheScoreBelowTheThreshold() throws Exception {
        JsonNode sameYear = BearerApi.JSON.readTree(client.post(officer, "/api/v1/screening/queries",
                "{\"name\":\"Yusuf Haddad Karimov\",\"dateOfBirth\":\"1965-03-12\"}").body());
        JsonNode decadeApart = BearerApi.JSON.readTree(client.post(officer, "/api/v1/screening/queries",
                "{\"name\":\"Yusuf Haddad Karimov\",\"dateOfBirth\":\"1992-01-01\",\"gender\":\"F\",\"threshold\":0.8}").body());
        assertThat(candidates(sameYear)).hasSize(1);
        assertThat(candidates(decadeApart)).isEmpty();
    }

    @Test
    void badQueriesAreRefusedNamingTheField() throws Exception {
        String[][] cases = {
                {"{\"name\":\"  \"}", "name"},
                {"{\"name\":\"" + "a".repeat(10_000) + "\"}", "name"},
                {"{\"name\":\"Muh\u0430mmad Ali\"}", "name"}, // a Cyrillic 'а' inside a Latin word
                {"{\"name\":\"Ali Hassan\",\"dateOfBirth\":\"31/02/1980\"}", "dateOfBirth"},
                {"{\"name\":\"Ali Hassan\",\"nationality\":\"Atlantis\"}", "nationality"},
                {"{\"name\":\"Ali Hassan\",\"threshold\":1.5}", "threshold"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = client.post(officer, "/api/v1/screening/queries", c[0]);
            assertThat(r.statusCode()).as(c[1] + ": " + r.body()).isEqualTo(400);
            assertThat(BearerApi.JSON.readTree(r.body()).get("field").asString()).isEqualTo(c[1]);
        }
    }

    @Test
    void screeningIsForScreeningOfficersOnly() throws Exception {
        assertThat(client.post(analyst, "/api/v1/screening/queries", "{\"name\":\"Ali Hassan\"}").statusCode())
                .isEqualTo(403);
        assertThat(client.api().status(analyst, "/api/v1/screening/hits")).isEqualTo(403);
        assertThat(client.api().status(analyst, "/api/v1/screening/lists/" + listId)).as("lists are read by marking")
                .isEqualTo(200);
    }

    @Test
    void aBatchWithWrongColumnsIsRefusedNamingTheColumnAndNothingIsStored() throws Exception {
        long runs = jdbc.sql("SELECT COUNT(*) FROM screening_run").query(Long.class).single();
        HttpResponse<String> unknown = client.batch(officer, "name,birthdate\nAli Hassan,1980\n");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(unknown.body()).get("field").asString()).isEqualTo("birthdate");
        HttpResponse<String> noName = client.batch(officer, "dob,nationality\n1980,MR\n");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(noName.body()).get("field").asString()).isEqualTo("name");
        HttpResponse<String> badRows = client.batch(officer,
                "Name,DOB,nationality\nAli Hassan,1980,MR\nOmar Said,not-a-date,MR\n,1975,\n");
        assertThat(badRows.statusCode()).as(badRows.body()).isEqualTo(400);
        JsonNode p = BearerApi.JSON.readTree(badRows.body());
        assertThat(p.get("errorCount").asInt()).isEqualTo(2);
        assertThat(p.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("dob");
        assertThat(p.get("errors").get(1).get("field").asString()).isEqualTo("name");
        assertThat(p.toString()).doesNotContain("not-a-date"); // values are not echoed
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_run").query(Long.class).single()).isEqualTo(runs);
    }

    @Test
    void aBatchIsStoredAsARunWithItsPeopleAndHits() throws Exception {
        HttpResponse<String> r = client.batch(officer, """
                name,dob,nationality,document,gender
                "Abdelkader Belmokhtar",1972,MR,,M
                Jean Dupont,1980-01-01,FR,X123,M
                Youssef Karimov,,UZ,,
                """);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode run = BearerApi.JSON.readTree(r.body());
        String runId = run.get("id").asString();
        assertThat(run.get("subjects").asInt()).isEqualTo(3);
        assertThat(run.get("marking").get("tlp").asString()).isEqualTo("TLP:AMBER+STRICT");
        JsonNode subjects = client.get(officer, "/api/v1/screening/runs/" + runId + "/subjects");
        assertThat(subjects.get("items")).extracting(s -> s.get("ordinal").asInt()).containsExactly(2, 3, 4);
        JsonNode hits = client.get(officer, "/api/v1/screening/hits?runId=" + runId);
        List<String> refs = new ArrayList<>();
        hits.get("items").forEach(h -> {
            if (h.get("list").get("id").asString().equals(listId)) {
                refs.add(h.get("entryReference").asString());
            }
        });
        assertThat(refs).containsExactlyInAnyOrder("101", "103");
        JsonNode first = hits.get("items").get(0);
        assertThat(first.get("state").asString()).isEqualTo("PENDING");
        JsonNode detail = client.get(officer, "/api/v1/screening/hits/" + first.get("id").asString());
        assertThat(detail.get("subject").get("names")).isNotEmpty();
        assertThat(detail.get("entry").get("names")).isNotEmpty();
        assertThat(detail.get("explanation").get("summary").asString()).isNotBlank();
        assertThat(client.get(officer, "/api/v1/screening/runs/" + runId).get("hits").asInt())
                .isEqualTo(hits.get("total").asInt());
    }
}
