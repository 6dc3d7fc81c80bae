package org.fusioncell.intake.internal;

import java.io.InputStream;
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
import org.fusioncell.intake.Attachment;
import org.fusioncell.intake.Attachments;
import org.fusioncell.intake.Disclosure;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class JdbcAttachments implements Attachments {

    static final String OBJECT_TYPE = "report-attachment";

    private final JdbcClient jdbc;
    private final AttachmentStore store;
    private final ReportGate gate;
    private final AuditLog audit;
    private final IntakeSettings settings;
    private final Clock clock;

    JdbcAttachments(JdbcClient jdbc, AttachmentStore store, ReportGate gate, AuditLog audit, IntakeSettings settings,
                    Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.gate = gate;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<Attachment> attach(Reader reader, String reportId, String fileName, String declaredType,
                                       InputStream content) {
        if (!gate.mayChange(reader, reportId)) {
            return Optional.empty();
        }
        String name = AttachmentChecks.displayName(fileName);
        AttachmentStore.Staged staged = store.stage(content, settings.maxBytes());
        String mediaType;
        try {
            if (staged.size() == 0) {
                throw new org.fusioncell.shared.InvalidInputException("file", "the file is empty");
            }
            mediaType = AttachmentChecks.mediaType(staged.prefix(), name, declaredType);
        } catch (RuntimeException e) {
            store.discard(staged.temp());
            throw e;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Attachment a = new Attachment(Ids.newId(), reportId, staged.sha256(), staged.size(), mediaType, name,
                reader.userId(), now);
        boolean created = store.commit(staged);
        if (created) {
            // the file is new: if the transaction does not commit, no row will ever point at it
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        store.remove(a.sha256());
                    }
                }
            });
        }
        jdbc.sql("""
                INSERT INTO intake_attachment (id, report_id, sha256, size, media_type, display_name, added_by, added_at)
                VALUES (:id, :report, :sha, :size, :type, :name, :by, :at)""")
                .param("id", a.id()).param("report", reportId).param("sha", a.sha256()).param("size", a.size())
                .param("type", mediaType).param("name", name).param("by", reader.userId())
                .param("at", Timestamp.from(now)).update();
        audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                List.of(a.id())).withPurpose(reader.purpose())
                .withDetails(Map.of("reportId", reportId, "size", String.valueOf(a.size()), "mediaType", mediaType)));
        return Optional.of(a);
    }

    @Override
    @Transactional
    public Disclosure<List<Attachment>> list(Reader reader, String reportId, String why) {
        ReportGate.Passage passage = gate.pass(reader, reportId, why, null);
        if (!passage.granted()) {
            return new Disclosure.Refused<>(passage.refusal());
        }
        List<Attachment> found = jdbc.sql("SELECT * FROM intake_attachment WHERE report_id = :id ORDER BY added_at, id")
                .param("id", reportId).query(JdbcAttachments::row).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                found.stream().map(Attachment::id).toList()).withPurpose(reader.purpose())
                .withJustification(passage.justification()).withDetails(Map.of("reportId", reportId, "view", "list")));
        return new Disclosure.Granted<>(found);
    }

    @Override
    @Transactional
    public Disclosure<Content> open(Reader reader, String reportId, String attachmentId, String why) {
        ReportGate.Passage passage = gate.pass(reader, reportId, why, null);
        if (!passage.granted()) {
            return new Disclosure.Refused<>(passage.refusal());
        }
        List<Attachment> found = !Ids.isWellFormed(attachmentId) ? List.of() : jdbc.sql(
                        "SELECT * FROM intake_attachment WHERE id = :aid AND report_id = :id")
                .param("aid", attachmentId).param("id", reportId).query(JdbcAttachments::row).list();
        if (found.isEmpty()) {
            return new Disclosure.Refused<>(new ReportAccess.Unknown());
        }
        Attachment a = found.getFirst();
        audit.record(AuditRecord.of(AuditAction.DISCLOSURE, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                List.of(a.id())).withPurpose(reader.purpose()).withJustification(passage.justification())
                .withDetails(Map.of("reportId", reportId)));
        return new Disclosure.Granted<>(new Content(a, store.pathOf(a.sha256())));
    }

    private static Attachment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Attachment(rs.getString("id"), rs.getString("report_id"), rs.getString("sha256"), rs.getLong("size"),
                rs.getString("media_type"), rs.getString("display_name"), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant());
    }
}
