package org.fusioncell.referrals;

import org.fusioncell.access.MarkingForm;

/** What clients write; every value is checked by the module, which names the field that is wrong. */
public final class Drafts {

    private Drafts() {
    }

    /** {@code language} blank: detected from the captured text; {@code capturedAt} blank: now. */
    public record ContentDraft(String url, String platformOrganisationId, String account, String language,
                               String capturedText, String capturedAt, MarkingForm marking) {
    }

    /** {@code inScope} false: out of scope (no category); true: {@code category} from the policy. */
    public record AssessmentDraft(Boolean inScope, String category, String listedEntity, String rationale) {
    }

    public record ReferralDraft(String basis) {
    }

    public record OutcomeDraft(String outcome, String note) {
    }

    public record AppealDraft(String appellant, String reason) {
    }

    public record AppealDecisionDraft(String decision, String reason) {
    }

    public record RecheckDraft(Boolean stillOnline, String note) {
    }
}
