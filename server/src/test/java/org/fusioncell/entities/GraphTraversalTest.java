package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Traversal on a small graph seen by two agencies. Agency A sees a–b–c–d (TLP:CLEAR) but not agency B's
 * entity h (between a and d) nor B's link a–e; agency B sees all of it. A's paths never run through h
 * or over the hidden link, and A's charts never hold h or e.
 */
@FusionCellTest
@Tag("persistence")
class GraphTraversalTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Entities entities;
    @Autowired
    ReportEntities reportEntities;
    @Autowired
    Reports reports;
    @Autowired
    Graph graph;
    @Autowired
    Readers readers;
    @Autowired
    Markings markings;
    @Autowired
    ClassificationScheme scheme;

    private static Reader readerA;
    private static Reader readerB;
    private static String a, b, c, d, e, h, reportA;

    @BeforeEach
    void world() {
        if (readerA != null) {
            return;
        }
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String orgA = fx.organisation("Agence A", OrganisationType.STATE_AGENCY, "MR");
        String orgB = fx.organisation("Agence B", OrganisationType.STATE_AGENCY, "MR");
        readerA = readers.forUser(fx.user(orgA, "SECRET", Set.of(Role.ANALYST), Set.of()), "test");
        readerB = readers.forUser(fx.user(orgB, "SECRET", Set.of(Role.ANALYST), Set.of()), "test");
        a = person(readerA, "Alpha", marking(Tlp.CLEAR, orgA));
        b = person(readerA, "Bravo", marking(Tlp.CLEAR, orgA));
        c = person(readerA, "Charlie", marking(Tlp.CLEAR, orgA));
        d = person(readerA, "Delta", marking(Tlp.CLEAR, orgA));
        e = person(readerA, "Echo", marking(Tlp.CLEAR, orgA));
        h = person(readerB, "Hotel", marking(Tlp.AMBER, orgB));
        reportA = report(readerA, marking(Tlp.CLEAR, orgA));
        String clearOfB = report(readerB, marking(Tlp.CLEAR, orgB));
        String amberOfB = report(readerB, marking(Tlp.AMBER, orgB));
        link(readerA, a, b, reportA, LocalDate.of(2024, 3, 1));
        link(readerA, b, c, reportA, null);
        link(readerA, c, d, reportA, null);
        // visible links to an entity A may not see: the step must drop them with h
        link(readerB, a, h, clearOfB, null);
        link(readerB, h, d, clearOfB, null);
        // a hidden link between two entities A sees
        link(readerB, e, a, amberOfB, LocalDate.of(2023, 1, 1));
        String markingId = markings.save(marking(Tlp.CLEAR, orgA));
        jdbc.sql("INSERT INTO entity_mention (id, report_id, entity_id, marking_id, created_by, created_at)"
                        + " VALUES (:id, :r, :e, :m, :by, :at)").param("id", Ids.newId()).param("r", reportA)
                .param("e", a).param("m", markingId).param("by", readerA.userId())
                .param("at", Timestamp.from(Instant.now())).update();
    }

    @Test
    void neighbourhoodGrowsHopByHopAndNeverHoldsWhatTheReaderMayNotSee() {
        Entity alpha = open(readerA, a);
        assertThat(ids(graph.neighbourhood(readerA, alpha, 1))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(graph.neighbourhood(readerA, alpha, 2))).containsExactlyInAnyOrder(a, b, c);
        Graph.Chart three = graph.neighbourhood(readerA, alpha, 3);
        assertThat(ids(three)).containsExactlyInAnyOrder(a, b, c, d);
        assertThat(three.edges()).hasSize(3).allSatisfy(l -> assertThat(Set.of(l.fromEntityId(), l.toEntityId()))
                .doesNotContain(h, e));
        assertThat(three.truncated()).isFalse();

        Entity alphaForB = open(readerB, a);
        assertThat(ids(graph.neighbourhood(readerB, alphaForB, 1))).containsExactlyInAnyOrder(a, b, h, e);
    }

    @Test
    void aHiddenMiddleEntityCutsTheShortPathSoTheVisibleLongerOneIsFound() {
        Graph.Chart forA = graph.path(readerA, open(readerA, a), open(readerA, d)).orElseThrow();
        assertThat(forA.nodes()).extracting(Entity::id).containsExactly(a, b, c, d);
        assertThat(forA.edges()).hasSize(3);

        Graph.Chart forB = graph.path(readerB, open(readerB, a), open(readerB, d)).orElseThrow();
        assertThat(forB.nodes()).extracting(Entity::id).containsExactly(a, h, d);
    }

    @Test
    void aHiddenLinkIsNoPath() {
        assertThat(graph.path(readerA, open(readerA, a), open(readerA, e))).isEmpty();
        assertThat(graph.path(readerB, open(readerB, e), open(readerB, a))).get()
                .satisfies(p -> assertThat(ids(p)).containsExactly(e, a));
    }

    @Test
    void commonNeighboursCountOnlyVisibleOnes() {
        Graph.Chart aAndC = graph.commonNeighbours(readerA, open(readerA, a), open(readerA, c));
        assertThat(ids(aAndC)).containsExactly(a, c, b);
        assertThat(aAndC.edges()).hasSize(2);
        assertThat(ids(graph.commonNeighbours(readerA, open(readerA, a), open(readerA, d)))).containsExactly(a, d);
        assertThat(ids(graph.commonNeighbours(readerB, open(readerB, a), open(readerB, d)))).containsExactly(a, d, h);
    }

    @Test
    void theTimelineIsInTimeOrderWithTheReportsDatesAndOnlyVisibleLinks() {
        List<Graph.Moment> forA = graph.timeline(readerA, open(readerA, a));
        assertThat(forA).extracting(Graph.Moment::kind, Graph.Moment::basis).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Graph.Moment.Kind.LINK, Graph.Moment.Basis.VALID_FROM),
                org.assertj.core.groups.Tuple.tuple(Graph.Moment.Kind.MENTION, Graph.Moment.Basis.OCCURRED));
        assertThat(forA.getFirst().otherEntityId()).isEqualTo(b);
        assertThat(forA.get(1).reportId()).isEqualTo(reportA);
        assertThat(forA.get(1).at()).isEqualTo(Instant.parse("2025-06-01T08:00:00Z"));

        List<Graph.Moment> forB = graph.timeline(readerB, open(readerB, a));
        assertThat(forB).extracting(Graph.Moment::otherEntityId).contains(e, h, b);
        assertThat(forA).extracting(Graph.Moment::otherEntityId).doesNotContain(e, h);
        assertThat(forB.getFirst().otherEntityId()).isEqualTo(e); // 2023, before the 2024 link of A
    }

    private static List<String> ids(Graph.Chart chart) {
        return chart.nodes().stream().map(Entity::id).toList();
    }

    private Entity open(Reader reader, String id) {
        return ((EntityAccess.Opened) entities.open(reader, id)).entity();
    }

    private Marking marking(Tlp tlp, String owner) {
        return new Marking(scheme.rankOf("RESTRICTED"), tlp, Releasability.NONE, false, Set.of(), owner);
    }

    private String person(Reader author, String label, Marking m) {
        return entities.record(author, new EntityDraft(EntityType.PERSON, label, null, Map.of(), m)).entity().id();
    }

    private String report(Reader author, Marking m) {
        return reports.contribute(author, new ReportDraft("Rapport", "Texte", Instant.parse("2025-06-01T08:00:00Z"),
                null, new Grading(SourceReliability.B, 2), m, null)).id();
    }

    private void link(Reader author, String from, String to, String report, LocalDate validFrom) {
        assertThat(reportEntities.link(author, new ReportEntities.LinkDraft(from, to, LinkType.ASSOCIATE_OF, report,
                0.8, validFrom, null), null)).isPresent();
    }
}
