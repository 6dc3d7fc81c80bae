package org.fusioncell.monitoring.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.monitoring.AlertErasure;
import org.fusioncell.monitoring.Alerts;
import org.fusioncell.monitoring.incidents.IncidentErased;
import org.fusioncell.monitoring.incidents.Incidents;
import org.fusioncell.shared.ErasureReason;
import org.fusioncell.shared.ExpiredItem;
import org.fusioncell.shared.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link AlertErasure}: the alert's row and the outbox rows keyed by its id. Also erases, in the incident's own
 * erasure transaction, every alert raised on an erased incident (an alert's headline repeats the incident).
 */
@Service
class JdbcAlertErasure implements AlertErasure {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    JdbcAlertErasure(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional
    public boolean erase(Reader actor, String alertId, String reason) {
        String why = ErasureReason.checked(reason);
        if (!Ids.isWellFormed(alertId)) {
            return false;
        }
        List<String> holder = jdbc.sql("""
                SELECT w.owner_organisation_id FROM monitoring_alert a JOIN monitoring_watch w ON w.id = a.watch_id
                WHERE a.id = :id FOR UPDATE""").param("id", alertId).query(String.class).list();
        if (holder.isEmpty()) {
            return false;
        }
        if (!holder.getFirst().equals(actor.organisationId())) {
            audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, actor.userId(), actor.organisationId(),
                    Alerts.INFORMATION_TYPE, List.of(alertId)).withPurpose(actor.purpose()).withOutcome("REFUSED")
                    .withDetails(Map.of("attempted", "erasure", "reason", "not the watch's organisation")));
            return false;
        }
        int deliveries = remove(List.of(alertId));
        audit.record(AuditRecord.of(AuditAction.ERASURE, actor.userId(), actor.organisationId(),
                Alerts.INFORMATION_TYPE, List.of(alertId)).withPurpose(actor.purpose())
                .withDetails(Map.of("reason", why, "deliveries", String.valueOf(deliveries))));
        return true;
    }

    /** The alerts and their outbox rows; the number of outbox rows removed. */
    private int remove(List<String> alertIds) {
        int outbox = jdbc.sql("DELETE FROM monitoring_delivery WHERE alert_id IN (:ids)").param("ids", alertIds)
                .update();
        outbox += jdbc.sql("DELETE FROM monitoring_digest_item WHERE alert_id IN (:ids)").param("ids", alertIds)
                .update();
        jdbc.sql("DELETE FROM monitoring_alert WHERE id IN (:ids)").param("ids", alertIds).update();
        return outbox;
    }

    @EventListener
    void on(IncidentErased event) {
        List<String> raised = jdbc.sql("SELECT id FROM monitoring_alert WHERE item_type = :t AND item_id = :i")
                .param("t", Incidents.INFORMATION_TYPE).param("i", event.incidentId()).query(String.class).list();
        if (raised.isEmpty()) {
            return;
        }
        remove(raised);
        audit.record(AuditRecord.of(AuditAction.ERASURE, event.erasedBy(), event.organisationId(),
                Alerts.INFORMATION_TYPE, raised).withPurpose("retention")
                .withDetails(Map.of("reason", "the incident alerted on was erased", "incident", event.incidentId())));
    }

    @Override
    public List<ExpiredItem> expired(Instant cutoff, String afterId, int limit) {
        return jdbc.sql("""
                SELECT a.id, w.owner_organisation_id FROM monitoring_alert a
                JOIN monitoring_watch w ON w.id = a.watch_id WHERE a.raised_at < :cutoff AND a.state IN ('ACTIONED', 'CLOSED') AND a.id > :after
                ORDER BY a.id LIMIT :n""")
                .param("cutoff", Timestamp.from(cutoff)).param("after", afterId == null ? "" : afterId)
                .param("n", limit).query((rs, n) -> new ExpiredItem(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public java.util.Optional<String> holder(String id) {
        return jdbc.sql("SELECT w.owner_organisation_id FROM monitoring_alert a"
                        + " JOIN monitoring_watch w ON w.id = a.watch_id WHERE a.id = :id").param("id", id)
                .query(String.class).optional();
    }
}
