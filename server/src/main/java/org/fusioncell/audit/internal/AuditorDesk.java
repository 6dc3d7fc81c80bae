package org.fusioncell.audit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditQuery;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.audit.AuditRecords;
import org.fusioncell.audit.AuditVerification;
import org.fusioncell.audit.LoggedAuditRecord;
import org.fusioncell.audit.VerificationResult;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an auditor does with the log; reading it is itself recorded (CONSULTATION of the
 * {@value #OBJECT_TYPE}), with the filters used (ids only) so oversight can see who looked for whom.
 */
@Service
public class AuditorDesk {

    public static final String OBJECT_TYPE = "audit-log";

    private final AuditRecords records;
    private final AuditVerification verification;
    private final AuditLog log;

    AuditorDesk(AuditRecords records, AuditVerification verification, AuditLog log) {
        this.records = records;
        this.verification = verification;
        this.log = log;
    }

    @Transactional
    public Page<LoggedAuditRecord> search(String auditorId, String organisationId, AuditQuery q, PageRequest page) {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "actor", q.actorUserId());
        put(details, "organisation", q.organisationId());
        put(details, "action", q.action() == null ? null : q.action().name());
        put(details, "objectType", q.objectType());
        put(details, "objectId", q.objectId());
        put(details, "from", q.from() == null ? null : q.from().toString());
        put(details, "to", q.to() == null ? null : q.to().toString());
        details.put("page", String.valueOf(page.page()));
        log.record(new AuditRecord(AuditAction.CONSULTATION, auditorId, organisationId, OBJECT_TYPE, List.of(),
                "audit", null, "OK", details));
        return records.search(q, page);
    }

    /** Verifies first, then records the verification and its verdict in a transaction of its own. */
    public VerificationResult verify(String auditorId, String organisationId) {
        VerificationResult result = verification.verify();
        log.record(new AuditRecord(AuditAction.CONSULTATION, auditorId, organisationId, OBJECT_TYPE, List.of(),
                "audit", null, result instanceof VerificationResult.Intact ? "INTACT" : "BROKEN",
                Map.of("operation", "verify")));
        return result;
    }

    private static void put(Map<String, String> details, String key, String value) {
        if (value != null && !value.isBlank()) {
            details.put(key, value);
        }
    }
}
