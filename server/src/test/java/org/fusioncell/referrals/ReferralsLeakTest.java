package org.fusioncell.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.leak.LeakHarness;
import org.fusioncell.testing.leak.LeakWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The leak harness over online content and the cell's referrals: every reader sees exactly the content (and the
 * referrals of content) whose marking the policy lets them see, in lists, counts and details; existence-only answers
 * a hit notice without content. On the platforms' side each platform's users see exactly the referrals addressed to
 * their organisation — whatever the content's marking, since a referral is a disclosure — and another platform's
 * referral answers as one that does not exist. Lists are narrowed to this test's platforms so that other tests'
 * content in the shared database plays no part.
 */
@FusionCellTest
class ReferralsLeakTest {

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
    void everyReaderSeesExactlyTheContentThePolicyAllowsAndPlatformsOnlyTheirOwnReferrals() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        LeakWorld world = LeakWorld.build(fx, readers, scheme, Referrals.INFORMATION_TYPE);
        String first = fx.organisation("Plateforme A " + UUID.randomUUID(), OrganisationType.TECHNOLOGY_PLATFORM, "MA");
        String second = fx.organisation("Plateforme B " + UUID.randomUUID(), OrganisationType.TECHNOLOGY_PLATFORM, "FR");
        String firstUser = fx.token(fx.user(first, "UNCLASSIFIED", Set.of(Role.PLATFORM_PARTNER), Set.of()), "read",
                "write");
        String secondUser = fx.token(fx.user(second, "UNCLASSIFIED", Set.of(Role.PLATFORM_PARTNER), Set.of()), "read",
                "write");
        BearerApi api = new BearerApi(port);
        String base = "http://localhost:" + port;
        LeakHarness content = new LeakHarness(base, Referrals.INFORMATION_TYPE, world)
                .list("/api/v1/referrals/content?platform=" + first)
                .count("/api/v1/referrals/content/count?platform=" + first, "count")
                .detail("/api/v1/referrals/content/{id}", Map.of());
        LeakHarness referred = new LeakHarness(base, Referrals.INFORMATION_TYPE, world)
                .list("/api/v1/referrals?platform=" + first)
                .list("/api/v1/referrals?platform=" + first + "&state=REFERRED")
                .detail("/api/v1/referrals/{id}", Map.of());
        Random rnd = new Random(20261123L);
        List<LeakWorld.Member> members = world.members();
        Set<String> toFirst = new HashSet<>();
        Set<String> toSecond = new HashSet<>();
        int made = 0;
        int tries = 0;
        while (made < 14 && tries++ < 2000) {
            LeakWorld.Member author = members.get(rnd.nextInt(members.size()));
            MarkingForm form = world.randomMarking(rnd, author);
            Marking m = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            if (!AccessPolicy.decide(author.reader(), Referrals.INFORMATION_TYPE, m).visible()) {
                continue;
            }
            Map<String, Object> body = ReferralLifeTest.content("https://tawasul.example/p/" + made, first,
                    "نص مرصود " + LeakWorld.CONTENT_MARKER);
            body.put("marking", form);
            String id = BearerApi.created(api.send(author.token(), "/api/v1/referrals/content", body));
            content.add(new LeakHarness.Item(id, m));
            assertThat(api.send(author.token(), "/api/v1/referrals/content/" + id + "/assessment", Map.of(
                    "inScope", true, "category", "recruitment", "rationale", "r " + LeakWorld.CONTENT_MARKER))
                    .statusCode()).isEqualTo(200);
            String referral = BearerApi.created(api.send(author.token(), "/api/v1/referrals/content/" + id
                    + "/referrals", Map.of("basis", "Loi 2021-007")));
            referred.add(new LeakHarness.Item(referral, m));
            toFirst.add(referral);
            if (made % 4 == 0) {
                // content on the second platform: never listed above, and only the second platform's to see
                Map<String, Object> other = ReferralLifeTest.content("https://autre.example/" + made, second, "texte");
                other.put("marking", form);
                String otherId = BearerApi.created(api.send(author.token(), "/api/v1/referrals/content", other));
                api.send(author.token(), "/api/v1/referrals/content/" + otherId + "/assessment",
                        Map.of("inScope", true, "category", "recruitment", "rationale", "r"));
                toSecond.add(BearerApi.created(api.send(author.token(), "/api/v1/referrals/content/" + otherId
                        + "/referrals", Map.of("basis", "Loi 2021-007"))));
            }
            made++;
        }
        assertThat(made).isEqualTo(14);
        content.verify();
        referred.verify();
        assertThat(content.checks() + referred.checks()).isGreaterThan(350);

        // each platform sees exactly the referrals addressed to it, none of the cell's internals
        assertThat(platformList(api, firstUser)).isEqualTo(toFirst);
        assertThat(platformList(api, secondUser)).isEqualTo(toSecond);
        String absent = api.fetch(firstUser, "/api/v1/platform/referrals/" + UUID.randomUUID()).body()
                .replaceAll("\"instance\":\"[^\"]*\"", "");
        for (String id : toSecond) {
            var r = api.fetch(firstUser, "/api/v1/platform/referrals/" + id);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body().replaceAll("\"instance\":\"[^\"]*\"", "")).isEqualTo(absent);
        }
        for (String id : toFirst) {
            JsonNode one = api.get(firstUser, "/api/v1/platform/referrals/" + id, 200);
            assertThat(one.toString()).contains(LeakWorld.CONTENT_MARKER).doesNotContain("r " + LeakWorld.CONTENT_MARKER,
                    "marking");
        }
        // the cell's endpoints are not the platforms', nor the platforms' the cell's readers'
        assertThat(api.status(firstUser, "/api/v1/referrals/content?platform=" + first)).isEqualTo(403);
        assertThat(api.status(firstUser, "/api/v1/referrals/transparency?from=2026-01-01&to=2026-12-31"))
                .isEqualTo(403);
        for (LeakWorld.Member m : members) {
            assertThat(api.status(m.token(), "/api/v1/platform/referrals")).isEqualTo(403);
        }
    }

    private static Set<String> platformList(BearerApi api, String token) throws Exception {
        Set<String> ids = new HashSet<>();
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            JsonNode body = api.get(token, "/api/v1/platform/referrals?size=7&page=" + page, 200);
            body.get("items").forEach(items::add);
            if (body.get("items").size() < 7) {
                break;
            }
        }
        items.forEach(i -> ids.add(i.get("id").asString()));
        assertThat(ids).hasSize(items.size());
        return ids;
    }
}
