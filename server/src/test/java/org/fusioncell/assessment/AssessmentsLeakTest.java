package org.fusioncell.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
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
 * The leak harness over disseminated products: random markings, random authors; every reader must see
 * exactly what the policy allows in lists, counts, filters and detail, and the product's versions, review
 * comments and receipts must answer like an absent product to everyone the policy does not show it to.
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=AssessmentsLeakTest")
@DirtiesContext
@Tag("persistence")
class AssessmentsLeakTest {

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
    void everyReaderSeesExactlyTheProductsThePolicyAllows() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Assessments.INFORMATION_TYPE,
                Set.of(Role.ANALYST, Role.SUPERVISOR));
        BearerApi api = new BearerApi(port);
        Map<String, String> justified = Map.of();
        LeakHarness harness = new LeakHarness("http://localhost:" + port, Assessments.INFORMATION_TYPE, world)
                .list("/api/v1/assessments")
                .list("/api/v1/assessments?state=DISSEMINATED")
                .list("/api/v1/assessments?type=SITUATION_REPORT")
                .count("/api/v1/assessments/count", "count")
                .count("/api/v1/assessments/count?type=SITUATION_REPORT", "count")
                .detail("/api/v1/assessments/{id}", justified)
                .detail("/api/v1/assessments/{id}/bulletin.html", justified);
        Random rnd = new Random(20261122L);
        List<LeakWorld.Member> members = world.members();
        int made = 0;
        while (made < 36) {
            LeakWorld.Member author = members.get(rnd.nextInt(members.size()));
            LeakWorld.Member colleague = members.stream().filter(m -> m.organisationId().equals(author.organisationId())
                    && !m.userId().equals(author.userId())).findFirst().orElseThrow();
            MarkingForm form = world.randomMarking(rnd, author);
            Marking marking = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            // the workflow needs the author's colleague to review, approve and receive it
            if (!AccessPolicy.decide(author.reader(), Assessments.INFORMATION_TYPE, marking).visible()
                    || !AccessPolicy.decide(colleague.reader(), Assessments.INFORMATION_TYPE, marking).visible()) {
                continue;
            }
            String type = "SITUATION_REPORT"; // one type, so that the type filter must keep every visible product
            HttpResponse<String> created = api.send(author.token(), "/api/v1/assessments", Map.of(
                    "productType", type, "language", "fr", "title", "Produit " + made + " " + LeakWorld.CONTENT_MARKER,
                    "subject", Map.of("type", "EVENT", "label", "Attaque " + LeakWorld.CONTENT_MARKER),
                    "summary", List.of(Map.of("text", "تبادل المعلومات لمنع التهديدات الإرهابية " + LeakWorld.CONTENT_MARKER)),
                    "marking", form));
            String id = BearerApi.created(created);
            step(api, author.token(), "/api/v1/assessments/" + id + "/submit", Map.of());
            step(api, colleague.token(), "/api/v1/assessments/" + id + "/comments", Map.of("text", "Relu."));
            step(api, colleague.token(), "/api/v1/assessments/" + id + "/approve", Map.of());
            step(api, colleague.token(), "/api/v1/assessments/" + id + "/disseminate",
                    Map.of("userIds", List.of(colleague.userId())));
            harness.add(new LeakHarness.Item(id, marking));
            made++;
            for (LeakWorld.Member m : members) {
                if (AccessPolicy.decide(m.reader(), Assessments.INFORMATION_TYPE, marking).visible()) {
                    continue;
                }
                for (String sub : List.of("/versions", "/comments", "/receipts", "/originator-approvals")) {
                    HttpResponse<String> r = api.fetch(m.token(), "/api/v1/assessments/" + id + sub);
                    assertThat(r.statusCode()).as(m.label() + " " + sub).isEqualTo(404);
                    assertThat(r.body()).doesNotContain(LeakWorld.CONTENT_MARKER);
                }
            }
        }
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(400);
    }

    private static void step(BearerApi api, String token, String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> r = api.send(token, path, body);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    }
}
