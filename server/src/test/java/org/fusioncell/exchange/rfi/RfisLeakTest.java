package org.fusioncell.exchange.rfi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision.Visibility;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
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

/**
 * The leak harness over requests for information. A request is visible to a reader whose organisation is a
 * party and whom its marking lets see it. So that the harness's expectation (the policy alone) is the rule,
 * each random request is addressed to every organisation in which the policy lets anyone learn of it; then,
 * with the harness done, requests addressed to fewer organisations must stay out of reach of the others,
 * however their marking reads.
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=RfisLeakTest")
@DirtiesContext
@Tag("persistence")
class RfisLeakTest {

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
    void everyReaderSeesExactlyTheRequestsThePolicyAndTheAddressingAllow() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme,
                RequestsForInformation.INFORMATION_TYPE, Set.of(Role.ANALYST));
        BearerApi api = new BearerApi(port);
        LeakHarness harness = new LeakHarness("http://localhost:" + port, RequestsForInformation.INFORMATION_TYPE, world)
                .list("/api/v1/rfis")
                .list("/api/v1/rfis?box=all&priority=IMMEDIATE")
                .count("/api/v1/rfis/count", "count")
                .count("/api/v1/rfis/count?box=all&state=OPEN", "count")
                .detail("/api/v1/rfis/{id}", Map.of());
        Random rnd = new Random(20261122L);
        List<LeakWorld.Member> members = world.members();
        Instant due = Instant.now().plus(Duration.ofDays(10));
        int made = 0;
        int tries = 0;
        while (made < 30 && tries++ < 2000) {
            LeakWorld.Member author = members.get(rnd.nextInt(members.size()));
            MarkingForm form = world.randomMarking(rnd, author);
            Marking marking = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            List<String> addressees = addressees(members, author, marking);
            if (addressees == null || addressees.isEmpty()) {
                continue;
            }
            HttpResponse<String> created = api.send(author.token(), "/api/v1/rfis", Map.of(
                    "title", "Demande " + made + " " + LeakWorld.CONTENT_MARKER,
                    "question", "هل لديكم معلومات عن هذا الشخص؟ " + LeakWorld.CONTENT_MARKER,
                    "priority", "IMMEDIATE", "dueAt", due.toString(), "addressees", addressees, "marking", form));
            harness.add(new LeakHarness.Item(BearerApi.created(created), marking));
            made++;
        }
        assertThat(made).isEqualTo(30);
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(300);

        // requests addressed to one organisation only: nobody else sees them, whatever the marking allows
        int outsiders = 0;
        for (int i = 0; i < 12; i++) {
            LeakWorld.Member author = members.get(rnd.nextInt(members.size()));
            Map<String, Object> clear = Map.of("classification", scheme.level(0), "tlp", "CLEAR");
            String addressee = members.stream().map(LeakWorld.Member::organisationId)
                    .filter(o -> !o.equals(author.organisationId())).skip(rnd.nextInt(4)).findFirst().orElseThrow();
            String id = BearerApi.created(api.send(author.token(), "/api/v1/rfis", Map.of(
                    "title", "Confidentiel " + LeakWorld.CONTENT_MARKER, "question", "Qui ? " + LeakWorld.CONTENT_MARKER,
                    "priority", "ROUTINE", "dueAt", due.toString(), "addressees", List.of(addressee), "marking", clear)));
            for (LeakWorld.Member m : members) {
                boolean party = m.organisationId().equals(author.organisationId()) || m.organisationId().equals(addressee);
                HttpResponse<String> r = api.fetch(m.token(), "/api/v1/rfis/" + id);
                HttpResponse<String> absent = api.fetch(m.token(), "/api/v1/rfis/" + UUID.randomUUID());
                String list = api.fetch(m.token(), "/api/v1/rfis?size=500").body();
                if (party) {
                    assertThat(r.statusCode()).as(m.label()).isEqualTo(200);
                    assertThat(list).contains(id);
                } else {
                    outsiders++;
                    assertThat(r.statusCode()).as(m.label()).isEqualTo(404);
                    assertThat(strip(r.body())).isEqualTo(strip(absent.body()));
                    assertThat(list).doesNotContain(id);
                    assertThat(api.send(m.token(), "/api/v1/rfis/" + id + "/messages", Map.of("text", "?")).statusCode())
                            .isEqualTo(404);
                }
            }
        }
        assertThat(outsiders).isGreaterThan(50);
    }

    /**
     * Every organisation other than the author's in which the policy lets someone learn of the request; null
     * when the author could not read it, or when in one of them nobody could read it (the request would be
     * refused for that addressee).
     */
    private static List<String> addressees(List<LeakWorld.Member> members, LeakWorld.Member author, Marking marking) {
        if (!AccessPolicy.decide(author.reader(), RequestsForInformation.INFORMATION_TYPE, marking).visible()) {
            return null;
        }
        Map<String, List<Visibility>> byOrg = new HashMap<>();
        for (LeakWorld.Member m : members) {
            byOrg.computeIfAbsent(m.organisationId(), k -> new ArrayList<>())
                    .add(AccessPolicy.decide(m.reader(), RequestsForInformation.INFORMATION_TYPE, marking).visibility());
        }
        Set<String> out = new LinkedHashSet<>();
        for (var e : byOrg.entrySet()) {
            if (e.getKey().equals(author.organisationId())
                    || e.getValue().stream().allMatch(v -> v == Visibility.HIDDEN)) {
                continue;
            }
            if (!e.getValue().contains(Visibility.VISIBLE)) {
                return null;
            }
            out.add(e.getKey());
        }
        return List.copyOf(out);
    }

    private static String strip(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\"", "");
    }
}
