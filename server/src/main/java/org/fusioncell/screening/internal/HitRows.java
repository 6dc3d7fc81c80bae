package org.fusioncell.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.screening.Hit;
import org.fusioncell.screening.HitDetail;
import org.fusioncell.screening.HitFacts;
import org.fusioncell.screening.HitState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads hits into their state types, with the proposals of four-eyes confirmations. */
@Component
class HitRows {

    static final String SELECT = """
            SELECT h.id, h.run_id, h.subject_id, h.watchlist_id, w.name, v.number, h.entry_id, h.entry_reference,
                h.matched_name, h.query_name, h.score, h.origin, h.marking_id, h.organisation_id, h.created_at, h.state,
                h.remembered, h.decided_by, h.decided_at, h.decision_reason
            FROM screening_hit h JOIN screening_watchlist w ON w.id = h.watchlist_id
                JOIN screening_watchlist_version v ON v.id = h.version_id""";

    /** A hit row before its marking and proposals are attached. */
    record Row(String id, String runId, String subjectId, String listId, String listName, int listVersion,
               String entryId, String entryReference, String matchedName, String queryName, double score,
               HitFacts.Origin origin, String markingId, String organisationId, Instant createdAt, HitState state,
               boolean remembered, String decidedBy, Instant decidedAt, String reason) {

        HitFacts facts(Marking marking) {
            return new HitFacts(id, runId, subjectId, listId, listName, listVersion, entryId, entryReference,
                    matchedName, queryName, score, origin, marking, organisationId, createdAt);
        }
    }

    private final JdbcClient jdbc;
    private final Markings markings;

    HitRows(JdbcClient jdbc, Markings markings) {
        this.jdbc = jdbc;
        this.markings = markings;
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(19);
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getDouble(11),
                HitFacts.Origin.valueOf(rs.getString(12)), rs.getString(13), rs.getString(14),
                rs.getTimestamp(15).toInstant(), HitState.valueOf(rs.getString(16)), rs.getBoolean(17),
                rs.getString(18), decided == null ? null : decided.toInstant(), rs.getString(20));
    }

    /** The rows as hits of their states, in the given order. */
    List<Hit> hits(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Marking> marks = markings.findAll(rows.stream().map(Row::markingId).toList());
        Map<String, List<HitDetail.ReviewStep>> proposals = new HashMap<>();
        jdbc.sql("""
                        SELECT hit_id, user_id, reason, decided_at FROM screening_hit_decision
                        WHERE decision = 'CONFIRMATION_PROPOSED' AND hit_id IN (:ids) ORDER BY decided_at, id""")
                .param("ids", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    proposals.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new HitDetail.ReviewStep(
                            HitDetail.ReviewStep.Step.CONFIRMATION_PROPOSED, rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                });
        return rows.stream().map(r -> hit(r, marks.get(r.markingId()), proposals.getOrDefault(r.id(), List.of())))
                .toList();
    }

    static Hit hit(Row r, Marking marking, List<HitDetail.ReviewStep> proposed) {
        HitFacts facts = r.facts(marking);
        Hit.Proposal proposal = proposed.isEmpty() ? null : new Hit.Proposal(
                proposed.stream().map(HitDetail.ReviewStep::userId).toList(), proposed.getFirst().at(),
                proposed.getFirst().reason());
        return switch (r.state()) {
            case PENDING -> new Hit.PendingHit(facts, proposal);
            case ESCALATED -> new Hit.EscalatedHit(facts, r.decidedBy(), r.decidedAt(), r.reason(), proposal);
            case DISMISSED -> new Hit.DismissedMatch(facts, r.decidedBy(), r.decidedAt(), r.reason(), r.remembered());
            case CONFIRMED -> {
                List<String> by = new ArrayList<>(proposed.stream().map(HitDetail.ReviewStep::userId).toList());
                by.add(r.decidedBy());
                yield new Hit.ConfirmedMatch(facts, by, r.decidedAt(), r.reason());
            }
        };
    }
}
