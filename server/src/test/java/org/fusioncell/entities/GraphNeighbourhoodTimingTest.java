package org.fusioncell.entities;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rough timing of the 2-hop neighbourhood (target p95 ≤ 20 ms) on 3,000 entities and 9,000 links under
 * four markings, a quarter of them hidden from the reader. Not a test of behaviour: run on demand with
 * {@code -Dfusioncell.graph.timing=true}; it prints p50/p95.
 */
@FusionCellTest
@EnabledIfSystemProperty(named = "fusioncell.graph.timing", matches = "true")
class GraphNeighbourhoodTimingTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Markings markings;
    @Autowired
    Readers readers;
    @Autowired
    Graph graph;
    @Autowired
    Entities entities;
    @Autowired
    ClassificationScheme scheme;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Test
    void twoHopNeighbourhoodTiming() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation("Cellule", OrganisationType.STATE_AGENCY, "MR");
        String other = fx.organisation("Autre", OrganisationType.STATE_AGENCY, "MR");
        Reader reader = readers.forUser(fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of()), "timing");
        List<String> marks = List.of(
                markings.save(new Marking(0, Tlp.CLEAR, Releasability.NONE, false, Set.of(), org)),
                markings.save(new Marking(1, Tlp.AMBER, Releasability.NONE, false, Set.of(), org)),
                markings.save(new Marking(2, Tlp.GREEN, Releasability.NONE, false, Set.of(), org)),
                markings.save(new Marking(1, Tlp.AMBER, Releasability.NONE, false, Set.of(), other)));
        Random rnd = new Random(7);
        int n = 3000;
        List<String> ids = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = Ids.newId();
            ids.add(id);
            rows.add(new Object[] {id, "PERSON", "P" + i, "p" + i, "{}", marks.get(rnd.nextInt(4)), org, "u", now});
        }
        var template = jdbcTemplate;
        template.batchUpdate("INSERT INTO entity (id, entity_type, label, label_lower, attributes, marking_id,"
                + " owner_organisation_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < 3 * n; i++) {
            links.add(new Object[] {Ids.newId(), ids.get(rnd.nextInt(n)), ids.get(rnd.nextInt(n)), "CONTACTED", 0.5,
                    marks.get(rnd.nextInt(4)), "u", now});
        }
        template.batchUpdate("INSERT INTO entity_link (id, from_entity_id, to_entity_id, link_type, confidence,"
                + " marking_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", links);
        List<Entity> starts = new ArrayList<>();
        for (String id : ids) {
            if (entities.open(reader, id) instanceof EntityAccess.Opened o) {
                starts.add(o.entity());
            }
            if (starts.size() == 200) {
                break;
            }
        }
        for (int i = 0; i < 50; i++) {
            graph.neighbourhood(reader, starts.get(i), 2); // warm-up
        }
        long[] nanos = new long[starts.size()];
        int nodes = 0;
        for (int i = 0; i < starts.size(); i++) {
            long t = System.nanoTime();
            nodes += graph.neighbourhood(reader, starts.get(i), 2).nodes().size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("GRAPH TIMING 2-hop over %d entities/%d links: p50 %.1f ms, p95 %.1f ms, mean nodes %.1f%n",
                n, 3 * n, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6,
                nodes / (double) starts.size());
    }

}
