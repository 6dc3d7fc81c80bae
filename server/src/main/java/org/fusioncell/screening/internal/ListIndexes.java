package org.fusioncell.screening.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fusioncell.names.ScreeningIndex;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.WatchlistEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One in-memory {@link ScreeningIndex} per list, over the list's current entries, built at start-up and
 * rebuilt when the list changes. One index per list, not one over all lists, because a reader may see
 * some lists and not others: a query asks only the indexes of the lists the reader may see, so a hidden
 * list can neither produce a candidate nor crowd a visible one out of the engine's shortlist, nor shift
 * the weights of name parts (each index weighs a part by how common it is in its own list). Lists are
 * few (UN, OFAC, a few national ones), so this costs nothing over one shared index.
 */
@Component
class ListIndexes {

    private static final Logger log = LoggerFactory.getLogger(ListIndexes.class);

    /** An entry as indexed: the id of its content (hits refer to it), its hash, and the version that introduced it. */
    record Indexed(String entryId, String reference, String contentHash, int sinceVersion,
                          String listingReference, String primaryName) {
    }

    /** The index of one list at one version; {@code entries} by the reference the engine's subjects carry as id. */
    record ListIndex(String listId, String listName, String markingId, String versionId, int version,
                            ScreeningIndex index, Map<String, Indexed> entries) {
    }

    private final JdbcClient jdbc;
    private final Map<String, ListIndex> byList = new ConcurrentHashMap<>();

    ListIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildAll() {
        long started = System.nanoTime();
        List<String> ids = jdbc.sql("SELECT id FROM screening_watchlist WHERE current_version_id IS NOT NULL")
                .query(String.class).list();
        ids.forEach(this::rebuild);
        log.info("Screening indexes built for {} list(s) in {} ms", ids.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Reads the list's current entries and replaces its index, unless a newer one is already in place. */
    Optional<ListIndex> rebuild(String listId) {
        record Head(String name, String markingId, String versionId, int number) {
        }
        Optional<Head> head = jdbc.sql("""
                        SELECT w.name, w.marking_id, v.id, v.number FROM screening_watchlist w
                        JOIN screening_watchlist_version v ON v.id = w.current_version_id WHERE w.id = :id""")
                .param("id", listId)
                .query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<Subject> subjects = new ArrayList<>();
        Map<String, Indexed> entries = new HashMap<>();
        jdbc.sql("""
                        SELECT id, reference, content_hash, from_number, payload FROM screening_watchlist_entry
                        WHERE watchlist_id = :id AND from_number <= :n AND (to_number IS NULL OR to_number > :n)""")
                .param("id", listId).param("n", head.get().number())
                .query(rs -> {
                    WatchlistEntry e = EntryPayload.read(rs.getString(5));
                    subjects.add(EntryPayload.subject(e.reference(), e));
                    entries.put(e.reference(), new Indexed(rs.getString(1), e.reference(), rs.getString(3), rs.getInt(4),
                            e.listingReference(), e.primaryName().name()));
                });
        ListIndex built = new ListIndex(listId, head.get().name(), head.get().markingId(), head.get().versionId(),
                head.get().number(), ScreeningIndex.of(subjects), Map.copyOf(entries));
        ListIndex kept = byList.merge(listId, built, (old, neu) -> neu.version() >= old.version() ? neu : old);
        return Optional.of(kept);
    }

    Optional<ListIndex> of(String listId) {
        return Optional.ofNullable(byList.get(listId));
    }

    /** The indexes of the lists whose marking is among {@code visibleMarkingIds}, by list name. */
    List<ListIndex> visible(Set<String> visibleMarkingIds) {
        return byList.values().stream().filter(i -> visibleMarkingIds.contains(i.markingId()))
                .sorted(java.util.Comparator.comparing(ListIndex::listName)).toList();
    }

    Collection<ListIndex> all() {
        return byList.values();
    }
}
