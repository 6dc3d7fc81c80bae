package org.fusioncell.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A record as stored, for auditors. {@code action} is text, not {@link AuditAction}: a tampered
 * row must still be shown as it is.
 */
public record LoggedAuditRecord(long seq, String id, Instant occurredAt, String action, String actorUserId,
                                String actorOrganisationId, String objectType, List<String> objectIds,
                                String purpose, String justification, String outcome, Map<String, String> details,
                                String hash) {
}
