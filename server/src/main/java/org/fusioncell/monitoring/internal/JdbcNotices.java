package org.fusioncell.monitoring.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.Alerts;
import org.fusioncell.monitoring.Notices;
import org.fusioncell.monitoring.delivery.AlertDelivery;
import org.fusioncell.monitoring.delivery.AlertNotice;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notices are stored as alerts (one per recipient, source, kind and item) and delivered like them. */
@Service
class JdbcNotices implements Notices {

    private final JdbcClient jdbc;
    private final Readers readers;
    private final AlertDelivery delivery;
    private final AuditLog audit;
    private final Clock clock;

    JdbcNotices(JdbcClient jdbc, Readers readers, AlertDelivery delivery, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.readers = readers;
        this.delivery = delivery;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean tell(String recipientUserId, Notice notice) {
        try {
            readers.forUser(recipientUserId, "notice");
        } catch (RuntimeException gone) {
            return false; // a removed or deactivated user receives nothing
        }
        String id = Ids.newId();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        int added = jdbc.sql("""
                INSERT INTO monitoring_alert (id, watch_id, watch_name, recipient_user_id, item_type, item_id,
                    item_marking_id, item_organisation_id, disclosure, headline, summary, holder_organisation_id,
                    level, severity, state, raised_at, occurrences, last_matched_at)
                VALUES (:id, :source, :sourceName, :user, :kind, :item, NULL, :org, 'FULL', :headline, :summary, :org,
                    NULL, :severity, 'NEW', :now, 1, :now)
                ON CONFLICT DO NOTHING""")
                .param("id", id).param("source", notice.sourceId()).param("sourceName", cut(notice.sourceName(), 200))
                .param("user", recipientUserId).param("kind", notice.kind()).param("item", notice.itemId())
                .param("org", notice.organisationId()).param("headline", cut(notice.headline(), 500))
                .param("summary", cut(notice.summary(), 2000)).param("severity", notice.severity().name())
                .param("now", Timestamp.from(now)).update();
        if (added == 0) {
            return false;
        }
        audit.record(AuditRecord.of(AuditAction.DISCLOSURE, AlertRaising.PROCESSING_ACTOR, notice.organisationId(),
                Alerts.INFORMATION_TYPE, List.of(id)).withDetails(Map.of("kind", notice.kind(),
                "item", notice.itemId(), "recipient", recipientUserId)));
        delivery.schedule(new AlertNotice(id, recipientUserId, notice.sourceId(), notice.sourceName(),
                notice.severity().name(), cut(notice.headline(), 500), notice.summary(), notice.link(), now));
        return true;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
