package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.WatchlistEntry.IdentityDocument;
import org.fusioncell.screening.WatchlistEntry.ListedName;
import org.fusioncell.screening.WatchlistEntry.NameQuality;
import org.fusioncell.testing.PageVisitor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The world of the screening page tests: an agency with two screening officers and an analyst, another
 * agency with its own officer, and a list of two fictional people that only the first agency may see
 * (TLP:AMBER+STRICT), so that lists other tests import in the same application cannot crowd its candidates.
 */
final class PageWorld {

    final String agency;
    final String otherAgency;
    final PageVisitor officer;
    final PageVisitor secondOfficer;
    final PageVisitor analyst;
    final PageVisitor outsider;
    final String listName;
    final String listId;

    PageWorld(MockMvc mvc, JdbcClient jdbc, Readers readers, Watchlists watchlists, Screening screening)
            throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        agency = fx.organisation("Agence de criblage " + UUID.randomUUID().toString().substring(0, 6),
                OrganisationType.STATE_AGENCY, "MR");
        otherAgency = fx.organisation(OrganisationType.STATE_AGENCY);
        officer = new PageVisitor(mvc, fx.user(agency, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of()), agency,
                Role.SCREENING_OFFICER);
        secondOfficer = new PageVisitor(mvc, fx.user(agency, "SECRET", Set.of(Role.SCREENING_OFFICER, Role.SUPERVISOR),
                Set.of()), agency, Role.SCREENING_OFFICER, Role.SUPERVISOR);
        analyst = new PageVisitor(mvc, fx.user(agency, "SECRET", Set.of(Role.ANALYST), Set.of()), agency, Role.ANALYST);
        outsider = new PageVisitor(mvc, fx.user(otherAgency, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of()),
                otherAgency, Role.SCREENING_OFFICER);
        listName = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        Marking ours = new Marking(0, Tlp.AMBER_STRICT, Releasability.NONE, false, Set.of(), agency);
        listId = ((ListImport.Imported) watchlists.importVersion(readers.forUser(officer.userId(), "test"), listName,
                new Watchlist(listName, WatchlistFormat.NATIONAL_CSV, "v1", null, entries()), ours)).version().listId();
        awaitIndexed(screening, readers.forUser(officer.userId(), "test"), listId, 1);
    }

    /** One person listed under Latin names only, one with the Arabic original beside the Latin. */
    static List<WatchlistEntry> entries() {
        return List.of(
                new WatchlistEntry("P-1", Subject.Kind.PERSON, "FC-PG-001",
                        List.of(new ListedName("Mokhtar Ould Sidi Haiballa", NameQuality.PRIMARY, false),
                                new ListedName("Mukhtar Walad Sidi Hayballah", NameQuality.AKA, false)),
                        List.of(BirthDate.parse("1979-03-05")), List.of("mr"), Subject.Gender.MALE,
                        List.of(new IdentityDocument("passport", "M7741205", "mr", null)), List.of("FICTIONAL"),
                        LocalDate.of(2024, 4, 2), "Fictional entry for the page tests: logistics."),
                new WatchlistEntry("P-2", Subject.Kind.PERSON, "FC-PG-002",
                        List.of(new ListedName("Zoubeir Ben Slimane Guerfali", NameQuality.PRIMARY, false),
                                new ListedName("زبير بن سليمان القرفالي", NameQuality.GOOD, true)),
                        List.of(BirthDate.parse("1983")), List.of("tn"), Subject.Gender.MALE, List.of(),
                        List.of("FICTIONAL"), LocalDate.of(2025, 1, 20), "Fictional entry for the page tests: financing."));
    }

    /** A list's index is rebuilt after commit: waits until a query searches the list at that version. */
    static void awaitIndexed(Screening screening, Reader reader, String listId, int version) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (screening.query(reader, ScreeningQuery.named("Warm Up"), null).lists().stream()
                .noneMatch(l -> l.id().equals(listId) && l.version() >= version)) {
            assertThat(Instant.now()).as("list " + listId + " indexed at version " + version).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
