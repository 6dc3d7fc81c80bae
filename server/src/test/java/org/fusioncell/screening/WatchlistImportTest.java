package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lists: versions, differences, identical re-imports, all-or-nothing, need-to-know and audit, on H2 and PostgreSQL. */
@FusionCellTest
@Import(ScreeningEvents.class)
@Tag("persistence")
class WatchlistImportTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Watchlists watchlists;

    private Reader officer;
    private Reader colleague;
    private Reader outsider;

    @BeforeEach
    void world() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        String other = fx.organisation(OrganisationType.STATE_AGENCY);
        officer = readers.forUser(fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of()), "test");
        colleague = readers.forUser(fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of()), "test");
        outsider = readers.forUser(fx.user(other, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of()), "test");
    }

    private static String name() {
        return "national-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static <T> T granted(ScreeningAccess<T> access) {
        assertThat(access).isInstanceOf(ScreeningAccess.Granted.class);
        return ((ScreeningAccess.Granted<T>) access).value();
    }

    @Test
    void aSecondVersionRecordsAddedChangedAndDelistedEntriesAndKeepsHistory() {
        String name = name();
        ListImport first = watchlists.importVersion(officer, name, ListFixtures.list(name, ListFixtures.three()), null);
        assertThat(first).isInstanceOfSatisfying(ListImport.Imported.class, i -> {
            assertThat(i.newList()).isTrue();
            assertThat(i.version().number()).isEqualTo(1);
            assertThat(i.version().added()).isEqualTo(3);
            assertThat(i.version().entryCount()).isEqualTo(3);
        });
        String listId = ((ListImport.Imported) first).version().listId();

        List<WatchlistEntry> next = new ArrayList<>();
        next.add(ListFixtures.three().get(0));                                            // unchanged
        next.add(ListFixtures.person("102", "عبد الرحمن بن حمزة الزواوي", "1980-04-09", "dz")); // date made exact
        next.add(ListFixtures.person("104", "Hamid Tahir Benali", "1990", "tn"));          // new; 103 delisted
        ListImport second = watchlists.importVersion(officer, name, ListFixtures.list(name, next), null);
        assertThat(second).isInstanceOfSatisfying(ListImport.Imported.class, i -> {
            assertThat(i.newList()).isFalse();
            assertThat(i.version().number()).isEqualTo(2);
            assertThat(List.of(i.version().added(), i.version().changed(), i.version().delisted()))
                    .containsExactly(1, 1, 1);
        });

        var changes = granted(watchlists.changes(officer, listId, 2, null, PageRequest.of(0, 50))).items();
        assertThat(changes).extracting(EntryChange::reference, EntryChange::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("104", EntryChange.Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("102", EntryChange.Kind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("103", EntryChange.Kind.DELISTED));
        assertThat(changes.stream().filter(c -> c.kind() == EntryChange.Kind.CHANGED).findFirst().orElseThrow()
                .changedFields()).containsExactly("birthDates");
        assertThat(granted(watchlists.changes(officer, listId, 2, EntryChange.Kind.DELISTED, PageRequest.of(0, 50)))
                .items()).extracting(EntryChange::reference).containsExactly("103");
        assertThat(granted(watchlists.changes(officer, listId, 1, null, PageRequest.of(0, 2))).total()).isEqualTo(3);

        assertThat(granted(watchlists.entries(officer, listId, null, false, PageRequest.of(0, 50))).items())
                .extracting(ListedEntrySummary::reference).containsExactlyInAnyOrder("101", "102", "104");
        assertThat(granted(watchlists.entries(officer, listId, null, true, PageRequest.of(0, 50))).items())
                .extracting(ListedEntrySummary::reference, ListedEntrySummary::active)
                .contains(org.assertj.core.groups.Tuple.tuple("103", false));
        assertThat(granted(watchlists.entries(officer, listId, "benali", false, PageRequest.of(0, 50))).items())
                .extracting(ListedEntrySummary::reference).containsExactly("104");

        ListedEntry delisted = granted(watchlists.entry(officer, listId, "103"));
        assertThat(delisted.active()).isFalse();
        assertThat(delisted.entry().primaryName().name()).isEqualTo("Yusuf Haddad Karimov");
        assertThat(delisted.history()).extracting(ListedEntry.Revision::versionNumber, ListedEntry.Revision::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, EntryChange.Kind.ADDED),
                        org.assertj.core.groups.Tuple.tuple(2, EntryChange.Kind.DELISTED));
        ListedEntry changed = granted(watchlists.entry(officer, listId, "102"));
        assertThat(changed.entry().birthDates().getFirst().isExactDay()).isTrue();
        assertThat(changed.history()).extracting(ListedEntry.Revision::kind)
                .containsExactly(EntryChange.Kind.ADDED, EntryChange.Kind.CHANGED);

        assertThat(granted(watchlists.versions(officer, listId))).extracting(WatchlistVersion::number).containsExactly(2, 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_watchlist_entry WHERE watchlist_id = :l").param("l", listId)
                .query(Long.class).single()).as("the unchanged entry is one row for both versions").isEqualTo(5);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM audit_record WHERE action = 'COLLECTION' AND object_type = 'watchlist'
                        AND actor_user_id = :u AND outcome = 'OK' AND details LIKE '%"delisted":"1"%'""")
                .param("u", officer.userId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anIdenticalReImportCreatesNoVersionAndIsAudited() {
        String name = name();
        Watchlist list = ListFixtures.list(name, ListFixtures.three());
        watchlists.importVersion(officer, name, list, null);
        ListImport again = watchlists.importVersion(officer, name, ListFixtures.list(name, ListFixtures.three()), null);
        assertThat(again).isInstanceOfSatisfying(ListImport.Unchanged.class,
                u -> assertThat(u.current().number()).isEqualTo(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE actor_user_id = :u AND outcome = 'UNCHANGED'")
                .param("u", officer.userId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailureAfterEveryRowIsWrittenLeavesNothingBehind() {
        String name = ScreeningEvents.FAILING + UUID.randomUUID().toString().substring(0, 8);
        long entries = rows("screening_watchlist_entry");
        long versions = rows("screening_watchlist_version");
        long audit = rows("audit_record");
        assertThatThrownBy(() -> watchlists.importVersion(officer, name, ListFixtures.list(name, ListFixtures.three()), null))
                .hasMessage("broken on purpose after every row was written");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_watchlist WHERE name = :n").param("n", name)
                .query(Long.class).single()).isZero();
        assertThat(rows("screening_watchlist_entry")).isEqualTo(entries);
        assertThat(rows("screening_watchlist_version")).isEqualTo(versions);
        assertThat(rows("audit_record")).isEqualTo(audit);
    }

    @Test
    void aFileWithOneReferenceTwiceIsRefusedWholeNamingTheEntry() {
        String name = name();
        List<WatchlistEntry> twice = new ArrayList<>(ListFixtures.three());
        twice.add(ListFixtures.person("101", "Someone Else", null, null));
        assertThatThrownBy(() -> watchlists.importVersion(officer, name, ListFixtures.list(name, twice), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("entries[3].reference");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_watchlist WHERE name = :n").param("n", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRestrictedNationalListIsHiddenFromOtherOrganisationsWhoCannotUpdateIt() {
        String name = name();
        Marking restricted = new Marking(1, Tlp.AMBER_STRICT, Releasability.NONE, false, Set.of(),
                officer.organisationId());
        ListImport.Imported imported = (ListImport.Imported) watchlists.importVersion(officer, name,
                ListFixtures.list(name, ListFixtures.three()), restricted);
        String listId = imported.version().listId();
        assertThat(watchlists.find(outsider, listId)).isInstanceOf(ScreeningAccess.Unknown.class);
        assertThat(watchlists.entry(outsider, listId, "101")).isInstanceOf(ScreeningAccess.Unknown.class);
        assertThat(watchlists.lists(outsider, PageRequest.of(0, 500)).items()).extracting(WatchlistSummary::id)
                .doesNotContain(listId);
        assertThat(watchlists.lists(colleague, PageRequest.of(0, 500)).items()).extracting(WatchlistSummary::id)
                .contains(listId);
        assertThat(watchlists.importVersion(outsider, name, ListFixtures.list(name, ListFixtures.three()), null))
                .isInstanceOf(ListImport.Refused.class);
        assertThat(granted(watchlists.versions(officer, listId))).hasSize(1);
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
