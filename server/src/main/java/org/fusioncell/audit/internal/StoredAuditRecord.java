package org.fusioncell.audit.internal;

import java.time.Instant;

/** A row of {@code audit_record} as written, the unit the chain hashes. */
record StoredAuditRecord(long seq, String id, Instant occurredAt, String action, String actorUserId,
                         String actorOrganisationId, String objectType, String objectIds, String purpose,
                         String justification, String outcome, String details, String prevHash, String hash) {
}
