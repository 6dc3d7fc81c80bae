package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.fusioncell.search.SearchIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Entities' list, search, count, detail, links and correlations endpoints under the leak harness, on H2 and PostgreSQL. */
@FusionCellTest
// a database of its own: items other test classes create would otherwise count in these lists
@TestPropertySource(properties = "fusioncell.test.context=EntitiesLeakTest")
@DirtiesContext
@Tag("persistence")
class EntitiesLeakTest {

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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SearchIndex index;
    private int created;

    /** Indexing runs after commit, asynchronously: wait until every created entity is in the index. */
    private void awaitIndexed(int expected) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (index.size() < expected && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(index.size()).as("entities indexed").isGreaterThanOrEqualTo(expected);
    }

    @Test
    void everyReaderSeesExactlyTheEntitiesThePolicyAllowsOnEveryEndpoint() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Entities.INFORMATION_TYPE);
        String base = "http://localhost:" + port;
        LeakHarness harness = new LeakHarness(base, Entities.INFORMATION_TYPE, world)
                .list("/api/v1/entities")
                .list("/api/v1/entities?type=PHONE")
                .list("/api/v1/entities?q=" + LeakHarness.encode("+2224"))
                .count("/api/v1/entities/count", "count")
                .count("/api/v1/entities/count?q=" + LeakHarness.encode("+2224"), "count")
                .detail("/api/v1/entities/{id}", Map.of())
                .detail("/api/v1/entities/{id}/correlations", Map.of())
                .detail("/api/v1/entities/{id}/links", Map.of())
                // full-text search over entities: the index filters by the reader's visible markings
                .list("/api/v1/search?type=entity")
                .list("/api/v1/search?type=entity&q=" + LeakHarness.encode(LeakWorld.CONTENT_MARKER));
        Random rnd = new Random(20261123L);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 50; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm marking = world.randomMarking(rnd, author);
            // a few shared numbers so that correlations have something to find across markings
            String body = JSON.writeValueAsString(Map.of("type", "PHONE",
                    "label", "هاتف " + i + " " + LeakWorld.CONTENT_MARKER,
                    "attributes", Map.of("number", "+222 4" + (6000000 + rnd.nextInt(4))),
                    "marking", marking));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/entities"))
                    .header("Authorization", "Bearer " + author.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
            if (created.statusCode() == 201) {
                this.created++;
                String id = JSON.readTree(created.body()).get("id").asString();
                harness.add(new LeakHarness.Item(id, marking.toMarking(scheme, vocabulary, author.organisationId(),
                        author.userId(), "marking")));
            }
        }
        awaitIndexed(created);
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(600);
    }
}
