package org.fusioncell.referrals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A referral of content to one platform, as the cell sees it (with the steps and their actors). What the platform
 * sees is {@link Disclosed}.
 */
public record Referral(String id, String contentId, String platformOrganisationId, String ownerOrganisationId,
                       String category, String basis, ReferralState state, String referredBy, Instant referredAt,
                       Instant acknowledgedAt, Outcome outcome, String outcomeNote, Instant outcomeAt,
                       Appellant appellant, String appealReason, Instant appealedAt, AppealOutcome appealOutcome,
                       String appealDecisionReason, String appealDecidedBy, Instant appealDecidedAt,
                       Instant remindedAt, int reminders, Instant recheckedAt, Boolean stillOnline, int version,
                       List<Step> steps) {

    /** One state change or note with who took it ({@code processing:…} for the reminder sweep). */
    public record Step(String step, String detail, String actorUserId, String actorOrganisationId, Instant at) {
    }

    /** Referred to outcome; null until the platform reports one. */
    public Duration timeToAction() {
        return outcomeAt == null ? null : Duration.between(referredAt, outcomeAt);
    }

    /**
     * What the referral discloses to the platform: the content's URL, account, captured text and capture time, the
     * category and the basis, and the life of the referral — not the cell's assessment rationale, the marking, the
     * files or who in the cell did what.
     */
    public record Disclosed(String id, String url, String account, String capturedText, Instant capturedAt,
                            String category, String basis, ReferralState state, Instant referredAt,
                            Instant acknowledgedAt, Outcome outcome, String outcomeNote, Instant outcomeAt,
                            Appellant appellant, String appealReason, Instant appealedAt, AppealOutcome appealOutcome,
                            String appealDecisionReason, Instant appealDecidedAt, int version) {
    }
}
