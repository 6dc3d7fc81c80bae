package org.fusioncell.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.monitoring.Alert;
import org.fusioncell.monitoring.AlertState;
import org.fusioncell.monitoring.Alerts;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The inbox: a reader's own alerts only; another user's alert does not exist for them. */
@Repository
class JdbcAlerts implements Alerts {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    JdbcAlerts(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Page<Alert> inbox(Reader reader, AlertState state, PageRequest page) {
        String where = "recipient_user_id = :uid" + (state == null ? "" : " AND state = :state");
        List<Alert> items = jdbc.sql("SELECT * FROM monitoring_alert WHERE " + where
                        + " ORDER BY raised_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("uid", reader.userId()).param("state", state == null ? null : state.name())
                .param("limit", page.size()).param("offset", page.offset()).query(JdbcAlerts::row).list();
        long total = count(where, reader, state);
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                items.stream().map(Alert::id).toList()).withPurpose(reader.purpose()));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional(readOnly = true)
    public long count(Reader reader, AlertState state) {
        return count("recipient_user_id = :uid" + (state == null ? "" : " AND state = :state"), reader, state);
    }

    private long count(String where, Reader reader, AlertState state) {
        return jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE " + where).param("uid", reader.userId())
                .param("state", state == null ? null : state.name()).query(Long.class).single();
    }

    @Override
    @Transactional
    public Optional<Alert> open(Reader reader, String alertId) {
        Optional<Alert> found = own(reader, alertId);
        found.ifPresent(a -> audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(),
                reader.organisationId(), INFORMATION_TYPE, List.of(a.id())).withPurpose(reader.purpose())));
        return found;
    }

    @Override
    @Transactional
    public Transition move(Reader reader, String alertId, AlertState next, String note) {
        if (next == null) {
            throw new InvalidInputException("state", "must be ACKNOWLEDGED, ACTIONED or CLOSED");
        }
        if (note != null && note.strip().length() > 1000) {
            throw new InvalidInputException("note", "must be at most 1000 characters");
        }
        Optional<Alert> found = own(reader, alertId);
        if (found.isEmpty()) {
            return new Transition.Unknown();
        }
        Alert alert = found.get();
        if (!alert.state().mayBecome(next)) {
            return new Transition.NotAllowed(alert.state(), next);
        }
        int changed = jdbc.sql("""
                UPDATE monitoring_alert SET state = :next, state_changed_at = :now, state_changed_by = :uid,
                    note = COALESCE(:note, note), escalate_at = NULL
                WHERE id = :id AND state = :current""")
                .param("next", next.name()).param("now", Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)))
                .param("uid", reader.userId()).param("note", note == null || note.isBlank() ? null : note.strip())
                .param("id", alertId).param("current", alert.state().name()).update();
        if (changed == 0) {
            return new Transition.NotAllowed(alert.state(), next); // moved meanwhile by another request
        }
        audit.record(AuditRecord.of(AuditAction.ALTERATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(alertId)).withPurpose(reader.purpose()).withDetails(Map.of("state", next.name())));
        return new Transition.Moved(own(reader, alertId).orElseThrow());
    }

    private Optional<Alert> own(Reader reader, String alertId) {
        if (!Ids.isWellFormed(alertId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM monitoring_alert WHERE id = :id AND recipient_user_id = :uid")
                .param("id", alertId).param("uid", reader.userId()).query(JdbcAlerts::row).optional();
    }

    static Alert row(ResultSet rs, int n) throws SQLException {
        Timestamp changed = rs.getTimestamp("state_changed_at");
        return new Alert(rs.getString("id"), rs.getString("watch_id"), rs.getString("watch_name"),
                rs.getString("recipient_user_id"), rs.getString("item_type"), rs.getString("item_id"),
                Alert.Disclosure.valueOf(rs.getString("disclosure")), rs.getString("headline"), rs.getString("summary"),
                rs.getString("holder_organisation_id"), rs.getString("level"), Severity.valueOf(rs.getString("severity")),
                AlertState.valueOf(rs.getString("state")), rs.getTimestamp("raised_at").toInstant(),
                changed == null ? null : changed.toInstant(), rs.getString("state_changed_by"), rs.getString("note"),
                rs.getString("escalated_from"), rs.getInt("occurrences"));
    }
}
