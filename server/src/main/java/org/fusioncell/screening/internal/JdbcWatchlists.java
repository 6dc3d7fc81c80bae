package org.fusioncell.screening.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.screening.EntryChange;
import org.fusioncell.screening.ListImport;
import org.fusioncell.screening.ListedEntry;
import org.fusioncell.screening.ListedEntrySummary;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistSummary;
import org.fusioncell.screening.WatchlistVersion;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists under need-to-know: pages and counts through the SQL predicate, one list through {@link ListGate}. */
@Service
class JdbcWatchlists implements Watchlists {

    private final JdbcClient jdbc;
    private final Markings markings;
    private final AuditLog audit;
    private final WatchlistImport importing;
    private final WatchlistVersions versions;
    private final WatchlistEntries entries;
    private final ListGate gate;

    JdbcWatchlists(JdbcClient jdbc, Markings markings, AuditLog audit, WatchlistImport importing,
                   WatchlistVersions versions, WatchlistEntries entries, ListGate gate) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.audit = audit;
        this.importing = importing;
        this.versions = versions;
        this.entries = entries;
        this.gate = gate;
    }

    @Override
    public ListImport importVersion(Reader importer, String listName, Watchlist list, @Nullable Marking markingForNewList) {
        return importing.run(importer, listName, list, markingForNewList);
    }

    @Override
    @Transactional
    public Page<WatchlistSummary> lists(Reader reader, PageRequest page) {
        SqlPredicate visible = VisibilityFilter.visible(reader, INFORMATION_TYPE, "w.marking_id");
        long total = count(visible);
        List<String[]> markingOf = new ArrayList<>();
        List<WatchlistVersion> current = jdbc.sql("SELECT w.marking_id, " + WatchlistVersions.COLUMNS
                        + WatchlistVersions.FROM + "WHERE v.id = w.current_version_id AND " + visible.sql()
                        + " ORDER BY w.name, w.id LIMIT :limit OFFSET :offset")
                .params(visible.params()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> {
                    WatchlistVersion v = WatchlistVersions.at(rs, 2);
                    markingOf.add(new String[] {v.listId(), rs.getString(1)});
                    return v;
                }).list();
        Map<String, String> marks = new HashMap<>();
        markingOf.forEach(m -> marks.put(m[0], m[1]));
        Map<String, Marking> found = markings.findAll(marks.values());
        List<WatchlistSummary> items = current.stream()
                .map(v -> new WatchlistSummary(v.listId(), v.listName(), found.get(marks.get(v.listId())), v)).toList();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                        items.stream().map(WatchlistSummary::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "list", "page", String.valueOf(page.page()), "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader) {
        long total = count(VisibilityFilter.visible(reader, INFORMATION_TYPE, "w.marking_id"));
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of()).withPurpose(reader.purpose()).withDetails(Map.of("view", "count", "total", String.valueOf(total))));
        return total;
    }

    private long count(SqlPredicate visible) {
        return jdbc.sql("SELECT COUNT(*) FROM screening_watchlist w WHERE w.current_version_id IS NOT NULL AND "
                + visible.sql()).params(visible.params()).query(Long.class).single();
    }

    @Override
    @Transactional
    public ScreeningAccess<WatchlistSummary> find(Reader reader, String listId) {
        return gate.open(reader, listId, "list", row -> new WatchlistSummary(row.id(), row.name(),
                markings.find(row.markingId()).orElseThrow(), versions.byId(row.currentVersionId()).orElseThrow()));
    }

    @Override
    @Transactional
    public ScreeningAccess<List<WatchlistVersion>> versions(Reader reader, String listId) {
        return gate.open(reader, listId, "versions", row -> versions.of(row.id()));
    }

    @Override
    @Transactional
    public ScreeningAccess<Page<EntryChange>> changes(Reader reader, String listId, int number,
                                                     EntryChange.@Nullable Kind kind, PageRequest page) {
        return gate.open(reader, listId, "changes", row -> versions.byNumber(row.id(), number)
                .map(v -> entries.changes(row.id(), number, kind, page)).orElse(null));
    }

    @Override
    @Transactional
    public ScreeningAccess<Page<ListedEntrySummary>> entries(Reader reader, String listId, @Nullable String text,
                                                             boolean withDelisted, PageRequest page) {
        return gate.open(reader, listId, "entries", row -> entries.page(row.id(), text, withDelisted, page));
    }

    @Override
    @Transactional
    public ScreeningAccess<ListedEntry> entry(Reader reader, String listId, String reference) {
        return gate.open(reader, listId, "entry", row -> entries.one(row.id(), row.name(), reference).orElse(null));
    }
}
