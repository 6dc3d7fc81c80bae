package org.fusioncell.cases.requirements;

import java.time.Instant;

/** A collection task addressed to one agency (organisation): what to collect, by when, and where it stands. */
public record CollectionTask(String id, String requirementId, String organisationId, String indicators, Instant dueAt,
                             CollectionStatus status, String statusReason, String createdByUserId, Instant createdAt,
                             Instant updatedAt, boolean overdue) {
}
