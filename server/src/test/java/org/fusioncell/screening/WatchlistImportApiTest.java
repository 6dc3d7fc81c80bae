package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.screening.lists.WatchlistFiles;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/screening/lists/imports with real list files: versions, refusals, and the UN list screened. */
@FusionCellTest
@Tag("persistence")
class WatchlistImportApiTest {

    private static final String HEADER = "id,name,aliases,original_script_name,date_of_birth,nationality,gender,reason\n";
    private static final String TWO = HEADER
            + "NL-1,Abdelkarim Ben Salah,Abd al-Karim bin Salih,عبد الكريم بن صالح,1981-04-12,Tunisia,male,Fictional.\n"
            + "NL-2,Fatima Zahra Idrissi,,فاطمة الزهراء الإدريسي,1990,MA,female,Fictional.\n";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ScreeningClient client;
    private String officer;
    private String analyst;

    @BeforeEach
    void world() {
        client = new ScreeningClient(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        officer = fx.token(fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of()), "read", "write");
        analyst = fx.token(fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
    }

    private HttpResponse<String> upload(String token, String name, String fileName, String content) throws Exception {
        return client.upload(token, "/api/v1/screening/lists/imports", fileName, content.getBytes(StandardCharsets.UTF_8),
                Map.of("name", name));
    }

    @Test
    void aNationalListFileIsImportedAsVersionsWithTheirDifferences() throws Exception {
        String name = "national-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> first = upload(officer, name, "national.csv", TWO);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode v1 = BearerApi.JSON.readTree(first.body()).get("version");
        String listId = v1.get("listId").asString();
        assertThat(v1.get("added").asInt()).isEqualTo(2);
        assertThat(v1.get("format").asString()).isEqualTo("NATIONAL_CSV");

        HttpResponse<String> same = upload(officer, name, "national.csv", TWO);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(BearerApi.JSON.readTree(same.body()).get("outcome").asString()).isEqualTo("UNCHANGED");

        String next = HEADER
                + "NL-1,Abdelkarim Ben Salah,Abd al-Karim bin Salih|Abdelkrim Bensalah,عبد الكريم بن صالح,1981-04-12,"
                + "Tunisia,male,Fictional.\n"
                + "NL-3,Omar Ould Cheikh,,عمر ولد الشيخ,1975,MR,male,Fictional.\n";
        HttpResponse<String> second = upload(officer, name, "national.csv", next);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonNode changes = client.get(officer, "/api/v1/screening/lists/" + listId + "/versions/2/changes");
        assertThat(changes.get("total").asInt()).isEqualTo(3);
        assertThat(changes.get("items").toString()).contains("\"reference\":\"NL-1\",\"kind\":\"CHANGED\"")
                .contains("\"changedFields\":[\"names\"]").contains("\"reference\":\"NL-2\",\"kind\":\"DELISTED\"")
                .contains("\"reference\":\"NL-3\",\"kind\":\"ADDED\"");
        JsonNode entry = client.get(analyst, "/api/v1/screening/lists/" + listId + "/entries/NL-2");
        assertThat(entry.get("active").asBoolean()).isFalse();
        assertThat(entry.get("entry").get("birthDates").get(0).asString()).isEqualTo("1990");
        assertThat(client.get(analyst, "/api/v1/screening/lists/" + listId + "/versions").get("items")).hasSize(2);
    }

    @Test
    void anUnreadableListIsRefusedNamingThePlaceAndNothingIsStored() throws Exception {
        String name = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = upload(officer, name, "national.csv", HEADER
                + "NL-1,Abdelkarim Ben Salah,,,1981-04-12,Tunisia,male,Fictional.\n"
                + "NL-2,Fatima Zahra Idrissi,,,not a date,MA,female,Fictional.\n");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode p = BearerApi.JSON.readTree(r.body());
        assertThat(p.get("field").asString()).isEqualTo("file");
        assertThat(p.get("detail").asString()).contains("national.csv").contains("line 3").doesNotContain("/tmp");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_watchlist WHERE name = :n").param("n", name)
                .query(Long.class).single()).isZero();
        assertThat(upload(analyst, name, "national.csv", TWO).statusCode()).as("importing is for screening officers")
                .isEqualTo(403);
    }

    @Test
    void theUnListImportedThroughTheApiFindsAnEntryByOneOfItsAliasesFirst() throws Exception {
        Path un = Path.of(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"))
                .resolve("un-sanctions/consolidated.xml");
        Assumptions.assumeTrue(Files.isRegularFile(un), "the UN list is not at " + un + "; set FUSIONCELL_TEST_DATA");
        Watchlist read = WatchlistFiles.read(un, "UN");
        WatchlistEntry entry = read.entries().stream()
                .filter(e -> e.names().size() > 2 && !e.birthDates().isEmpty()).findFirst().orElseThrow();
        String name = "UN-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = client.upload(officer, "/api/v1/screening/lists/imports", "consolidated.xml",
                Files.readAllBytes(un), Map.of("name", name));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode version = BearerApi.JSON.readTree(r.body()).get("version");
        assertThat(version.get("entryCount").asInt()).isEqualTo(read.entries().size());
        String listId = version.get("listId").asString();
        client.awaitIndexed(officer, listId, 1);

        String alias = entry.names().get(1).name();
        JsonNode result = BearerApi.JSON.readTree(client.post(officer, "/api/v1/screening/queries",
                BearerApi.JSON.writeValueAsString(Map.of("name", alias))).body());
        JsonNode best = null;
        for (JsonNode c : result.get("candidates")) {
            if (c.get("listId").asString().equals(listId)) {
                best = c;
                break;
            }
        }
        assertThat(best).as("a candidate from the imported list").isNotNull();
        assertThat(best.get("entryReference").asString()).isEqualTo(entry.reference());
    }
}
