package org.fusioncell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision.Visibility;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.Reports;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.leak.LeakWorld;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The leak harness's world applied to alerts: a name watch whose recipients are every organisation of
 * the world; reports naming the watched person in another romanisation arrive under random markings
 * from random authors. Every reader's inbox must hold a full alert exactly for the reports the policy
 * shows them, a bare hit/no-hit notice exactly for those it allows to be known, and nothing else — in
 * the list, the counts, the detail and the state changes.
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=MonitoringLeakTest")
@DirtiesContext
@Tag("persistence")
class MonitoringLeakTest {

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
    void everyRecipientLearnsExactlyWhatThePolicyAllowsAboutEachMatchingReport() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Reports.INFORMATION_TYPE);
        MonitoringClient api = new MonitoringClient(port);
        LeakWorld.Member owner = world.members().getFirst();
        List<String> orgs = world.members().stream().map(LeakWorld.Member::organisationId).distinct().toList();
        String watch = api.watch(owner.token(), "Subject 7", Map.of("kind", "name", "name", "Mohammed Abdullah Al-Qahtani"),
                Map.of("recipientOrganisationIds", orgs, "severity", "HIGH"));

        Random rnd = new Random(20261122L);
        Map<String, Marking> reports = new HashMap<>();
        String[] spellings = {"Mohamed Abdallah el-Qahtani", "محمد عبد الله القحطاني", "Muhammad Abdallah al Qahtani"};
        for (int i = 0; i < 30; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm marking = world.randomMarking(rnd, author);
            HttpResponse<String> created = api.post(author.token(), "/api/v1/reports", Map.of(
                    "title", "Rapport " + i + " " + LeakWorld.CONTENT_MARKER,
                    "body", "Selon la source, " + spellings[i % spellings.length] + " a rencontré des intermédiaires "
                            + LeakWorld.CONTENT_MARKER + " — تبادل المعلومات لمنع التهديدات الإرهابية",
                    "grading", Map.of("sourceReliability", "C", "informationCredibility", 3), "marking", marking));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            reports.put(MonitoringClient.JSON.readTree(created.body()).get("id").asString(),
                    marking.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking"));
        }

        Map<String, Set<String>> visible = new HashMap<>();
        Map<String, Integer> knownOnly = new HashMap<>();
        long expectedTotal = 0;
        for (LeakWorld.Member m : world.members()) {
            Set<String> full = new HashSet<>();
            int existence = 0;
            for (var r : reports.entrySet()) {
                Visibility v = AccessPolicy.decide(m.reader(), Reports.INFORMATION_TYPE, r.getValue()).visibility();
                if (v == Visibility.VISIBLE) {
                    full.add(r.getKey());
                } else if (v == Visibility.EXISTENCE_ONLY) {
                    existence++;
                }
            }
            visible.put(m.userId(), full);
            knownOnly.put(m.userId(), existence);
            expectedTotal += full.size() + existence;
        }
        assertThat(visible.values().stream().mapToInt(Set::size).sum()).as("the world gives full alerts").isPositive();
        assertThat(knownOnly.values().stream().mapToInt(Integer::intValue).sum()).as("and notices").isPositive();

        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        long stored = 0;
        while (Instant.now().isBefore(until)) {
            stored = jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE watch_id = :w").param("w", watch)
                    .query(Long.class).single();
            if (stored >= expectedTotal) {
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(500); // anything beyond the expected would show up now
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE watch_id = :w").param("w", watch)
                .query(Long.class).single()).isEqualTo(expectedTotal);

        List<String> foreignAlertIds = new ArrayList<>();
        for (LeakWorld.Member m : world.members()) {
            JsonNode inbox = api.json(m.token(), "/api/v1/alerts?size=500");
            Set<String> fullItems = new HashSet<>();
            int notices = 0;
            for (JsonNode a : inbox.get("items")) {
                String text = a.toString();
                if ("FULL".equals(a.get("disclosure").asString())) {
                    fullItems.add(a.get("itemId").asString());
                    assertThat(a.get("headline").asString()).contains(LeakWorld.CONTENT_MARKER);
                } else {
                    notices++;
                    assertThat(text).as(m.label() + " notice").doesNotContain(LeakWorld.CONTENT_MARKER).doesNotContain("Qahtani")
                            .doesNotContain("القحطاني");
                    assertThat(a.get("itemId").isNull()).isTrue();
                    assertThat(a.get("headline").isNull()).isTrue();
                    assertThat(a.get("summary").isNull()).isTrue();
                    JsonNode one = api.json(m.token(), "/api/v1/alerts/" + a.get("id").asString());
                    assertThat(one.toString()).doesNotContain(LeakWorld.CONTENT_MARKER);
                }
                foreignAlertIds.add(m.userId() + " " + a.get("id").asString());
            }
            assertThat(fullItems).as(m.label() + " full alerts").isEqualTo(visible.get(m.userId()));
            assertThat(notices).as(m.label() + " notices").isEqualTo(knownOnly.get(m.userId()));
            assertThat(api.json(m.token(), "/api/v1/alerts/count").get("count").asLong())
                    .isEqualTo(visible.get(m.userId()).size() + knownOnly.get(m.userId()));
        }
        // nobody reaches another recipient's alert: it answers like one that does not exist
        LeakWorld.Member probe = world.members().getLast();
        for (String pair : foreignAlertIds) {
            String[] p = pair.split(" ");
            if (p[0].equals(probe.userId())) {
                continue;
            }
            assertThat(api.get(probe.token(), "/api/v1/alerts/" + p[1]).statusCode()).isEqualTo(404);
            assertThat(api.post(probe.token(), "/api/v1/alerts/" + p[1] + "/state", Map.of("state", "CLOSED")).statusCode())
                    .isEqualTo(404);
        }
    }
}
