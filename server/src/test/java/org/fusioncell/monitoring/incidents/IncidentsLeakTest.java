package org.fusioncell.monitoring.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.leak.LeakHarness;
import org.fusioncell.testing.leak.LeakWorld;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents' list, filtered list, count, detail and export under the leak harness; and the statistics
 * endpoint, whose totals must equal what each reader may see (a hidden incident moves no figure).
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=IncidentsLeakTest")
@DirtiesContext
@Tag("persistence")
class IncidentsLeakTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    ClassificationScheme scheme;
    @Autowired
    MarkingVocabulary vocabulary;

    @Test
    void everyReaderSeesExactlyTheIncidentsThePolicyAllowsOnEveryEndpoint() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Incidents.INFORMATION_TYPE);
        String base = "http://localhost:" + port;
        LeakHarness harness = new LeakHarness(base, Incidents.INFORMATION_TYPE, world)
                .list("/api/v1/incidents")
                .list("/api/v1/incidents?country=SYR&type=one-sided")
                .count("/api/v1/incidents/count", "count")
                .count("/api/v1/incidents/count?group=" + LeakWorld.CONTENT_MARKER.toLowerCase(), "count")
                .detail("/api/v1/incidents/{id}", Map.of())
                .ndjsonExport("/api/v1/incidents/export");
        Random rnd = new Random(20261122L);
        HttpClient http = HttpClient.newHttpClient();
        List<Marking> markings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm marking = world.randomMarking(rnd, author);
            String body = JSON.writeValueAsString(Map.of("date", "2019-0" + (1 + i % 9) + "-1" + (i % 10),
                    "country", "SYR", "admin1", "Idlib", "latitude", 35.9, "longitude", 36.6, "attackType", "one-sided",
                    "fatalities", i, "perpetratorGroup", "Group " + LeakWorld.CONTENT_MARKER, "marking", marking));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents"))
                    .header("Authorization", "Bearer " + author.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Marking m = marking.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            markings.add(m);
            harness.add(new LeakHarness.Item(JSON.readTree(created.body()).get("id").asString(), m));
        }
        harness.verify();
        for (LeakWorld.Member member : world.members()) {
            long visible = markings.stream().filter(m -> AccessPolicy.decide(member.reader(), Incidents.INFORMATION_TYPE, m)
                    .visible()).count();
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/v1/incidents/statistics?grouping=ADMIN1&period=WEEK"))
                    .header("Authorization", "Bearer " + member.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stats.statusCode()).isEqualTo(200);
            long counted = 0;
            for (JsonNode row : JSON.readTree(stats.body()).get("items")) {
                counted += row.get("incidents").asLong();
            }
            assertThat(counted).as("statistics as %s", member.label()).isEqualTo(visible);
        }
    }
}
