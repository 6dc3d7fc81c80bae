package org.fusioncell.cases.response;

import java.time.Instant;

/**
 * A line for the press. It counts as released only once a supervisor of the lead organisation other than its
 * drafter approves it (four eyes); {@code decidedAt} is then its release time.
 */
public record PressLine(String id, String caseId, String language, String text, Status status, String draftedByUserId,
                        String draftedByOrganisationId, Instant draftedAt, String decidedByUserId, Instant decidedAt,
                        String reason) {

    public enum Status {
        DRAFT,
        RELEASED,
        REJECTED
    }
}
