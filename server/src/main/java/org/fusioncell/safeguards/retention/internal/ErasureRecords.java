package org.fusioncell.safeguards.retention.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.fusioncell.cases.CaseErased;
import org.fusioncell.entities.EntityErased;
import org.fusioncell.exchange.RfiErased;
import org.fusioncell.intake.ReportErased;
import org.fusioncell.intake.Reports;
import org.fusioncell.monitoring.incidents.IncidentErased;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The record of erasures by cause, for the oversight report: the purge and the review write theirs in the
 * erasure's own transaction; any other erasure (the originator's, a revocation) arrives after commit as the
 * module's event and is recorded as MANUAL unless already recorded. An erased item's open review is closed.
 */
@Component
class ErasureRecords {

    enum Cause { EXPIRY, REVIEW, MANUAL }

    private final JdbcClient jdbc;
    private final Clock clock;

    ErasureRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String itemType, String itemId, String organisationId, Cause cause, String runId, String erasedBy) {
        // an item is erased once (the erasure locks its row), so checking first is enough; a failed insert would
        // abort the erasure's whole transaction on PostgreSQL
        boolean known = jdbc.sql("SELECT COUNT(*) FROM retention_erasure WHERE item_type = :type AND item_id = :item")
                .param("type", itemType).param("item", itemId).query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("INSERT INTO retention_erasure (item_type, item_id, organisation_id, cause, run_id, erased_by,"
                            + " erased_at) VALUES (:type, :item, :org, :cause, :run, :by, :at)")
                    .param("type", itemType).param("item", itemId).param("org", organisationId)
                    .param("cause", cause.name()).param("run", runId).param("by", erasedBy)
                    .param("at", Timestamp.from(Instant.now(clock))).update();
        }
        jdbc.sql("UPDATE retention_review SET outcome = 'GONE', decided_at = :at WHERE item_type = :type"
                        + " AND item_id = :item AND outcome IS NULL").param("at", Timestamp.from(Instant.now(clock)))
                .param("type", itemType).param("item", itemId).update();
    }

    @ApplicationModuleListener
    void on(ReportErased event) {
        record(Reports.INFORMATION_TYPE, event.reportId(), event.organisationId(), Cause.MANUAL, null, event.erasedBy());
    }

    @ApplicationModuleListener
    void on(EntityErased event) {
        record("entity", event.entityId(), event.organisationId(), Cause.MANUAL, null, null);
    }

    @ApplicationModuleListener
    void on(IncidentErased event) {
        record("incident", event.incidentId(), event.organisationId(), Cause.MANUAL, null, event.erasedBy());
    }

    @ApplicationModuleListener
    void on(CaseErased event) {
        record("case", event.caseId(), event.organisationId(), Cause.MANUAL, null, event.erasedBy());
    }

    @ApplicationModuleListener
    void on(RfiErased event) {
        record("request-for-information", event.rfiId(), event.organisationId(), Cause.MANUAL, null,
                event.erasedBy());
    }
}
