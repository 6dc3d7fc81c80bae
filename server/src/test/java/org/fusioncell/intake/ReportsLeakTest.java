package org.fusioncell.intake;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Reports' list, search, count, detail and export endpoints under the leak harness, on H2 and PostgreSQL. */
@FusionCellTest
// a database of its own: items other test classes create would otherwise count in these lists
@TestPropertySource(properties = "fusioncell.test.context=ReportsLeakTest")
@DirtiesContext
@Tag("persistence")
class ReportsLeakTest {

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

    @Test
    void everyReaderSeesExactlyTheReportsThePolicyAllowsOnEveryEndpoint() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Reports.INFORMATION_TYPE);
        String base = "http://localhost:" + port;
        Map<String, String> attachmentOf = new java.util.HashMap<>();
        ReportApiClient api = new ReportApiClient(port);
        LeakHarness harness = new LeakHarness(base, Reports.INFORMATION_TYPE, world)
                .list("/api/v1/reports")
                .list("/api/v1/reports?q=" + LeakHarness.encode(LeakWorld.CONTENT_MARKER.toLowerCase()))
                .count("/api/v1/reports/count", "count")
                .count("/api/v1/reports/count?q=" + LeakWorld.CONTENT_MARKER, "count")
                .detail("/api/v1/reports/{id}", Map.of("X-FusionCell-Justification", "leak harness check"))
                .ndjsonExport("/api/v1/reports/export")
                .list("/api/v1/reports?tag=" + LeakHarness.encode("threat-type:cyber"))
                .count("/api/v1/reports/count?tag=" + LeakHarness.encode("threat-type:cyber"), "count")
                .detail("/api/v1/reports/{id}/versions", Map.of("X-FusionCell-Justification", "leak harness check"))
                .detail("/api/v1/reports/{id}/versions/1", Map.of("X-FusionCell-Justification", "leak harness check"))
                .detail("/api/v1/reports/{id}/attachments", Map.of("X-FusionCell-Justification", "leak harness check"))
                .nestedDetail("/api/v1/reports/{id}/attachments/{sub}",
                        Map.of("X-FusionCell-Justification", "leak harness check"),
                        attachmentOf::get, false);
        Random rnd = new Random(20261122L);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 60; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm marking = world.randomMarking(rnd, author);
            String body = JSON.writeValueAsString(Map.of(
                    "title", "تقرير رقم " + i,
                    "body", "Rapport " + i + " " + LeakWorld.CONTENT_MARKER + " — تبادل المعلومات لمنع التهديدات الإرهابية",
                    "grading", Map.of("sourceReliability", "C", "informationCredibility", 3),
                    "marking", marking, "tags", java.util.List.of("threat-type:cyber")));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                    .header("Authorization", "Bearer " + author.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("id").asString();
            // only members of the originating organisation who see the report may attach to it
            for (LeakWorld.Member m : world.members()) {
                if (!m.organisationId().equals(author.organisationId())) {
                    continue;
                }
                HttpResponse<String> attached = api.upload(m.token(), id, "note-" + i + ".txt", "text/plain",
                        ("note " + i + " " + LeakWorld.CONTENT_MARKER).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (attached.statusCode() == 201) {
                    attachmentOf.put(id, JSON.readTree(attached.body()).get("id").asString());
                    break;
                }
                assertThat(attached.statusCode()).as(attached.body()).isEqualTo(404);
            }
            harness.add(new LeakHarness.Item(id, marking.toMarking(scheme, vocabulary, author.organisationId(),
                    author.userId(), "marking")));
        }
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(800);
    }
}
