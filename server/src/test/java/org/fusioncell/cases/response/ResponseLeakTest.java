package org.fusioncell.cases.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.fusioncell.cases.Cases;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
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

/**
 * The leak harness over the attack response's read paths. Response cases are opened from a template with random
 * markings by random supervisors, every organisation in which the policy lets anyone learn of the case being one
 * of its agencies (as in {@code CasesLeakTest}); each gets a situation report with figures and a press line
 * carrying the content marker. Then the response-case list and count, the board, the reports, one report, the
 * figures and the press lines must show exactly what the case's marking in force lets each reader see: nothing
 * at all to the organisations left out, counts included.
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=ResponseLeakTest")
@DirtiesContext
@Tag("persistence")
class ResponseLeakTest {

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
    void everyReaderSeesExactlyTheResponsesThePolicyAllows() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Cases.INFORMATION_TYPE,
                Set.of(Role.ANALYST, Role.SUPERVISOR));
        BearerApi api = new BearerApi(port);
        LeakHarness harness = new LeakHarness("http://localhost:" + port, Cases.INFORMATION_TYPE, world)
                .list("/api/v1/cases?kind=RESPONSE")
                .count("/api/v1/cases/count?kind=RESPONSE", "count")
                .detail("/api/v1/cases/{id}/response", Map.of())
                .detail("/api/v1/cases/{id}/response/sitreps", Map.of())
                .detail("/api/v1/cases/{id}/response/sitreps/1", Map.of())
                .detail("/api/v1/cases/{id}/response/figures", Map.of())
                .detail("/api/v1/cases/{id}/response/press-lines", Map.of());
        Random rnd = new Random(20261124L);
        List<LeakWorld.Member> members = world.members();
        int made = 0;
        int tries = 0;
        while (made < 16 && tries++ < 2000) {
            LeakWorld.Member author = members.get(rnd.nextInt(members.size()));
            MarkingForm form = world.randomMarking(rnd, author);
            Marking base = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            if (base.tlp() == Tlp.RED || !AccessPolicy.decide(author.reader(), Cases.INFORMATION_TYPE, base).visible()) {
                continue;
            }
            Set<String> agencies = CaseAudience.participants(members, author, base, Cases.INFORMATION_TYPE);
            List<Map<String, String>> picked = new ArrayList<>();
            picked.add(Map.of("organisationId", author.organisationId(), "sector", "intelligence"));
            agencies.forEach(o -> picked.add(Map.of("organisationId", o, "sector", "police")));
            Map<String, Object> opening = new HashMap<>();
            opening.put("templateCode", "mass-casualty-ied");
            opening.put("title", "Réponse " + made + " " + LeakWorld.CONTENT_MARKER);
            opening.put("language", "fr");
            opening.put("place", "Marché central " + LeakWorld.CONTENT_MARKER);
            opening.put("occurredAt", "2026-11-20T08:00:00Z");
            opening.put("agencies", picked);
            opening.put("marking", form);
            HttpResponse<String> opened = api.send(author.token(), "/api/v1/response-cases", opening);
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            String id = BearerApi.JSON.readTree(opened.body()).get("caseId").asString();
            HttpResponse<String> sitrep = api.send(author.token(), "/api/v1/cases/" + id + "/response/sitreps", Map.of(
                    "language", "ar", "situation", "الوضع تحت السيطرة " + LeakWorld.CONTENT_MARKER,
                    "figures", List.of(Map.of("category", "INJURED", "value", 3 + made,
                            "source", "Hôpital " + LeakWorld.CONTENT_MARKER))));
            assertThat(sitrep.statusCode()).as(sitrep.body()).isEqualTo(201);
            HttpResponse<String> line = api.send(author.token(), "/api/v1/cases/" + id + "/response/press-lines",
                    Map.of("language", "fr", "text", "Communiqué " + LeakWorld.CONTENT_MARKER));
            assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
            Set<String> all = new LinkedHashSet<>(agencies);
            all.add(author.organisationId());
            harness.add(new LeakHarness.Item(id, CaseAudience.inForce(base, all)));
            made++;
        }
        assertThat(made).isEqualTo(16);
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(300);
    }
}
