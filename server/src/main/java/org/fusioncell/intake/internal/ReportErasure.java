package org.fusioncell.intake.internal;

import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.intake.ReportErased;
import org.fusioncell.intake.Reports;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.ErasureReason;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Erasure of a report by its originating organisation, in one transaction: {@link ReportErased} first (other
 * modules remove their rows for the report in synchronous listeners), then tags, attachment references,
 * versions and the report itself. Attachment files are shared by content hash: a file is removed only after
 * commit, and only when no attachment row of any report still names its hash.
 */
@Component
class ReportErasure {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AttachmentStore store;

    ReportErasure(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, AttachmentStore store) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.store = store;
    }

    @Transactional
    boolean erase(Reader actor, String reportId, String reason) {
        String why = ErasureReason.checked(reason);
        if (!Ids.isWellFormed(reportId)) {
            return false;
        }
        // the lock makes a concurrent revision or second erasure wait for this one
        List<String> owner = jdbc.sql("SELECT originating_organisation_id FROM intake_report WHERE id = :id FOR UPDATE")
                .param("id", reportId).query(String.class).list();
        if (owner.isEmpty()) {
            return false;
        }
        AuditRecord base = AuditRecord.of(AuditAction.ERASURE, actor.userId(), actor.organisationId(),
                Reports.INFORMATION_TYPE, List.of(reportId)).withPurpose(actor.purpose());
        if (!owner.getFirst().equals(actor.organisationId())) {
            audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, actor.userId(), actor.organisationId(),
                    Reports.INFORMATION_TYPE, List.of(reportId)).withPurpose(actor.purpose()).withOutcome("REFUSED")
                    .withDetails(Map.of("attempted", "erasure", "reason", "not the originating organisation")));
            return false;
        }
        events.publishEvent(new ReportErased(reportId, actor.organisationId(), actor.userId(), why));
        List<String> hashes = jdbc.sql("SELECT DISTINCT sha256 FROM intake_attachment WHERE report_id = :id")
                .param("id", reportId).query(String.class).list();
        int attachments = jdbc.sql("DELETE FROM intake_attachment WHERE report_id = :id").param("id", reportId).update();
        jdbc.sql("DELETE FROM intake_report_tag WHERE report_id = :id").param("id", reportId).update();
        int versions = jdbc.sql("DELETE FROM intake_report_version WHERE report_id = :id").param("id", reportId).update();
        jdbc.sql("DELETE FROM intake_report WHERE id = :id").param("id", reportId).update();
        if (!hashes.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    removeUnreferenced(hashes);
                }
            });
        }
        audit.record(base.withDetails(Map.of("reason", why, "versions", String.valueOf(versions),
                "attachments", String.valueOf(attachments))));
        return true;
    }

    /** Files whose hash no attachment row names any more (another report may hold the same content). */
    private void removeUnreferenced(List<String> hashes) {
        List<String> held = jdbc.sql("SELECT DISTINCT sha256 FROM intake_attachment WHERE sha256 IN (:h)")
                .param("h", hashes).query(String.class).list();
        hashes.stream().filter(h -> !held.contains(h)).forEach(store::remove);
    }
}
