package org.fusioncell.screening.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.screening.Explanation;
import org.fusioncell.screening.Hit;
import org.fusioncell.screening.HitDetail;
import org.fusioncell.screening.HitState;
import org.fusioncell.screening.Hits;
import org.fusioncell.screening.Review;
import org.fusioncell.screening.ReviewOutcome;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue under need-to-know: a hit is read under its run's marking and its list's marking,
 * both as SQL predicates for pages and counts, both by the policy for one hit.
 */
@Service
class JdbcHits implements Hits {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final HitRows rows;
    private final HitReviews reviews;
    private final HitGate gates;

    JdbcHits(JdbcClient jdbc, AuditLog audit, HitRows rows, HitReviews reviews, HitGate gates) {
        this.gates = gates;
        this.jdbc = jdbc;
        this.audit = audit;
        this.rows = rows;
        this.reviews = reviews;
    }

    private record Query(String where, Map<String, Object> params) {
    }

    private static Query query(Reader reader, @Nullable HitState state, @Nullable String runId) {
        SqlPredicate visible = VisibilityFilter.visible(reader, Screening.INFORMATION_TYPE, "h.marking_id");
        SqlPredicate lists = ListVisibility.of(reader, "h.watchlist_id");
        SqlPredicate entities = EntityVisibility.of(reader, "h.run_id", "h.marking_id");
        Map<String, Object> params = ListVisibility.merged(visible, lists);
        params.putAll(entities.params());
        String where = visible.sql() + " AND " + lists.sql() + " AND " + entities.sql();
        if (state != null) {
            where += " AND h.state = :state";
            params.put("state", state.name());
        }
        if (runId != null) {
            where += " AND h.run_id = :run";
            params.put("run", runId);
        }
        return new Query(where, params);
    }

    @Override
    @Transactional
    public Page<Hit> list(Reader reader, @Nullable HitState state, @Nullable String runId, PageRequest page) {
        Query q = query(reader, state, runId);
        long total = count(q);
        List<HitRows.Row> found = jdbc.sql(HitRows.SELECT + " WHERE " + q.where()
                        + " ORDER BY h.created_at DESC, h.id DESC LIMIT :limit OFFSET :offset")
                .params(q.params()).param("limit", page.size()).param("offset", page.offset())
                .query(HitRows::row).list();
        List<Hit> items = rows.hits(found);
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                        Screening.INFORMATION_TYPE, items.stream().map(h -> h.facts().id()).toList())
                .withPurpose(reader.purpose()).withDetails(Map.of("view", "hits", "state",
                        state == null ? "any" : state.name(), "page", String.valueOf(page.page()),
                        "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, @Nullable HitState state, @Nullable String runId) {
        long total = count(query(reader, state, runId));
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(),
                Screening.INFORMATION_TYPE, List.of()).withPurpose(reader.purpose()).withDetails(Map.of(
                "view", "hits count", "state", state == null ? "any" : state.name(), "total", String.valueOf(total))));
        return total;
    }

    private long count(Query q) {
        return jdbc.sql("SELECT COUNT(*) FROM screening_hit h WHERE " + q.where()).params(q.params())
                .query(Long.class).single();
    }

    @Override
    @Transactional
    public ScreeningAccess<HitDetail> open(Reader reader, String hitId) {
        Optional<HitGate.Gate> gate = gates.gate(reader, hitId);
        if (gate.isEmpty()) {
            return new ScreeningAccess.Unknown<>();
        }
        AuditRecord base = AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                Screening.INFORMATION_TYPE, List.of(hitId)).withPurpose(reader.purpose());
        Decision decision = gate.get().decision();
        switch (decision.visibility()) {
            case HIDDEN -> {
                audit.record(base.withOutcome("HIDDEN").withDetails(Map.of("view", "hit", "reason", decision.reason())));
                return new ScreeningAccess.Unknown<>();
            }
            case EXISTENCE_ONLY -> {
                audit.record(base.withOutcome("EXISTENCE_ONLY").withDetails(Map.of("view", "hit",
                        "reason", decision.reason())));
                return new ScreeningAccess.KnownToExist<>(gate.get().marking().ownerOrganisation(), gate.get().marking());
            }
            default -> {
                audit.record(base.withDetails(Map.of("view", "hit")));
                return new ScreeningAccess.Granted<>(detail(gate.get().row()));
            }
        }
    }

    private HitDetail detail(HitRows.Row row) {
        Hit hit = rows.hits(List.of(row)).getFirst();
        ScreenedSubject subject = jdbc.sql("SELECT " + SubjectRows.COLUMNS + " FROM screening_subject s WHERE s.id = :id")
                .param("id", row.subjectId()).query((rs, n) -> SubjectRows.read(rs, 0)).single();
        record EntryRow(String payload, boolean current) {
        }
        EntryRow entry = jdbc.sql("SELECT payload, to_number FROM screening_watchlist_entry WHERE id = :id")
                .param("id", row.entryId()).query((rs, n) -> new EntryRow(rs.getString(1), rs.getObject(2) == null))
                .single();
        String explanation = jdbc.sql("SELECT explanation FROM screening_hit WHERE id = :id").param("id", row.id())
                .query(String.class).single();
        List<HitDetail.ReviewStep> steps = jdbc.sql("""
                        SELECT decision, user_id, reason, decided_at FROM screening_hit_decision WHERE hit_id = :id
                        ORDER BY decided_at, id""")
                .param("id", row.id())
                .query((rs, n) -> new HitDetail.ReviewStep(HitDetail.ReviewStep.Step.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
        return new HitDetail(hit, subject, EntryPayload.read(entry.payload()), entry.current(),
                JSON.readValue(explanation, Explanation.class), steps);
    }

    @Override
    public ReviewOutcome review(Reader reviewer, String hitId, Review review, String reason) {
        return reviews.review(reviewer, hitId, review, reason);
    }
}
