package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.manifest.Manifest;
import org.fusioncell.screening.manifest.PaxlstReader;
import org.fusioncell.screening.manifest.Traveller;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/screening/manifests with the GTAS sample PAXLST messages: every traveller screened. */
@FusionCellTest
@Tag("persistence")
class ManifestScreeningTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Watchlists watchlists;

    private static Path sample() {
        Path file = Path.of(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"))
                .resolve("paxlst-pnrgov/apis-paxlst/loader__Test1.txt");
        Assumptions.assumeTrue(Files.isRegularFile(file), "the PAXLST samples are not at " + file
                + "; set FUSIONCELL_TEST_DATA");
        return file;
    }

    @Test
    void everyTravellerIsScreenedWithNameDateOfBirthAndDocument() throws Exception {
        byte[] bytes = Files.readAllBytes(sample());
        List<Manifest> manifests = PaxlstReader.tolerant().read(bytes);
        Traveller listed = manifests.getFirst().travellers().stream().filter(t -> t.birthDate() != null).findFirst()
                .orElseThrow();
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        String officerId = fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of());
        String officer = fx.token(officerId, "read", "write");
        String name = "national-" + UUID.randomUUID().toString().substring(0, 8);
        WatchlistEntry entry = new WatchlistEntry("M-1", Subject.Kind.PERSON, null,
                List.of(new WatchlistEntry.ListedName(listed.fullName(), WatchlistEntry.NameQuality.PRIMARY, false)),
                List.of(listed.birthDate()), List.of(), Subject.Gender.UNKNOWN,
                listed.documents().stream().map(d -> new WatchlistEntry.IdentityDocument("passport", d.number(),
                        d.issuingCountry(), null)).toList(), List.of("FICTIONAL"), LocalDate.of(2024, 1, 1), "Test.");
        String listId = ((ListImport.Imported) watchlists.importVersion(readers.forUser(officerId, "test"), name,
                ListFixtures.list(name, List.of(entry)), null)).version().listId();
        ScreeningClient client = new ScreeningClient(port);
        client.awaitIndexed(officer, listId, 1);

        HttpResponse<String> r = client.upload(officer, "/api/v1/screening/manifests", "Test1.txt", bytes, Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = BearerApi.JSON.readTree(r.body());
        int travellers = manifests.stream().mapToInt(m -> m.travellers().size()).sum();
        assertThat(body.get("travellers").asInt()).isEqualTo(travellers);
        JsonNode run = body.get("runs").get(0);
        assertThat(run.get("kind").asString()).isEqualTo("MANIFEST");
        assertThat(run.get("flight").get("flightNumber").asString()).isEqualTo(manifests.getFirst().flight().flightNumber());
        String runId = run.get("id").asString();
        JsonNode hits = client.get(officer, "/api/v1/screening/hits?runId=" + runId);
        JsonNode hit = null;
        for (JsonNode h : hits.get("items")) {
            if (h.get("list").get("id").asString().equals(listId)) {
                hit = h;
            }
        }
        assertThat(hit).as("the listed traveller is a hit").isNotNull();
        JsonNode detail = client.get(officer, "/api/v1/screening/hits/" + hit.get("id").asString());
        assertThat(detail.get("subject").get("ordinal").asInt()).isEqualTo(listed.position());
        assertThat(detail.get("explanation").get("factors").toString()).contains("same document number");
        assertThat(client.get(officer, "/api/v1/screening/runs/" + runId + "/subjects").get("total").asInt())
                .isEqualTo(manifests.getFirst().travellers().size());
    }

    @Test
    void aMalformedManifestIsRefusedWithTheReadersSegmentMessage() throws Exception {
        String text = Files.readString(sample(), StandardCharsets.ISO_8859_1);
        String broken = text.replaceFirst("DTM\\+329:(\\d{6})", "DTM+329:7513x2");
        assertThat(broken).isNotEqualTo(text);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        String officer = fx.token(fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of()), "read", "write");
        long runs = jdbc.sql("SELECT COUNT(*) FROM screening_run").query(Long.class).single();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/screening/manifests"))
                .header("Authorization", "Bearer " + officer).header("Content-Type", "application/edifact")
                .POST(HttpRequest.BodyPublishers.ofString(broken, StandardCharsets.ISO_8859_1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode p = BearerApi.JSON.readTree(r.body());
        assertThat(p.get("tag").asString()).isEqualTo("DTM");
        assertThat(p.get("segment").asInt()).isPositive();
        assertThat(p.get("detail").asString()).contains("segment " + p.get("segment").asInt());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_run").query(Long.class).single()).isEqualTo(runs);
    }
}
