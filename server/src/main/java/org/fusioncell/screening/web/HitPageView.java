package org.fusioncell.screening.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.screening.Hit;
import org.fusioncell.screening.HitFacts;
import org.fusioncell.screening.HitState;
import org.jspecify.annotations.Nullable;

/**
 * A hit flattened for the templates, whatever its state: the proposal waiting for a second reviewer,
 * the decision and who made it, whether it was a remembered false positive, what may still be done.
 *
 * @param decidedBy empty for a remembered false positive (the system dismissed it on recording)
 */
public record HitPageView(HitFacts facts, HitState state, List<String> proposedBy, @Nullable Instant proposedAt,
                   @Nullable String proposalReason, List<String> decidedBy, @Nullable Instant decidedAt,
                   @Nullable String decisionReason, boolean remembered) {

    static HitPageView of(Hit hit) {
        return switch (hit) {
            case Hit.PendingHit p -> pending(p.facts(), HitState.PENDING, p.proposal(), List.of(), null, null);
            case Hit.EscalatedHit e -> pending(e.facts(), HitState.ESCALATED, e.proposal(), List.of(e.escalatedBy()),
                    e.escalatedAt(), e.reason());
            case Hit.ConfirmedMatch c -> new HitPageView(c.facts(), HitState.CONFIRMED, List.of(), null, null,
                    c.confirmedBy(), c.confirmedAt(), c.reason(), false);
            case Hit.DismissedMatch d -> new HitPageView(d.facts(), HitState.DISMISSED, List.of(), null, null,
                    d.dismissedBy() == null ? List.of() : List.of(d.dismissedBy()), d.dismissedAt(), d.reason(),
                    d.remembered());
        };
    }

    private static HitPageView pending(HitFacts facts, HitState state, Hit.@Nullable Proposal proposal,
                                       List<String> by, @Nullable Instant at, @Nullable String reason) {
        return new HitPageView(facts, state, proposal == null ? List.of() : proposal.proposedBy(),
                proposal == null ? null : proposal.proposedAt(), proposal == null ? null : proposal.reason(), by, at,
                reason, false);
    }

    /** A pending or escalated hit may still be reviewed. */
    public boolean open() {
        return state == HitState.PENDING || state == HitState.ESCALATED;
    }

    public boolean proposed() {
        return !proposedBy.isEmpty();
    }

    /** Every user this view names, to look their display names up. */
    public List<String> users() {
        List<String> out = new ArrayList<>(proposedBy);
        out.addAll(decidedBy);
        return out;
    }
}
