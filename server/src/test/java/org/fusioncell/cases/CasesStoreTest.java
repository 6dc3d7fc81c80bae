package org.fusioncell.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityDraft;
import org.fusioncell.entities.EntityType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store on both databases: optimistic locking holds under concurrent steps, and entries other parts of the
 * platform append to a case's timeline follow the same rule as the case's own (an item the reader may not see
 * is not hinted at).
 */
@FusionCellTest
@Tag("persistence")
class CasesStoreTest {

    @Autowired
    Cases cases;
    @Autowired
    CaseTimeline timeline;
    @Autowired
    Readers readers;
    @Autowired
    Entities entities;
    @Autowired
    JdbcClient jdbc;

    private record World(Reader analyst, Reader supervisor, Reader police) {
    }

    private World world() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule", OrganisationType.STATE_AGENCY, "MR");
        String police = fx.organisation("Sûreté", OrganisationType.STATE_AGENCY, "MR");
        return new World(readers.forUser(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "test"),
                readers.forUser(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "test"),
                readers.forUser(fx.user(police, "SECRET", Set.of(Role.ANALYST), Set.of()), "test"));
    }

    private CaseFile shared(World w) {
        CaseFile c = cases.open(w.analyst(), new CaseDraft("Réseau de Kaédi", "Facilitation présumée.", "OPERATION",
                "fr", new MarkingForm("RESTRICTED", "AMBER", null, false, List.of())));
        CaseStep<CaseFile> added = cases.addParticipant(w.supervisor(), c.id(), 1, w.police().organisationId());
        assertThat(added).isInstanceOf(CaseStep.Done.class);
        return ((CaseStep.Done<CaseFile>) added).value();
    }

    @Test
    void twoConcurrentStatusChangesOnOneVersionLetExactlyOneThrough() throws Exception {
        World w = world();
        CaseFile c = shared(w);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<CaseStep<CaseFile>>> runs = pool.invokeAll(List.<Callable<CaseStep<CaseFile>>>of(
                () -> cases.changeStatus(w.supervisor(), c.id(), c.version(), "SUSPENDED", "Attente d'une commission rogatoire"),
                () -> cases.changeStatus(w.supervisor(), c.id(), c.version(), "CLOSED", "Classement sans suite")));
        pool.shutdown();
        int done = 0;
        for (Future<CaseStep<CaseFile>> f : runs) {
            if (f.get() instanceof CaseStep.Done) {
                done++;
            } else {
                assertThat(f.get()).isInstanceOf(CaseStep.Stale.class);
            }
        }
        assertThat(done).isEqualTo(1);
        assertThat(cases.timeline(w.police(), c.id()).orElseThrow().stream()
                .filter(e -> e.kind().equals("status-changed")).count()).isEqualTo(1);
        CaseStatus now = ((CaseAccess.Opened) cases.find(w.police(), c.id())).file().status();
        assertThat(cases.list(w.police(), new CaseQuery("kaédi", now, CaseKind.OPERATION), PageRequest.of(0, 10))
                .items()).extracting(CaseSummary::id).contains(c.id());
    }

    @Test
    void entriesAppendedByOtherPartsAreCutByTheirItemsMarkings() {
        World w = world();
        CaseFile c = shared(w);
        Marking cellOnly = new Marking(1, Tlp.AMBER, Releasability.NONE, false, Set.of(), w.analyst().organisationId());
        String entity = entities.record(w.analyst(), new EntityDraft(EntityType.EMAIL, "passeur@example.mr",
                "email:passeur@example.mr", Map.of("address", "passeur@example.mr"), cellOnly)).entity().id();
        assertThat(timeline.append(c.id(), "evidence-received", "processing:custody", w.analyst().organisationId(),
                new ItemRef(ItemType.ENTITY, entity), "Téléphone saisi, scellé n° 14")).isTrue();
        assertThat(timeline.append(c.id(), "evidence-examined", "processing:custody", w.analyst().organisationId(),
                null, "Examen planifié")).isTrue();
        assertThat(timeline.append(UUID.randomUUID().toString(), "evidence-received", "processing:custody", null, null,
                "?")).isFalse();

        List<String> analystSees = cases.timeline(w.analyst(), c.id()).orElseThrow().stream().map(TimelineEntry::kind)
                .toList();
        List<TimelineEntry> policeSees = cases.timeline(w.police(), c.id()).orElseThrow();
        assertThat(analystSees).contains("evidence-received", "evidence-examined");
        assertThat(policeSees).extracting(TimelineEntry::kind).contains("evidence-examined")
                .doesNotContain("evidence-received");
        assertThat(policeSees.toString()).doesNotContain(entity).doesNotContain("scellé");
    }
}
