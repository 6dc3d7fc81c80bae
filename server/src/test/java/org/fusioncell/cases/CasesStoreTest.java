package org.fusioncell.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Hit;
import org.fusioncell.screening.Hits;
import org.fusioncell.screening.ListImport;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.screening.ScreeningRun;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistFormat;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store on both databases: optimistic locking holds under concurrent steps, and entries other parts of the
 * platform append to a case's timeline follow the same rule as the case's own (an item the reader may not see
 * is not hinted at); a screening hit is an item for those its own module lets review it.
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
    @Autowired
    Watchlists watchlists;
    @Autowired
    Screening screening;
    @Autowired
    Hits hits;

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

    @Test
    void aScreeningHitIsAnItemOnlyForThoseItsModuleLetsSeeIt() throws Exception {
        World w = world();
        CaseFile c = shared(w);
        String listName = "national-" + UUID.randomUUID().toString().substring(0, 8);
        WatchlistEntry entry = new WatchlistEntry("201", Subject.Kind.PERSON, "FCi.201",
                List.of(new WatchlistEntry.ListedName("Abdelkader Ould Belmokhtar", WatchlistEntry.NameQuality.PRIMARY,
                        false)), List.of(), List.of("mr"), Subject.Gender.MALE, List.of(), List.of("FICTIONAL"),
                LocalDate.of(2020, 1, 15), "Fictional entry for tests.");
        String listId = ((ListImport.Imported) watchlists.importVersion(w.analyst(), listName, new Watchlist(listName,
                WatchlistFormat.NATIONAL_CSV, "v-1", Instant.parse("2025-05-01T00:00:00Z"), List.of(entry)), null))
                .version().listId();
        // the list's index is rebuilt after commit
        for (int i = 0; i < 200 && screening.query(w.analyst(), ScreeningQuery.named("Warm Up"), null).lists().stream()
                .noneMatch(l -> l.id().equals(listId)); i++) {
            Thread.sleep(50);
        }
        ScreeningRun run = screening.screenBatch(w.analyst(), "cases-test", List.of(1),
                List.of(ScreeningQuery.named("Abdelkader Belmokhtar")), null, null);
        String hit = hits.list(w.analyst(), null, run.id(), PageRequest.of(0, 50)).items().stream()
                .map(Hit::facts).filter(f -> f.listId().equals(listId)).findFirst().orElseThrow().id();

        assertThat(cases.addItem(w.analyst(), c.id(), "SCREENING_HIT", hit, "À rapprocher du dossier"))
                .isInstanceOf(CaseStep.Done.class);
        assertThat(cases.items(w.analyst(), c.id()).orElseThrow()).extracting(CaseItem::itemId).contains(hit);
        assertThat(cases.items(w.analyst(), c.id()).orElseThrow().getFirst().label()).contains("Abdelkader");
        // the run is the cell's own (AMBER+STRICT): the police participate in the case, not in the hit
        assertThat(cases.items(w.police(), c.id()).orElseThrow()).extracting(CaseItem::itemId).doesNotContain(hit);
        assertThat(cases.timeline(w.police(), c.id()).orElseThrow().toString()).doesNotContain(hit);
        try {
            cases.addItem(w.police(), c.id(), "SCREENING_HIT", hit, null);
            throw new AssertionError("the police may not add a hit they cannot see");
        } catch (InvalidInputException e) {
            assertThat(e.field()).isEqualTo("itemId");
        }
    }
}
