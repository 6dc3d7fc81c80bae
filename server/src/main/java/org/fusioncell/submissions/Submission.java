package org.fusioncell.submissions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A submission as its reader may see it. For the cell it was sent to: everything but the submitter's identity
 * ({@code contributorOrganisationId} only when not anonymous); for its contributor: their text and its status, not
 * the cell's reason nor the report made of it (those fields are null).
 */
public record Submission(String id, String cellOrganisationId, Kind kind, String language, String text,
                         String place, LocalDate observedOn, boolean anonymous, String contributorOrganisationId,
                         boolean identityGiven, Attachment attachment, Status status, String statusReason,
                         String reportId, Instant createdAt, Instant updatedAt) {

    public enum Kind { COMMUNITY_CONCERN, RECRUITMENT_ATTEMPT, HATE_SPEECH_TREND, OTHER }

    public enum Status { NEW, IN_REVIEW, TURNED_INTO_REPORT, NO_ACTION }

    /** A file sent with the submission, stored by its SHA-256; the type is detected from the content. */
    public record Attachment(String sha256, long size, String mediaType) {
    }

    /** The submitter as they gave themselves: shown only to the designated role, each reveal audited. */
    public record Identity(String name, String contact, String contributorUserId) {
    }
}
