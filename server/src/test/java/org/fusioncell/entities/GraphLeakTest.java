package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
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
 * The neighbourhood and timeline endpoints under the leak harness: entities, reports and links created
 * through the API with random markings; for every reader and visible start, the chart must hold exactly
 * the entities and links an access-checked breadth-first search over the same graph reaches.
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=graph-leak")
@DirtiesContext
@Tag("persistence")
class GraphLeakTest {

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
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Marking> entityMarkings = new HashMap<>();
    private final List<Link> links = new ArrayList<>();

    record Link(String id, String from, String to, Marking marking) {
    }

    @Test
    void everyReaderSeesExactlyTheEntitiesAndLinksThePolicyAllowsInChartsAndTimelines() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Entities.INFORMATION_TYPE);
        String base = "http://localhost:" + port;
        LeakHarness harness = new LeakHarness(base, Entities.INFORMATION_TYPE, world)
                .related("/api/v1/entities/{id}/neighbourhood?hops=2", GraphLeakTest::chartIds,
                        (m, id) -> expectedChart(m.reader(), id, 2))
                .related("/api/v1/entities/{id}/neighbourhood?hops=1", GraphLeakTest::chartIds,
                        (m, id) -> expectedChart(m.reader(), id, 1))
                .related("/api/v1/entities/{id}/timeline", GraphLeakTest::timelineIds,
                        (m, id) -> expectedTimeline(m.reader(), id));
        Random rnd = new Random(20261124L);
        List<String> entityIds = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm form = world.randomMarking(rnd, author);
            HttpResponse<String> created = post(base + "/api/v1/entities", author, Map.of("type", "PHONE",
                    "label", "هاتف " + i + " " + LeakWorld.CONTENT_MARKER,
                    "attributes", Map.of("number", "+222 4" + (7000000 + i)), "marking", form));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("id").asString();
            Marking marking = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            entityMarkings.put(id, marking);
            entityIds.add(id);
            harness.add(new LeakHarness.Item(id, marking));
        }
        Map<String, Marking> reportMarkings = new HashMap<>();
        for (int i = 0; i < 24; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm form = world.randomMarking(rnd, author);
            HttpResponse<String> created = post(base + "/api/v1/reports", author, Map.of("title", "تقرير " + i,
                    "body", "Rapport " + i, "grading", Map.of("sourceReliability", "C", "informationCredibility", 3),
                    "marking", form));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            reportMarkings.put(JSON.readTree(created.body()).get("id").asString(),
                    form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking"));
        }
        List<String> reportIds = List.copyOf(reportMarkings.keySet());
        for (int attempt = 0; attempt < 3000 && links.size() < 70; attempt++) {
            String from = entityIds.get(rnd.nextInt(entityIds.size()));
            String to = entityIds.get(rnd.nextInt(entityIds.size()));
            String report = reportIds.get(rnd.nextInt(reportIds.size()));
            LeakWorld.Member author = world.members().stream().filter(m -> !from.equals(to)
                    && sees(m.reader(), "report", reportMarkings.get(report))
                    && sees(m.reader(), Entities.INFORMATION_TYPE, entityMarkings.get(from))
                    && sees(m.reader(), Entities.INFORMATION_TYPE, entityMarkings.get(to))).findFirst().orElse(null);
            if (author == null) {
                continue;
            }
            HttpResponse<String> created = post(base + "/api/v1/links", author, Map.of("from", from, "to", to,
                    "type", "CONTACTED", "reportId", report, "confidence", 0.5, "validFrom", "2025-0" + (1 + rnd.nextInt(9)) + "-01"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            links.add(new Link(JSON.readTree(created.body()).get("id").asString(), from, to, reportMarkings.get(report)));
        }
        assertThat(links).as("links created").hasSizeGreaterThan(40);
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(600);
    }

    private static boolean sees(Reader reader, String type, Marking marking) {
        return AccessPolicy.decide(reader, type, marking).visible();
    }

    /** A link the reader may follow: its own marking and both ends visible. */
    private boolean usable(Reader reader, Link l) {
        return sees(reader, Entities.INFORMATION_TYPE, l.marking())
                && sees(reader, Entities.INFORMATION_TYPE, entityMarkings.get(l.from()))
                && sees(reader, Entities.INFORMATION_TYPE, entityMarkings.get(l.to()));
    }

    /** Nodes within {@code hops}, and the links followed: those touching a node nearer than {@code hops}. */
    private Set<String> expectedChart(Reader reader, String start, int hops) {
        Set<String> nodes = new HashSet<>(Set.of(start));
        Set<String> edges = new HashSet<>();
        Set<String> frontier = Set.of(start);
        for (int hop = 0; hop < hops; hop++) {
            Set<String> next = new HashSet<>();
            for (Link l : links) {
                if (usable(reader, l) && (frontier.contains(l.from()) || frontier.contains(l.to()))) {
                    edges.add(l.id());
                    for (String end : List.of(l.from(), l.to())) {
                        if (nodes.add(end)) {
                            next.add(end);
                        }
                    }
                }
            }
            frontier = next;
        }
        nodes.addAll(edges);
        return nodes;
    }

    private Set<String> expectedTimeline(Reader reader, String entity) {
        Set<String> ids = new HashSet<>();
        for (Link l : links) {
            if (usable(reader, l) && (l.from().equals(entity) || l.to().equals(entity))) {
                ids.add(l.id());
                ids.add(l.from().equals(entity) ? l.to() : l.from());
            }
        }
        return ids;
    }

    private static Set<String> chartIds(JsonNode body) {
        Set<String> ids = new HashSet<>();
        body.get("nodes").forEach(n -> ids.add(n.get("id").asString()));
        body.get("edges").forEach(e -> ids.add(e.get("id").asString()));
        return ids;
    }

    private static Set<String> timelineIds(JsonNode body) {
        Set<String> ids = new HashSet<>();
        for (JsonNode m : body.get("items")) {
            for (String field : List.of("linkId", "otherEntityId")) {
                if (m.hasNonNull(field)) {
                    ids.add(m.get(field).asString());
                }
            }
        }
        return ids;
    }

    private HttpResponse<String> post(String url, LeakWorld.Member author, Map<String, Object> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + author.token())
                .header("Content-Type", "application/json").header("X-FusionCell-Justification", "leak harness")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
