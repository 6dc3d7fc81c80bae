package org.fusioncell.monitoring.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Markings;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.Alerts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts left new past their watch's escalation delay go to the supervisors of the watch owner's
 * organisation, each again cut to what that supervisor may know. An alert escalates once; its
 * acknowledgement (or any later state) stops it.
 */
@Component
class Escalation {

    private final JdbcClient jdbc;
    private final JdbcWatches watches;
    private final AlertRaising raising;
    private final Colleagues colleagues;
    private final Markings markings;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Escalation(JdbcClient jdbc, JdbcWatches watches, AlertRaising raising, Colleagues colleagues, Markings markings,
               AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.watches = watches;
        this.raising = raising;
        this.colleagues = colleagues;
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
    }

    private record Due(String alertId, String watchId, String itemType, String itemId, String markingId, String itemOrg,
                       String headline, String summary) {
    }

    @Scheduled(fixedDelayString = "${fusioncell.monitoring.escalation-check:PT30S}")
    void escalateDue() {
        List<Due> due = jdbc.sql("""
                SELECT id, watch_id, item_type, item_id, item_marking_id, item_organisation_id, headline, summary
                FROM monitoring_alert WHERE escalate_at IS NOT NULL AND escalate_at <= :now AND state = 'NEW'
                ORDER BY escalate_at LIMIT 200""")
                .param("now", Timestamp.from(Instant.now(clock)))
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).list();
        due.forEach(d -> transaction.executeWithoutResult(status -> escalate(d)));
    }

    private void escalate(Due due) {
        // claim it first: another node (or a later run) must not escalate the same alert again
        int claimed = jdbc.sql("UPDATE monitoring_alert SET escalate_at = NULL WHERE id = :id AND escalate_at IS NOT NULL")
                .param("id", due.alertId()).update();
        if (claimed == 0) {
            return;
        }
        watches.find(due.watchId()).ifPresent(watch -> {
            WatchedItem item = new WatchedItem(due.itemType(), due.itemId(),
                    due.markingId() == null ? null : markings.find(due.markingId()).orElseThrow(), due.itemOrg(),
                    due.headline(), null, null, null, null, List.of(), null, null, null, null, null, null);
            WatchMatch match = new WatchMatch(watch, due.summary() == null ? "escalated" : "escalated: " + due.summary());
            List<String> raised = colleagues.members(watch.ownerOrganisationId(), Role.SUPERVISOR).stream()
                    .map(u -> raising.raiseFor(u, item, due.markingId(), match, due.alertId()))
                    .flatMap(java.util.Optional::stream).toList();
            audit.record(AuditRecord.of(AuditAction.DISCLOSURE, AlertRaising.PROCESSING_ACTOR, watch.ownerOrganisationId(),
                    Alerts.INFORMATION_TYPE, raised.isEmpty() ? List.of(due.alertId()) : raised)
                    .withDetails(Map.of("escalated", due.alertId())));
        });
    }
}
