package org.fusioncell.cases;

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
import org.fusioncell.testing.leak.CaseAudience;
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
 * The leak harness over cases. A case is visible to a reader whose organisation participates and whom its
 * marking in force lets see it. So that the harness's expectation (the policy alone, over the marking in force)
 * is the rule, every organisation in which the policy lets anyone learn of a random case is made a participant;
 * organisations left out must then see nothing of it. Inside each visible case, the items and the timeline must
 * show exactly the reports whose own markings let the reader see them.
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=CasesLeakTest")
@DirtiesContext
@Tag("persistence")
class CasesLeakTest {

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

    /** Per case, the reports put in it and their markings. */
    private final Map<String, Map<String, Marking>> itemsOf = new HashMap<>();

    @Test
    void everyReaderSeesExactlyTheCasesAndItemsThePolicyAllows() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Cases.INFORMATION_TYPE,
                Set.of(Role.ANALYST, Role.SUPERVISOR));
        BearerApi api = new BearerApi(port);
        LeakHarness harness = new LeakHarness("http://localhost:" + port, Cases.INFORMATION_TYPE, world)
                .list("/api/v1/cases")
                .list("/api/v1/cases?status=OPEN&text=dossier")
                .count("/api/v1/cases/count", "count")
                .count("/api/v1/cases/count?kind=INVESTIGATION", "count")
                .detail("/api/v1/cases/{id}", Map.of())
                .detail("/api/v1/cases/{id}/tasks", Map.of())
                .related("/api/v1/cases/{id}/items", body -> itemIds(body.get("items"), "itemId"),
                        (member, caseId) -> expectedItems(member, caseId))
                .related("/api/v1/cases/{id}/timeline", body -> timelineItems(body.get("entries")),
                        (member, caseId) -> expectedItems(member, caseId));
        Random rnd = new Random(20261123L);
        List<LeakWorld.Member> members = world.members();
        int made = 0;
        int tries = 0;
        while (made < 24 && tries++ < 2000) {
            LeakWorld.Member author = members.get(rnd.nextInt(members.size()));
            MarkingForm form = world.randomMarking(rnd, author);
            Marking base = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            if (base.tlp() == Tlp.RED || !AccessPolicy.decide(author.reader(), Cases.INFORMATION_TYPE, base).visible()) {
                continue;
            }
            Set<String> participants = CaseAudience.participants(members, author, base, Cases.INFORMATION_TYPE);
            String id = BearerApi.created(api.send(author.token(), "/api/v1/cases", Map.of(
                    "title", "Dossier " + made + " " + LeakWorld.CONTENT_MARKER,
                    "summary", "ملف تحقيق في شبكة تمويل " + LeakWorld.CONTENT_MARKER,
                    "kind", "INVESTIGATION", "language", "ar", "marking", form)));
            int version = 1;
            for (String org : participants) {
                HttpResponse<String> r = api.send(author.token(), "/api/v1/cases/" + id + "/participants",
                        Map.of("organisationId", org, "version", version++));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            Set<String> all = new LinkedHashSet<>(participants);
            all.add(author.organisationId());
            harness.add(new LeakHarness.Item(id, CaseAudience.inForce(base, all)));
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
                HttpResponse<String> added = api.send(author.token(), "/api/v1/cases/" + id + "/items",
                        Map.of("itemType", "REPORT", "itemId", report, "note", "note " + LeakWorld.CONTENT_MARKER));
                assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
                reports.put(report, rm);
            }
            itemsOf.put(id, reports);
            made++;
        }
        assertThat(made).isEqualTo(24);
        assertThat(itemsOf.values().stream().mapToInt(Map::size).sum()).isGreaterThan(30);
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(500);
    }

    private Set<String> expectedItems(LeakWorld.Member member, String caseId) {
        Set<String> out = new HashSet<>();
        itemsOf.getOrDefault(caseId, Map.of()).forEach((report, marking) -> {
            if (AccessPolicy.decide(member.reader(), Reports.INFORMATION_TYPE, marking).visible()) {
                out.add(report);
            }
        });
        return out;
    }

    private static Set<String> itemIds(JsonNode items, String field) {
        Set<String> out = new HashSet<>();
        items.forEach(i -> out.add(i.get(field).asString()));
        return out;
    }

    private static Set<String> timelineItems(JsonNode entries) {
        Set<String> out = new HashSet<>();
        entries.forEach(e -> {
            if (e.hasNonNull("item")) {
                out.add(e.get("item").get("itemId").asString());
            }
        });
        return out;
    }
}
