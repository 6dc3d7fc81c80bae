package org.fusioncell.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.screening.ScreeningRun;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads of runs and their people under need-to-know: pages through the SQL predicate, one run by the policy. */
@Component
class RunReads {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The run's columns, with its hits counted where {@code hitFilter} (over {@code h}) holds. */
    private static String columns(String hitFilter) {
        return """
                r.id, r.kind, r.source_name, r.threshold, r.subject_count, r.marking_id, r.organisation_id, r.created_by,
                r.created_at, r.details,
                (SELECT COUNT(*) FROM screening_hit h WHERE h.run_id = r.id AND %1$s) AS hits,
                (SELECT COUNT(*) FROM screening_hit h WHERE h.run_id = r.id AND %1$s
                    AND h.state IN ('PENDING', 'ESCALATED')) AS open_hits""".formatted(hitFilter);
    }

    private final JdbcClient jdbc;
    private final Markings markings;
    private final AuditLog audit;

    RunReads(JdbcClient jdbc, Markings markings, AuditLog audit) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.audit = audit;
    }

    private record Query(String where, String lists, Map<String, Object> params) {
    }

    /** Runs the reader may see; their hits are counted only from lists the reader may see. */
    private static Query query(Reader reader, ScreeningRun.@Nullable Kind kind) {
        SqlPredicate visible = VisibilityFilter.visible(reader, Screening.INFORMATION_TYPE, "r.marking_id");
        SqlPredicate lists = ListVisibility.of(reader, "h.watchlist_id");
        SqlPredicate entities = EntityVisibility.of(reader, "r.id", "r.marking_id");
        Map<String, Object> params = ListVisibility.merged(visible, lists);
        params.putAll(entities.params());
        String where = visible.sql() + " AND " + entities.sql();
        if (kind != null) {
            where += " AND r.kind = :kind";
            params.put("kind", kind.name());
        }
        return new Query(where, lists.sql(), params);
    }

    Page<ScreeningRun> runs(Reader reader, ScreeningRun.@Nullable Kind kind, PageRequest page) {
        Query q = query(reader, kind);
        long total = jdbc.sql("SELECT COUNT(*) FROM screening_run r WHERE " + q.where()).params(q.params())
                .query(Long.class).single();
        List<Row> rows = jdbc.sql("SELECT " + columns(q.lists()) + " FROM screening_run r WHERE " + q.where()
                        + " ORDER BY r.created_at DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .params(q.params()).param("limit", page.size()).param("offset", page.offset())
                .query(RunReads::row).list();
        List<ScreeningRun> items = withMarkings(rows);
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                        Screening.INFORMATION_TYPE, items.stream().map(ScreeningRun::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "runs", "page", String.valueOf(page.page()), "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    long count(Reader reader, ScreeningRun.@Nullable Kind kind) {
        Query q = query(reader, kind);
        long total = jdbc.sql("SELECT COUNT(*) FROM screening_run r WHERE " + q.where()).params(q.params())
                .query(Long.class).single();
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(),
                Screening.INFORMATION_TYPE, List.of()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "runs count", "total", String.valueOf(total))));
        return total;
    }

    /** The run as {@code reader} sees it, without an access check: callers have made it or checked its marking. */
    Optional<ScreeningRun> summary(Reader reader, String runId) {
        SqlPredicate lists = ListVisibility.of(reader, "h.watchlist_id");
        return jdbc.sql("SELECT " + columns(lists.sql()) + " FROM screening_run r WHERE r.id = :id")
                .params(lists.params()).param("id", runId)
                .query(RunReads::row).optional().map(r -> withMarkings(List.of(r)).getFirst());
    }

    <T> ScreeningAccess<T> open(Reader reader, String runId, String view, Function<ScreeningRun, T> read) {
        Optional<ScreeningRun> run = Ids.isWellFormed(runId) ? summary(reader, runId) : Optional.empty();
        if (run.isEmpty()) {
            return new ScreeningAccess.Unknown<>();
        }
        Marking marking = run.get().marking();
        Decision decision = AccessPolicy.decide(reader, Screening.INFORMATION_TYPE, marking);
        if (run.get().kind() == ScreeningRun.Kind.ENTITY) {
            decision = EntityVisibility.decide(reader, decision, marking);
        }
        AuditRecord base = AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                Screening.INFORMATION_TYPE, List.of(runId)).withPurpose(reader.purpose());
        return switch (decision.visibility()) {
            case HIDDEN -> {
                audit.record(base.withOutcome("HIDDEN").withDetails(Map.of("view", view, "reason", decision.reason())));
                yield new ScreeningAccess.Unknown<>();
            }
            case EXISTENCE_ONLY -> {
                audit.record(base.withOutcome("EXISTENCE_ONLY").withDetails(Map.of("view", view,
                        "reason", decision.reason())));
                yield new ScreeningAccess.KnownToExist<>(marking.ownerOrganisation(), marking);
            }
            case VISIBLE -> {
                audit.record(base.withDetails(Map.of("view", view)));
                yield new ScreeningAccess.Granted<>(read.apply(run.get()));
            }
        };
    }

    Page<ScreenedSubject> subjects(Reader reader, String runId, PageRequest page) {
        SqlPredicate lists = ListVisibility.of(reader, "h.watchlist_id");
        long total = jdbc.sql("SELECT COUNT(*) FROM screening_subject s WHERE s.run_id = :r").param("r", runId)
                .query(Long.class).single();
        List<ScreenedSubject> items = jdbc.sql("SELECT " + SubjectRows.COLUMNS
                        + ", (SELECT COUNT(*) FROM screening_hit h WHERE h.subject_id = s.id AND " + lists.sql()
                        + ") FROM screening_subject s WHERE s.run_id = :r ORDER BY s.ordinal, s.id LIMIT :limit OFFSET :offset")
                .params(lists.params()).param("r", runId).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> SubjectRows.read(rs, rs.getInt(11))).list();
        return Page.of(items, page, total);
    }

    private record Row(String id, ScreeningRun.Kind kind, String source, double threshold, int subjects,
                       String markingId, String organisationId, String createdBy, java.time.Instant createdAt,
                       String details, int hits, int open) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), ScreeningRun.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getDouble(4),
                rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                rs.getString(10), rs.getInt(11), rs.getInt(12));
    }

    private List<ScreeningRun> withMarkings(List<Row> rows) {
        Map<String, Marking> marks = markings.findAll(rows.stream().map(Row::markingId).toList());
        return rows.stream().map(r -> new ScreeningRun(r.id(), r.kind(), r.source(), r.threshold(), r.subjects(),
                r.hits(), r.open(), marks.get(r.markingId()), r.organisationId(), r.createdBy(), r.createdAt(),
                r.details() == null ? null : JSON.readValue(r.details(), ScreeningRun.FlightFacts.class))).toList();
    }
}
