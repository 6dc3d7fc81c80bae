package org.fusioncell.cases;

import java.time.Instant;
import java.util.List;
import org.fusioncell.access.Marking;

/**
 * A case as one reader sees it. {@code marking} is the case's marking as in force (the participants'
 * organisations kept in its releasability). Items, tasks and the timeline are read separately.
 */
public record CaseFile(String id, String title, String summary, CaseKind kind, CaseStatus status,
                       String statusReason, String language, String leadOrganisationId, List<Participant> participants,
                       Marking marking, int version, String createdByUserId, Instant createdAt, Instant updatedAt) {

    public record Participant(String organisationId, String addedByUserId, Instant addedAt) {
    }

    public boolean ledBy(String organisationId) {
        return leadOrganisationId.equals(organisationId);
    }
}
