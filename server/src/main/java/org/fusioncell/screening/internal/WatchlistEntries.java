package org.fusioncell.screening.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.EntryChange;
import org.fusioncell.screening.ListedEntry;
import org.fusioncell.screening.ListedEntrySummary;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of a list's entries, kept as validity intervals ({@code from_number} inclusive, {@code to_number}
 * exclusive): the entries of a version, the difference of a version with the one before, one entry's
 * history. Callers have checked the list's marking.
 */
@Component
class WatchlistEntries {

    /** Rows that a later row of the same reference does not follow: each entry's latest content. */
    private static final String LATEST = """
            NOT EXISTS (SELECT 1 FROM screening_watchlist_entry later WHERE later.watchlist_id = e.watchlist_id
                AND later.reference = e.reference AND later.from_number > e.from_number)""";

    private final JdbcClient jdbc;

    WatchlistEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Added and changed entries start in version {@code number}; delisted ones are rows closed by it that no
     * row of the same reference continues.
     */
    Page<EntryChange> changes(String listId, int number, EntryChange.@Nullable Kind kind, PageRequest page) {
        String introduced = """
                SELECT e.reference, e.change_kind AS kind, e.primary_name, e.payload, e.changed_fields
                FROM screening_watchlist_entry e WHERE e.watchlist_id = :l AND e.from_number = :n""";
        String delisted = """
                SELECT e.reference, 'DELISTED' AS kind, e.primary_name, e.payload, NULL AS changed_fields
                FROM screening_watchlist_entry e WHERE e.watchlist_id = :l AND e.to_number = :n AND NOT EXISTS (
                    SELECT 1 FROM screening_watchlist_entry c WHERE c.watchlist_id = e.watchlist_id
                        AND c.reference = e.reference AND c.from_number = :n)""";
        String union;
        if (kind == null) {
            union = introduced + " UNION ALL " + delisted;
        } else if (kind == EntryChange.Kind.DELISTED) {
            union = delisted;
        } else {
            union = introduced + " AND e.change_kind = '" + kind.name() + "'";
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM (" + union + ") d").param("l", listId).param("n", number)
                .query(Long.class).single();
        List<EntryChange> items = jdbc.sql("SELECT * FROM (" + union + ") d ORDER BY d.kind, d.reference "
                        + "LIMIT :limit OFFSET :offset")
                .param("l", listId).param("n", number).param("limit", page.size()).param("offset", page.offset())
                .query((rs, i) -> {
                    String fields = rs.getString("changed_fields");
                    return new EntryChange(rs.getString("reference"), EntryChange.Kind.valueOf(rs.getString("kind")),
                            rs.getString("primary_name"), EntryPayload.read(rs.getString("payload")).listingReference(),
                            fields == null || fields.isEmpty() ? List.of() : List.of(fields.split(",")));
                }).list();
        return Page.of(items, page, total);
    }

    Page<ListedEntrySummary> page(String listId, @Nullable String text, boolean withDelisted, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("l", listId);
        String where = "e.watchlist_id = :l AND " + (withDelisted ? LATEST : "e.to_number IS NULL");
        if (text != null && !text.isBlank()) {
            params.put("text", "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
            where += " AND (LOWER(e.primary_name) LIKE :text ESCAPE '\\' OR LOWER(e.reference) LIKE :text ESCAPE '\\')";
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM screening_watchlist_entry e WHERE " + where).params(params)
                .query(Long.class).single();
        List<ListedEntrySummary> items = jdbc.sql("""
                        SELECT e.reference, e.kind, e.primary_name, e.payload, e.to_number, e.from_number
                        FROM screening_watchlist_entry e WHERE """ + " " + where
                        + " ORDER BY e.primary_name, e.reference LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new ListedEntrySummary(rs.getString(1), Subject.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), EntryPayload.read(rs.getString(4)).listingReference(),
                        rs.getObject(5) == null, rs.getInt(6)))
                .list();
        return Page.of(items, page, total);
    }

    private record Row(String id, int from, Integer to, String change, String fields, String payload) {
    }

    Optional<ListedEntry> one(String listId, String listName, String reference) {
        List<Row> rows = jdbc.sql("""
                        SELECT id, from_number, to_number, change_kind, changed_fields, payload
                        FROM screening_watchlist_entry WHERE watchlist_id = :l AND reference = :r ORDER BY from_number""")
                .param("l", listId).param("r", reference)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3, Integer.class),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<ListedEntry.Revision> history = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            history.add(new ListedEntry.Revision(r.from(), EntryChange.Kind.valueOf(r.change()),
                    r.fields() == null || r.fields().isEmpty() ? List.of() : List.of(r.fields().split(","))));
            boolean continued = i + 1 < rows.size() && r.to() != null && rows.get(i + 1).from() == r.to();
            if (r.to() != null && !continued) {
                history.add(new ListedEntry.Revision(r.to(), EntryChange.Kind.DELISTED, List.of()));
            }
        }
        Row latest = rows.getLast();
        return Optional.of(new ListedEntry(listId, listName, latest.id(), latest.to() == null,
                EntryPayload.read(latest.payload()), history));
    }
}
