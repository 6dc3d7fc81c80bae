package org.fusioncell.plans;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The leak harness over plans: every reader sees exactly the plans whose marking the policy lets them see, in
 * lists, counts, the plan itself, its coordination, donor matrix and participation, the coordination counts and the
 * exports (CSV, IATI, PDF); a plan restricted to its owner is neither listed,
 * counted nor exported for anyone else, and an existence-only plan answers a hit notice without content.
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=PlansLeakTest")
@DirtiesContext
@Tag("persistence")
class PlansLeakTest {

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
    void everyReaderSeesExactlyThePlansThePolicyAllows() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Plans.INFORMATION_TYPE,
                Set.of(Role.ANALYST, Role.SUPERVISOR));
        BearerApi api = new BearerApi(port);
        LeakHarness harness = new LeakHarness("http://localhost:" + port, Plans.INFORMATION_TYPE, world)
                .list("/api/v1/plans")
                .list("/api/v1/plans?status=DRAFTING")
                .count("/api/v1/plans/count", "count")
                .count("/api/v1/plans/count?status=drafting", "count")
                .detail("/api/v1/plans/{id}", Map.of())
                .nestedDetail("/api/v1/plans/{id}/actions.csv", Map.of(), id -> "csv", false)
                .nestedDetail("/api/v1/plans/{id}/iati.xml", Map.of(), id -> "iati", false)
                .nestedDetail("/api/v1/plans/{id}/document.pdf", Map.of(), id -> "pdf", false)
                .detail("/api/v1/plans/{id}/coordination", Map.of())
                .detail("/api/v1/plans/{id}/donor-matrix", Map.of())
                .detail("/api/v1/plans/{id}/participation", Map.of())
                // each plan below holds one working group, meeting, capacity need and consultation: the counts
                // over the plans a reader may see equal the number of those plans
                .count("/api/v1/plans/coordination/count", "workingGroups")
                .count("/api/v1/plans/coordination/count", "meetings")
                .count("/api/v1/plans/coordination/count", "needs")
                .count("/api/v1/plans/coordination/count", "consultations");
        Random rnd = new Random(20261124L);
        List<LeakWorld.Member> members = world.members();
        int made = 0;
        int tries = 0;
        while (made < 20 && tries++ < 2000) {
            LeakWorld.Member author = members.get(rnd.nextInt(members.size()));
            MarkingForm form = world.randomMarking(rnd, author);
            Marking m = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            if (!AccessPolicy.decide(author.reader(), Plans.INFORMATION_TYPE, m).visible()) {
                continue;
            }
            Map<String, Object> body = PlansApiTest.planBody("Plan " + made + " " + LeakWorld.CONTENT_MARKER);
            body.put("marking", form);
            body.put("language", "ar");
            String id = BearerApi.created(api.send(author.token(), "/api/v1/plans", body));
            String objective = BearerApi.created(api.send(author.token(), "/api/v1/plans/" + id + "/objectives",
                    Map.of("areaCode", "engaging-communities", "title", "هدف " + LeakWorld.CONTENT_MARKER)));
            String output = BearerApi.created(api.send(author.token(), "/api/v1/plans/" + id + "/outputs",
                    Map.of("objectiveId", objective, "title", "Produit " + LeakWorld.CONTENT_MARKER)));
            BearerApi.created(api.send(author.token(), "/api/v1/plans/" + id + "/actions",
                    PlansApiTest.actionBody(output, "MRU", "1000", "500", "0")));
            String group = BearerApi.created(api.send(author.token(), "/api/v1/plans/" + id + "/working-groups",
                    Map.of("name", "Groupe " + LeakWorld.CONTENT_MARKER, "kind", "DONOR_GROUP")));
            BearerApi.created(api.send(author.token(), "/api/v1/plans/" + id + "/meetings", Map.of(
                    "workingGroupId", group, "heldOn", "2025-03-01", "place", "Kandara " + LeakWorld.CONTENT_MARKER)));
            BearerApi.created(api.send(author.token(), "/api/v1/plans/" + id + "/capacity-needs", Map.of(
                    "institution", "Ministère " + LeakWorld.CONTENT_MARKER, "areaCode", "engaging-communities",
                    "description", "Formation", "priority", "HIGH")));
            BearerApi.created(api.send(author.token(), "/api/v1/plans/" + id + "/consultations", Map.of(
                    "heldOn", "2025-04-01", "place", "Kandara", "kind", "FOCUS_GROUP", "organiser",
                    "Réseau " + LeakWorld.CONTENT_MARKER, "participants", 12, "women", 7, "men", 5, "youth", 4)));
            harness.add(new LeakHarness.Item(id, m));
            made++;
        }
        assertThat(made).isEqualTo(20);
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(300);
    }
}
