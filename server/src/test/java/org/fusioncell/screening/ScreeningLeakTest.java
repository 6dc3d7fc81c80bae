package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
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
 * Need-to-know on every screening path, on H2 and PostgreSQL: lists (pages, count, detail, versions,
 * changes, entries, one entry) under randomly marked lists; runs and hits (pages, counts, details) under
 * randomly marked batches screened by screening officers of every organisation of the leak world, and
 * under randomly marked person entities screened by the system.
 */
@FusionCellTest
// a database of its own: lists and hits other test classes create would otherwise count in these pages
@TestPropertySource(properties = "fusioncell.test.context=ScreeningLeakTest")
@DirtiesContext
@Tag("persistence")
class ScreeningLeakTest {

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
    @Autowired
    Watchlists watchlists;

    @Test
    void everyReaderSeesExactlyTheListsRunsAndHitsThePolicyAllowsOnEveryEndpoint() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        LeakWorld world = LeakWorld.build(fx, readers, scheme, Watchlists.INFORMATION_TYPE,
                Set.of(Role.ANALYST, Role.SCREENING_OFFICER));
        String base = "http://localhost:" + port;
        Random rnd = new Random(20261122L);
        ScreeningClient client = new ScreeningClient(port);

        Map<String, String> entryOf = new java.util.HashMap<>();
        LeakHarness lists = new LeakHarness(base, Watchlists.INFORMATION_TYPE, world)
                .list("/api/v1/screening/lists")
                .count("/api/v1/screening/lists/count", "count")
                .detail("/api/v1/screening/lists/{id}", Map.of())
                .detail("/api/v1/screening/lists/{id}/versions", Map.of())
                .detail("/api/v1/screening/lists/{id}/versions/1/changes", Map.of())
                .detail("/api/v1/screening/lists/{id}/entries", Map.of())
                .nestedDetail("/api/v1/screening/lists/{id}/entries/{sub}", Map.of(), entryOf::get, true);
        for (int i = 0; i < 24; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm form = world.randomMarking(rnd, author);
            Marking marking = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            String name = "leak-list-" + i;
            var imported = (ListImport.Imported) watchlists.importVersion(author.reader(), name, ListFixtures.list(name,
                    List.of(ListFixtures.person("LEAK-1", "Zorblax Quennith " + LeakWorld.CONTENT_MARKER, "1950", "is"))),
                    marking);
            lists.add(new LeakHarness.Item(imported.version().listId(), marking));
            entryOf.put(imported.version().listId(), "LEAK-1");
        }

        // the list every batch is screened against: unclassified TLP:CLEAR, so every officer screens with it
        LeakWorld.Member owner = world.members().getFirst();
        var target = (ListImport.Imported) watchlists.importVersion(owner.reader(), "leak-target",
                ListFixtures.list("leak-target", ListFixtures.three()), null);
        String targetId = target.version().listId();
        entryOf.put(targetId, "101");
        lists.add(new LeakHarness.Item(targetId, new Marking(0, Tlp.CLEAR, Releasability.NONE, false, Set.of(),
                owner.organisationId())));
        client.awaitIndexed(owner.token(), targetId, 1);

        LeakHarness runs = new LeakHarness(base, Screening.INFORMATION_TYPE, world)
                .list("/api/v1/screening/runs")
                .count("/api/v1/screening/runs/count", "count")
                .detail("/api/v1/screening/runs/{id}", Map.of())
                .detail("/api/v1/screening/runs/{id}/subjects", Map.of());
        // by kind: each holds only its own runs
        LeakHarness batchRuns = new LeakHarness(base, Screening.INFORMATION_TYPE, world)
                .list("/api/v1/screening/runs?kind=BATCH");
        LeakHarness entityRuns = new LeakHarness(base, Screening.INFORMATION_TYPE, world)
                .list("/api/v1/screening/runs?kind=ENTITY");
        LeakHarness hits = new LeakHarness(base, Screening.INFORMATION_TYPE, world)
                .list("/api/v1/screening/hits")
                .list("/api/v1/screening/hits?state=PENDING")
                .count("/api/v1/screening/hits/count", "count")
                .count("/api/v1/screening/hits/count?state=PENDING", "count")
                .detail("/api/v1/screening/hits/{id}", Map.of());
        for (int i = 0; i < 30; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm form = world.randomMarking(rnd, author);
            Marking marking = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            HttpResponse<String> r = client.upload(author.token(), "/api/v1/screening/batches", "rows.csv",
                    "name,dob\nAbdelkader Belmokhtar,1972\n".getBytes(StandardCharsets.UTF_8),
                    Map.of("marking", BearerApi.JSON.writeValueAsString(form)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            String runId = BearerApi.JSON.readTree(r.body()).get("id").asString();
            runs.add(new LeakHarness.Item(runId, marking));
            batchRuns.add(new LeakHarness.Item(runId, marking));
            // read from the table: under a TLP:RED marking naming others, the author may not see their own hit
            List<String[]> found = jdbc.sql("SELECT id, watchlist_id FROM screening_hit WHERE run_id = :r")
                    .param("r", runId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            assertThat(found).as("one hit per batch, on the target list").hasSize(1);
            assertThat(found.getFirst()[1]).isEqualTo(targetId);
            hits.add(new LeakHarness.Item(found.getFirst()[0], marking));
        }

        // person entities, screened by the system under their own markings: the world's agreements cover the
        // entity and screening information types alike, so the policy's decision for screening is the expectation
        for (int i = 0; i < 12; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            MarkingForm form = world.randomMarking(rnd, author);
            Marking marking = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
            HttpResponse<String> r = client.post(author.token(), "/api/v1/entities", "{\"type\":\"PERSON\","
                    + "\"attributes\":{\"names\":[\"Abdelkader Belmokhtar\"],\"dateOfBirth\":\"1972\"},\"marking\":"
                    + BearerApi.JSON.writeValueAsString(form) + "}");
            String entityId = BearerApi.created(r);
            ScreeningClient.await(() -> jdbc.sql("SELECT COUNT(*) FROM screening_subject WHERE entity_id = :e")
                    .param("e", entityId).query(Long.class).single() == 1, "the screening of entity " + entityId);
            String runId = jdbc.sql("SELECT run_id FROM screening_subject WHERE entity_id = :e").param("e", entityId)
                    .query(String.class).single();
            runs.add(new LeakHarness.Item(runId, marking));
            entityRuns.add(new LeakHarness.Item(runId, marking));
            List<String[]> found = jdbc.sql("SELECT id, watchlist_id FROM screening_hit WHERE run_id = :r")
                    .param("r", runId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            assertThat(found).as("one hit per person entity, on the target list").hasSize(1);
            assertThat(found.getFirst()[1]).isEqualTo(targetId);
            hits.add(new LeakHarness.Item(found.getFirst()[0], marking));
        }

        lists.verify();
        runs.verify();
        batchRuns.verify();
        entityRuns.verify();
        hits.verify();
        assertThat(lists.checks() + runs.checks() + batchRuns.checks() + entityRuns.checks() + hits.checks())
                .isGreaterThan(1500);
    }
}
