package org.fusioncell.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry to write. Never put report text, names or identifiers of people in it: object ids,
 * counts, marking levels and reasons only. {@code actorUserId} is null for unauthenticated events
 * (failed logins record the attempted account id only when it exists).
 */
public record AuditRecord(AuditAction action, String actorUserId, String actorOrganisationId,
                          String objectType, List<String> objectIds, String purpose, String justification,
                          String outcome, Map<String, String> details) {

    public AuditRecord {
        Objects.requireNonNull(action, "action");
        objectIds = objectIds == null ? List.of() : List.copyOf(objectIds);
        details = details == null ? Map.of() : Map.copyOf(details);
        outcome = outcome == null ? "OK" : outcome;
    }

    public static AuditRecord of(AuditAction action, String actorUserId, String actorOrganisationId,
                                 String objectType, List<String> objectIds) {
        return new AuditRecord(action, actorUserId, actorOrganisationId, objectType, objectIds, null, null, "OK",
                Map.of());
    }

    public AuditRecord withPurpose(String value) {
        return new AuditRecord(action, actorUserId, actorOrganisationId, objectType, objectIds, value, justification,
                outcome, details);
    }

    public AuditRecord withJustification(String value) {
        return new AuditRecord(action, actorUserId, actorOrganisationId, objectType, objectIds, purpose, value,
                outcome, details);
    }

    public AuditRecord withOutcome(String value) {
        return new AuditRecord(action, actorUserId, actorOrganisationId, objectType, objectIds, purpose, justification,
                value, details);
    }

    public AuditRecord withDetails(Map<String, String> value) {
        return new AuditRecord(action, actorUserId, actorOrganisationId, objectType, objectIds, purpose, justification,
                outcome, value);
    }
}
