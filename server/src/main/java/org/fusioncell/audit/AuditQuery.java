package org.fusioncell.audit;

import java.time.Instant;

/** The auditor's filters; every one optional. {@code from} is inclusive, {@code to} exclusive. */
public record AuditQuery(String actorUserId, String organisationId, AuditAction action, String objectType,
                         String objectId, Instant from, Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null);
}
