package org.fusioncell.screening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.screening.ListImport;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistChanged;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistVersion;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write path of a list import: compares the file with the list's current entries by content hash
 * and stores only what differs (new rows for added and changed entries, closed rows for changed and
 * delisted ones), in one transaction with its audit record and its {@link WatchlistChanged} event.
 */
@Component
class WatchlistImport {

    static final int MAX_NAME = 100;
    private static final int BATCH = 500;

    private record Current(String rowId, String hash) {
    }

    private record ListRow(String id, String markingId, String currentVersionId) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Markings markings;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final WatchlistVersions versions;

    WatchlistImport(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Markings markings, AuditLog audit, Clock clock,
                    ApplicationEventPublisher events, WatchlistVersions versions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.versions = versions;
    }

    @Transactional
    ListImport run(Reader importer, String listName, Watchlist list, @Nullable Marking markingForNewList) {
        String name = checkedName(listName);
        checkEntries(list.entries());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        // FOR UPDATE: two imports of one list take turns, so version numbers and intervals never interleave
        Optional<ListRow> existing = jdbc.sql("""
                        SELECT id, marking_id, current_version_id FROM screening_watchlist WHERE name = :name FOR UPDATE""")
                .param("name", name).query((rs, n) -> new ListRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
        String listId;
        int number;
        if (existing.isPresent()) {
            Marking marking = markings.find(existing.get().markingId()).orElseThrow();
            if (!AccessPolicy.decide(importer, Watchlists.INFORMATION_TYPE, marking).visible()
                    || !marking.ownerOrganisation().equals(importer.organisationId())) {
                audit.record(AuditRecord.of(AuditAction.COLLECTION, importer.userId(), importer.organisationId(),
                        Watchlists.INFORMATION_TYPE, List.of()).withPurpose(importer.purpose()).withOutcome("REFUSED")
                        .withDetails(Map.of("reason", "list name held by a list the importer may not update")));
                return new ListImport.Refused(name);
            }
            listId = existing.get().id();
            number = versions.byId(existing.get().currentVersionId()).orElseThrow().number() + 1;
        } else {
            Marking marking = markingForNewList != null ? markingForNewList
                    : new Marking(0, Tlp.CLEAR, Releasability.NONE, false, Set.of(), importer.organisationId());
            listId = Ids.newId();
            jdbc.sql("""
                    INSERT INTO screening_watchlist (id, name, marking_id, current_version_id, created_at, created_by)
                    VALUES (:id, :name, :marking, NULL, :now, :by)""")
                    .param("id", listId).param("name", name).param("marking", markings.save(marking))
                    .param("now", Timestamp.from(now)).param("by", importer.userId()).update();
            number = 1;
        }
        Map<String, Current> current = new HashMap<>();
        jdbc.sql("SELECT id, reference, content_hash FROM screening_watchlist_entry WHERE watchlist_id = :l AND to_number IS NULL")
                .param("l", listId)
                .query(rs -> {
                    current.put(rs.getString(2), new Current(rs.getString(1), rs.getString(3)));
                });
        String versionId = Ids.newId();
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        Map<String, WatchlistEntry> changedNow = new LinkedHashMap<>();
        Map<String, String> changedBefore = new HashMap<>();
        int added = 0;
        for (WatchlistEntry e : list.entries()) {
            String json = EntryPayload.json(e);
            String hash = EntryPayload.hash(json);
            Current was = current.remove(e.reference());
            if (was == null) {
                added++;
                inserts.add(row(listId, versionId, number, e, json, hash, "ADDED"));
            } else if (!was.hash().equals(hash)) {
                closed.add(was.rowId());
                changedNow.put(e.reference(), e);
                changedBefore.put(e.reference(), was.rowId());
                inserts.add(row(listId, versionId, number, e, json, hash, "CHANGED"));
            }
        }
        current.values().forEach(c -> closed.add(c.rowId())); // what is left was not in the file: delisted
        int changed = changedNow.size();
        int delisted = current.size();
        if (existing.isPresent() && added + changed + delisted == 0) {
            WatchlistVersion same = versions.byId(existing.get().currentVersionId()).orElseThrow();
            audit.record(AuditRecord.of(AuditAction.COLLECTION, importer.userId(), importer.organisationId(),
                            Watchlists.INFORMATION_TYPE, List.of(listId, same.id())).withPurpose(importer.purpose())
                    .withOutcome("UNCHANGED").withDetails(Map.of("version", String.valueOf(same.number()),
                            "entries", String.valueOf(list.entries().size()), "format", list.format().name())));
            return new ListImport.Unchanged(same);
        }
        Map<String, List<String>> fields = changedFields(changedNow, changedBefore);
        inserts.forEach(p -> {
            List<String> f = fields.get((String) p.getValue("reference"));
            p.addValue("fields", f == null ? null : String.join(",", f));
        });
        jdbc.sql("""
                INSERT INTO screening_watchlist_version (id, watchlist_id, number, format, publisher_version, generated_at,
                    imported_at, imported_by, added, changed, delisted, entry_count)
                VALUES (:id, :list, :number, :format, :publisher, :generated, :now, :by, :added, :changed, :delisted, :count)""")
                .param("id", versionId).param("list", listId).param("number", number).param("format", list.format().name())
                .param("publisher", list.version() == null ? null : truncate(list.version(), 200))
                .param("generated", list.generatedAt() == null ? null : Timestamp.from(list.generatedAt()))
                .param("now", Timestamp.from(now)).param("by", importer.userId()).param("added", added)
                .param("changed", changed).param("delisted", delisted).param("count", list.entries().size())
                .update();
        for (int i = 0; i < closed.size(); i += BATCH) {
            List<String> ids = closed.subList(i, Math.min(closed.size(), i + BATCH));
            jdbc.sql("UPDATE screening_watchlist_entry SET to_number = :n WHERE id IN (:ids)").param("n", number)
                    .param("ids", ids).update();
        }
        for (int i = 0; i < inserts.size(); i += BATCH) {
            batch.batchUpdate("""
                    INSERT INTO screening_watchlist_entry (id, watchlist_id, version_id, reference, kind, primary_name,
                        from_number, to_number, change_kind, changed_fields, payload, content_hash)
                    VALUES (:id, :list, :version, :reference, :kind, :name, :number, NULL, :change, :fields, :payload, :hash)""",
                    inserts.subList(i, Math.min(inserts.size(), i + BATCH)).toArray(MapSqlParameterSource[]::new));
        }
        jdbc.sql("UPDATE screening_watchlist SET current_version_id = :v WHERE id = :id").param("v", versionId)
                .param("id", listId).update();
        audit.record(AuditRecord.of(AuditAction.COLLECTION, importer.userId(), importer.organisationId(),
                        Watchlists.INFORMATION_TYPE, List.of(listId, versionId)).withPurpose(importer.purpose())
                .withDetails(Map.of("version", String.valueOf(number), "added", String.valueOf(added),
                        "changed", String.valueOf(changed), "delisted", String.valueOf(delisted),
                        "entries", String.valueOf(list.entries().size()), "format", list.format().name())));
        events.publishEvent(new WatchlistChanged(listId, name, versionId, number, added, changed, delisted));
        WatchlistVersion stored = versions.byId(versionId).orElseThrow();
        return new ListImport.Imported(stored, existing.isEmpty());
    }

    private Map<String, List<String>> changedFields(Map<String, WatchlistEntry> now, Map<String, String> rowIds) {
        Map<String, List<String>> out = new HashMap<>();
        List<String> ids = new ArrayList<>(rowIds.values());
        Map<String, String> referenceOf = new HashMap<>();
        rowIds.forEach((ref, id) -> referenceOf.put(id, ref));
        for (int i = 0; i < ids.size(); i += BATCH) {
            jdbc.sql("SELECT id, payload FROM screening_watchlist_entry WHERE id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + BATCH)))
                    .query(rs -> {
                        String ref = referenceOf.get(rs.getString(1));
                        out.put(ref, EntryPayload.changedFields(EntryPayload.read(rs.getString(2)), now.get(ref)));
                    });
        }
        return out;
    }

    private static MapSqlParameterSource row(String listId, String versionId, int number, WatchlistEntry e, String json,
                                             String hash, String change) {
        return new MapSqlParameterSource().addValue("id", Ids.newId()).addValue("list", listId)
                .addValue("version", versionId).addValue("reference", e.reference()).addValue("kind", e.kind().name())
                .addValue("name", e.primaryName().name()).addValue("number", number).addValue("change", change)
                .addValue("payload", json).addValue("hash", hash);
    }

    static String checkedName(String listName) {
        String name = listName == null ? "" : listName.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "required: the list's short name, e.g. UN or OFAC-SDN");
        }
        if (name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "at most " + MAX_NAME + " characters, no control characters");
        }
        return name;
    }

    /** Every check before anything is written: a file is stored whole or not at all. */
    private static void checkEntries(List<WatchlistEntry> entries) {
        if (entries.isEmpty()) {
            throw new InvalidInputException("entries", "the file holds no entry; nothing was imported");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            WatchlistEntry e = entries.get(i);
            String field = "entries[" + i + "]";
            if (e.reference().isBlank() || e.reference().length() > 200) {
                throw new InvalidInputException(field + ".reference", "between 1 and 200 characters");
            }
            if (!seen.add(e.reference())) {
                throw new InvalidInputException(field + ".reference", "the reference " + e.reference()
                        + " is given to two entries");
            }
            if (e.primaryName().name().isBlank() || e.primaryName().name().length() > 1000) {
                throw new InvalidInputException(field + ".names[0]", "between 1 and 1000 characters");
            }
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
