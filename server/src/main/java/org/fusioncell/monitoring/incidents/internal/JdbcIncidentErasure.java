package org.fusioncell.monitoring.incidents.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.monitoring.incidents.IncidentErased;
import org.fusioncell.monitoring.incidents.IncidentErasure;
import org.fusioncell.monitoring.incidents.Incidents;
import org.fusioncell.shared.ErasureReason;
import org.fusioncell.shared.ExpiredItem;
import org.fusioncell.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link IncidentErasure} on {@code monitoring_incident}; the incident has no files and no search document. */
@Service
class JdbcIncidentErasure implements IncidentErasure {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    JdbcIncidentErasure(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional
    public boolean erase(Reader actor, String incidentId, String reason) {
        String why = ErasureReason.checked(reason);
        if (!Ids.isWellFormed(incidentId)) {
            return false;
        }
        // the lock makes a concurrent second erasure wait for this one and then find nothing
        List<String> owner = jdbc.sql("SELECT owner_organisation_id FROM monitoring_incident WHERE id = :id FOR UPDATE")
                .param("id", incidentId).query(String.class).list();
        if (owner.isEmpty()) {
            return false;
        }
        if (!owner.getFirst().equals(actor.organisationId())) {
            audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, actor.userId(), actor.organisationId(),
                    Incidents.INFORMATION_TYPE, List.of(incidentId)).withPurpose(actor.purpose())
                    .withOutcome("REFUSED").withDetails(Map.of("attempted", "erasure",
                            "reason", "not the owning organisation")));
            return false;
        }
        events.publishEvent(new IncidentErased(incidentId, actor.organisationId(), actor.userId(), why));
        jdbc.sql("DELETE FROM monitoring_incident WHERE id = :id").param("id", incidentId).update();
        audit.record(AuditRecord.of(AuditAction.ERASURE, actor.userId(), actor.organisationId(),
                Incidents.INFORMATION_TYPE, List.of(incidentId)).withPurpose(actor.purpose())
                .withDetails(Map.of("reason", why)));
        return true;
    }

    @Override
    public List<ExpiredItem> expired(Instant cutoff, String afterId, int limit) {
        // an incident that lasted is dated by its end; one recorded late (an import of old events) is kept a
        // full period from its recording, so that nothing is erased the day it arrives
        return jdbc.sql("""
                SELECT id, owner_organisation_id FROM monitoring_incident
                WHERE COALESCE(end_date, incident_date) < :day AND recorded_at < :cutoff AND id > :after
                ORDER BY id LIMIT :n""")
                .param("day", Date.valueOf(cutoff.atZone(ZoneOffset.UTC).toLocalDate()))
                .param("cutoff", Timestamp.from(cutoff)).param("after", afterId == null ? "" : afterId)
                .param("n", limit).query((rs, n) -> new ExpiredItem(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public java.util.Optional<String> holder(String id) {
        return jdbc.sql("SELECT owner_organisation_id FROM monitoring_incident WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }
}
