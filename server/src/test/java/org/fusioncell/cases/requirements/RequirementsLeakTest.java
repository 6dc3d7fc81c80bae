package org.fusioncell.cases.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.Reports;
import org.fusioncell.testing.BearerApi;
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

/**
 * The leak harness over requirements. A requirement is visible to a reader of its owner or of a tasked
 * organisation whom its marking in force lets see it; so that the harness's expectation (the policy alone) is
 * the rule, every organisation in which the policy lets anyone learn of a random requirement is tasked. Inside
 * each visible requirement, the answers listed and counted in its coverage must be exactly the reports whose own
 * markings let the reader see them.
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=RequirementsLeakTest")
@DirtiesContext
@Tag("persistence")
class RequirementsLeakTest {

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

    /** Per requirement, the reports linked as answers and their markings. */
    private final Map<String, Map<String, Marking>> answersOf = new HashMap<>();

    @Test
    void everyReaderSeesExactlyTheRequirementsAndAnswersThePolicyAllows() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Requirements.INFORMATION_TYPE,
                Set.of(Role.ANALYST, Role.SUPERVISOR));
        BearerApi api = new BearerApi(port);
        LeakHarness harness = new LeakHarness("http://localhost:" + port, Requirements.INFORMATION_TYPE, world)
                .list("/api/v1/requirements")
                .list("/api/v1/requirements?status=ACTIVE")
                .count("/api/v1/requirements/count", "count")
                .detail("/api/v1/requirements/{id}", Map.of())
                .related("/api/v1/requirements/{id}/answers", body -> reportIds(body.get("answers")),
                        this::expectedAnswers)
                .related("/api/v1/requirements/{id}/coverage", body -> Set.of(body.get("answers").asString()),
                        (member, id) -> Set.of(String.valueOf(expectedAnswers(member, id).size())));
        Random rnd = new Random(20261123L);
        List<LeakWorld.Member> members = world.members();
        int made = 0;
        int tries = 0;
        while (made < 16 && tries++ < 2000) {
            LeakWorld.Member author = members.get(rnd.nextInt(members.size()));
            MarkingForm form = world.randomMarking(rnd, author);
            Marking base = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            if (base.tlp() == Tlp.RED || !AccessPolicy.decide(author.reader(), Requirements.INFORMATION_TYPE, base)
                    .visible()) {
                continue;
            }
            Map<String, Object> body = RequirementsApiTest.requirementBody("PIR-L" + made + "-" + rnd.nextInt(99999));
            body.put("title", "Besoin " + made + " " + LeakWorld.CONTENT_MARKER);
            body.put("question", "سؤال " + LeakWorld.CONTENT_MARKER);
            body.put("marking", form);
            String id = BearerApi.created(api.send(author.token(), "/api/v1/requirements", body));
            Set<String> all = new LinkedHashSet<>(Set.of(author.organisationId()));
            for (String org : tasked(members, author, base)) {
                HttpResponse<String> r = api.send(author.token(), "/api/v1/requirements/" + id + "/tasks",
                        Map.of("organisationId", org, "indicators", "Indicateurs " + LeakWorld.CONTENT_MARKER));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                all.add(org);
            }
            harness.add(new LeakHarness.Item(id, base.releasedTo(all)));
            Map<String, Marking> reports = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                MarkingForm rf = world.randomMarking(rnd, author);
                Marking rm = rf.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
                if (!AccessPolicy.decide(author.reader(), Reports.INFORMATION_TYPE, rm).visible()) {
                    continue;
                }
                String report = BearerApi.created(api.send(author.token(), "/api/v1/reports", Map.of(
                        "title", "Rapport " + LeakWorld.CONTENT_MARKER, "body", "Texte " + LeakWorld.CONTENT_MARKER,
                        "grading", Map.of("sourceReliability", "B", "informationCredibility", 2), "marking", rf)));
                HttpResponse<String> linked = api.send(author.token(), "/api/v1/requirements/" + id + "/answers",
                        Map.of("reportId", report, "note", "note " + LeakWorld.CONTENT_MARKER));
                assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
                reports.put(report, rm);
            }
            answersOf.put(id, reports);
            made++;
        }
        assertThat(made).isEqualTo(16);
        assertThat(answersOf.values().stream().mapToInt(Map::size).sum()).isGreaterThan(20);
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(300);
    }

    /** Every organisation but the author's in which the policy lets someone learn of the requirement. */
    private static Set<String> tasked(List<LeakWorld.Member> members, LeakWorld.Member author, Marking base) {
        Set<String> out = new LinkedHashSet<>();
        for (LeakWorld.Member m : members) {
            if (!m.organisationId().equals(author.organisationId()) && AccessPolicy.decide(m.reader(),
                    Requirements.INFORMATION_TYPE, base).visibility() != Visibility.HIDDEN) {
                out.add(m.organisationId());
            }
        }
        return out;
    }

    private Set<String> expectedAnswers(LeakWorld.Member member, String requirementId) {
        Set<String> out = new HashSet<>();
        answersOf.getOrDefault(requirementId, Map.of()).forEach((report, marking) -> {
            if (AccessPolicy.decide(member.reader(), Reports.INFORMATION_TYPE, marking).visible()) {
                out.add(report);
            }
        });
        return out;
    }

    private static Set<String> reportIds(JsonNode answers) {
        Set<String> out = new HashSet<>();
        answers.forEach(a -> out.add(a.get("reportId").asString()));
        return out;
    }
}
