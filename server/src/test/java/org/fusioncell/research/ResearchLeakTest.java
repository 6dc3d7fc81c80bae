package org.fusioncell.research;

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
 * The leak harness over research requests: every reader sees exactly the requests they made and those sent to their
 * organisation (every reader here is an approver), in lists, the request, its export log and its files; for anyone
 * else a request answers exactly as an id that does not exist.
 */
@FusionCellTest
class ResearchLeakTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    ClassificationScheme scheme;

    @Test
    void aReaderSeesOnlyTheirOwnRequestsAndThoseSentToTheirOrganisation() throws Exception {
        LeakWorld world = LeakWorld.build(new IdentityFixtures(jdbc), readers, scheme, ResearchAccess.INFORMATION_TYPE,
                Set.of(Role.RESEARCHER, Role.SUPERVISOR));
        BearerApi api = new BearerApi(port);
        Map<String, String[]> audience = new HashMap<>();
        Map<String, String> exports = new HashMap<>();
        LeakHarness harness = new LeakHarness("http://localhost:" + port, ResearchAccess.INFORMATION_TYPE, world)
                .audience((m, item) -> m.userId().equals(audience.get(item.id())[0])
                        || m.organisationId().equals(audience.get(item.id())[1]) ? Visibility.VISIBLE : Visibility.HIDDEN)
                .list("/api/v1/research/requests")
                .detail("/api/v1/research/requests/{id}", Map.of())
                .nestedDetail("/api/v1/research/requests/{id}/exports", Map.of(), id -> "log", false)
                .nestedDetail("/api/v1/research/requests/{id}/exports/{sub}.csv", Map.of(), exports::get, false);
        Random rnd = new Random(20261123L);
        List<LeakWorld.Member> members = world.members();
        for (int i = 0; i < 12; i++) {
            LeakWorld.Member requester = members.get(rnd.nextInt(members.size()));
            LeakWorld.Member approver = members.get(rnd.nextInt(members.size()));
            Map<String, Object> body = ResearchAccessTest.request(approver.organisationId(), List.of("country"),
                    "AGGREGATES", null);
            String id = BearerApi.created(api.send(requester.token(), "/api/v1/research/requests", body));
            audience.put(id, new String[] {requester.userId(), approver.organisationId()});
            if (i % 3 == 0) {
                assertThat(api.send(approver.token(), "/api/v1/research/requests/" + id + "/decision",
                        Map.of("decision", "APPROVE")).statusCode()).isEqualTo(200);
                exports.put(id, api.get(requester.token(), "/api/v1/research/requests/" + id + "/exports", 200)
                        .get("items").get(0).get("id").asString());
            }
            harness.add(new LeakHarness.Item(id, null));
        }
        harness.verify();
        assertThat(harness.checks()).isGreaterThan(200);
    }
}
