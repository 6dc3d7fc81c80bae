package org.fusioncell.referrals.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.referrals.AppealOutcome;
import org.fusioncell.referrals.Appellant;
import org.fusioncell.referrals.OnlineContent;
import org.fusioncell.referrals.Outcome;
import org.fusioncell.referrals.Referral;
import org.fusioncell.referrals.ReferralState;

/** What the API answers: the content with its marking as a view, referrals with their time to action in seconds. */
final class ReferralViews {

    private ReferralViews() {
    }

    record ContentView(String id, String url, String platformOrganisationId, String account, String language,
                       String capturedText, Instant capturedAt, MarkingView marking, String ownerOrganisationId,
                       String createdBy, Instant createdAt, OnlineContent.Assessment assessment,
                       List<OnlineContent.ContentFile> files, List<ReferralView> referrals) {
    }

    record ReferralView(String id, String contentId, String platformOrganisationId, String ownerOrganisationId,
                        String category, String basis, ReferralState state, String referredBy, Instant referredAt,
                        Instant acknowledgedAt, Outcome outcome, String outcomeNote, Instant outcomeAt,
                        Long timeToActionSeconds, Appellant appellant, String appealReason, Instant appealedAt,
                        AppealOutcome appealOutcome, String appealDecisionReason, String appealDecidedBy,
                        Instant appealDecidedAt, Instant remindedAt, int reminders, Instant recheckedAt,
                        Boolean stillOnline, int version, List<Referral.Step> steps) {
    }

    static ContentView content(OnlineContent c, List<Referral> referrals, ClassificationScheme scheme) {
        return new ContentView(c.id(), c.url(), c.platformOrganisationId(), c.account(), c.language(),
                c.capturedText(), c.capturedAt(), MarkingView.of(c.marking(), scheme), c.ownerOrganisationId(),
                c.createdBy(), c.createdAt(), c.assessment(), c.files(),
                referrals.stream().map(ReferralViews::referral).toList());
    }

    static ReferralView referral(Referral r) {
        Duration t = r.timeToAction();
        return new ReferralView(r.id(), r.contentId(), r.platformOrganisationId(), r.ownerOrganisationId(),
                r.category(), r.basis(), r.state(), r.referredBy(), r.referredAt(), r.acknowledgedAt(), r.outcome(),
                r.outcomeNote(), r.outcomeAt(), t == null ? null : t.toSeconds(), r.appellant(), r.appealReason(),
                r.appealedAt(), r.appealOutcome(), r.appealDecisionReason(), r.appealDecidedBy(),
                r.appealDecidedAt(), r.remindedAt(), r.reminders(), r.recheckedAt(), r.stillOnline(), r.version(),
                r.steps());
    }
}
