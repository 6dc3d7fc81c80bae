package org.fusioncell.safeguards.oversight.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fusioncell.safeguards.oversight.Finding;
import org.fusioncell.safeguards.oversight.FindingRule;
import org.fusioncell.safeguards.oversight.FindingState;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code oversight_finding} in SQL: one row per rule, user and window. */
@Component
class FindingRows {

    private final JdbcClient jdbc;

    FindingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Finding> find(String id) {
        return jdbc.sql("SELECT * FROM oversight_finding WHERE id = :id").param("id", id).query(FindingRows::row)
                .optional();
    }

    Optional<Finding> find(FindingRule rule, String userId, Instant windowStart) {
        return jdbc.sql("SELECT * FROM oversight_finding WHERE rule = :rule AND user_id = :user AND window_start = :ws")
                .param("rule", rule.name()).param("user", userId).param("ws", Timestamp.from(windowStart))
                .query(FindingRows::row).optional();
    }

    List<Finding> list(FindingState state, int limit, long offset) {
        return jdbc.sql("SELECT * FROM oversight_finding" + (state == null ? "" : " WHERE state = :state")
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(state == null ? java.util.Map.of() : java.util.Map.of("state", state.name()))
                .param("limit", limit).param("offset", offset).query(FindingRows::row).list();
    }

    long count(FindingState state) {
        return jdbc.sql("SELECT COUNT(*) FROM oversight_finding" + (state == null ? "" : " WHERE state = :state"))
                .params(state == null ? java.util.Map.of() : java.util.Map.of("state", state.name()))
                .query(Long.class).single();
    }

    String insert(PatternRules.Observation o, String userId, String organisationId, Instant windowStart,
                  Instant windowEnd, Instant now) {
        String id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO oversight_finding (id, rule, user_id, organisation_id, window_start, window_end,
                            observed, threshold, objects, object_threshold, evidence, detail, state, created_at,
                            updated_at)
                        VALUES (:id, :rule, :user, :org, :ws, :we, :observed, :threshold, :objects, :objectThreshold,
                            :evidence, :detail, 'OPEN', :now, :now)""")
                .param("id", id).param("rule", o.rule().name()).param("user", userId).param("org", organisationId)
                .param("ws", Timestamp.from(windowStart)).param("we", Timestamp.from(windowEnd))
                .param("observed", o.observed()).param("threshold", o.threshold()).param("objects", o.objects())
                .param("objectThreshold", o.objectThreshold()).param("evidence", evidence(o.evidence()))
                .param("detail", o.detail()).param("now", Timestamp.from(now)).update();
        return id;
    }

    /** A window that grew while its finding is still open: the finding shows the whole window. */
    boolean grow(String id, PatternRules.Observation o, Instant now) {
        return jdbc.sql("""
                        UPDATE oversight_finding SET observed = :observed, objects = :objects, evidence = :evidence,
                            detail = :detail, updated_at = :now WHERE id = :id AND state = 'OPEN'""")
                .param("id", id).param("observed", o.observed()).param("objects", o.objects())
                .param("evidence", evidence(o.evidence())).param("detail", o.detail())
                .param("now", Timestamp.from(now)).update() == 1;
    }

    boolean decide(String id, FindingState next, String userId, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE oversight_finding SET state = :state, decided_by = :user, decided_at = :now,
                            decision_reason = :reason, updated_at = :now WHERE id = :id AND state = 'OPEN'""")
                .param("id", id).param("state", next.name()).param("user", userId).param("reason", reason)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    private static String evidence(List<Long> seqs) {
        return seqs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Finding row(ResultSet rs, int n) throws SQLException {
        String evidence = rs.getString("evidence");
        List<Long> seqs = evidence == null || evidence.isBlank() ? List.of()
                : Arrays.stream(evidence.split(",")).map(Long::valueOf).toList();
        long objects = rs.getLong("objects");
        Long objectCount = rs.wasNull() ? null : objects;
        long objectThreshold = rs.getLong("object_threshold");
        Long objectLimit = rs.wasNull() ? null : objectThreshold;
        return new Finding(rs.getString("id"), FindingRule.valueOf(rs.getString("rule")), rs.getString("user_id"),
                rs.getString("organisation_id"), instant(rs, "window_start"), instant(rs, "window_end"),
                rs.getLong("observed"), rs.getLong("threshold"), objectCount, objectLimit, seqs, rs.getString("detail"),
                FindingState.valueOf(rs.getString("state")), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("decision_reason"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
