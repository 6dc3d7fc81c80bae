package org.fusioncell.cases.requirements;

import java.time.Instant;
import org.fusioncell.access.Marking;
import org.fusioncell.cases.TaskPriority;

/** A requirement as one reader sees it; {@code marking} is the marking in force (tasked agencies released). */
public record Requirement(String id, String code, String title, String question, TaskPriority priority,
                          String ownerOrganisationId, Instant validFrom, Instant validUntil, RequirementStatus status,
                          String statusReason, Marking marking, int version, String createdByUserId,
                          Instant createdAt, Instant updatedAt) {

    public boolean ownedBy(String organisationId) {
        return ownerOrganisationId.equals(organisationId);
    }
}
