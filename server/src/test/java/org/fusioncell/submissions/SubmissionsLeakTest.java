package org.fusioncell.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision.Visibility;
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

/**
 * The leak harness over submissions: every reader (all contributors and analysts here) sees exactly their own
 * submissions and those sent to their organisation, in lists (with and without a status filter) and one by one;
 * analysts of every other organisation see nothing, and a hidden submission answers as one that does not exist.
 */
@FusionCellTest
class SubmissionsLeakTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    ClassificationScheme scheme;

    @Test
    void aReaderSeesOnlyTheirOwnSubmissionsAndThoseSentToTheirCell() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, Submissions.INFORMATION_TYPE,
                Set.of(Role.CIVIL_SOCIETY_CONTRIBUTOR, Role.ANALYST));
        List<LeakWorld.Member> members = world.members();
        String cell = members.get(0).organisationId();
        jdbc.sql("UPDATE identity_organisation SET sector = 'INTELLIGENCE' WHERE id = :id").param("id", cell).update();
        String partner = members.stream().filter(m -> m.label().startsWith("partner")).findFirst().orElseThrow()
                .organisationId();
        BearerApi api = new BearerApi(port);
        Map<String, String[]> audience = new HashMap<>();
        LeakHarness harness = new LeakHarness("http://localhost:" + port, Submissions.INFORMATION_TYPE, world)
                .audience((m, item) -> m.userId().equals(audience.get(item.id())[0])
                        || m.organisationId().equals(audience.get(item.id())[1]) ? Visibility.VISIBLE : Visibility.HIDDEN)
                .list("/api/v1/submissions")
                .list("/api/v1/submissions?status=NEW")
                .detail("/api/v1/submissions/{id}", Map.of());
        Random rnd = new Random(20261123L);
        for (int i = 0; i < 12; i++) {
            LeakWorld.Member contributor = members.get(rnd.nextInt(members.size()));
            String to = rnd.nextBoolean() ? cell : partner;
            String id = BearerApi.created(api.send(contributor.token(), "/api/v1/submissions", Map.of(
                    "cellOrganisationId", to, "kind", "COMMUNITY_CONCERN", "language", "fr",
                    "text", "Observation " + i + " " + LeakWorld.CONTENT_MARKER)));
            audience.put(id, new String[] {contributor.userId(), to});
            harness.add(new LeakHarness.Item(id, null));
        }
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(150);
    }
}
