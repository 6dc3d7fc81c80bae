package org.fusioncell.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.fusioncell.access.ClassificationScheme;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The search endpoint under the leak harness, on H2 and PostgreSQL: reports contributed through the
 * API with random markings are indexed after commit; then every reader's hits, totals (across pages)
 * and facet counts must cover exactly the reports the policy calls VISIBLE.
 */
@FusionCellTest
// a context (and database) of its own: items another test created in a shared context would be counted
@TestPropertySource(properties = "fusioncell.test.context=search-leak")
@DirtiesContext
@Tag("persistence")
class SearchLeakTest {

    private static final String TYPE = "report";
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
    @Autowired
    SearchIndex index;

    @Test
    void everyReaderFindsCountsAndFacetsExactlyTheReportsThePolicyAllows() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, TYPE);
        String base = "http://localhost:" + port;
        String arabic = "/api/v1/search?q=" + LeakHarness.encode("الارهابيه");
        LeakHarness harness = new LeakHarness(base, TYPE, world)
                .list("/api/v1/search")
                .list("/api/v1/search?q=" + LeakWorld.CONTENT_MARKER.toLowerCase())
                .list(arabic)
                .list("/api/v1/search?q=" + LeakHarness.encode("l'échange") + "&type=report&from=2020-01-01")
                .facet("/api/v1/search?q=" + LeakWorld.CONTENT_MARKER, "type", item -> TYPE)
                .facet(arabic, "classification", item -> scheme.level(item.marking().classificationRank()))
                .facet("/api/v1/search", "organisation", item -> item.marking().ownerOrganisation());
        Random rnd = new Random(20261123L);
        HttpClient http = HttpClient.newHttpClient();
        long before = index.size();
        int n = 60;
        for (int i = 0; i < n; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm marking = world.randomMarking(rnd, author);
            String body = JSON.writeValueAsString(Map.of(
                    "title", "تقرير رقم " + i,
                    "body", "Rapport " + i + " " + LeakWorld.CONTENT_MARKER
                            + " — تبادل المعلومات لمنع التهديدات الإرهابيّة ومكافحتها; l'échange d'informations",
                    "grading", Map.of("sourceReliability", "C", "informationCredibility", 3),
                    "marking", marking));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                    .header("Authorization", "Bearer " + author.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("id").asString();
            harness.add(new LeakHarness.Item(id, marking.toMarking(scheme, vocabulary, author.organisationId(),
                    author.userId(), "marking")));
        }
        awaitIndexed(before + n);
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(80);
    }

    /** Indexing runs after commit, possibly on another thread: wait for it with a deadline. */
    private void awaitIndexed(long expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (index.size() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(index.size()).as("reports indexed").isGreaterThanOrEqualTo(expected);
    }
}
