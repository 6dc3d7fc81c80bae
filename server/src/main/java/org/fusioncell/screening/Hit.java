package org.fusioncell.screening;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A hit in one of its review states; a state is a type, so each carries what that state means. */
public sealed interface Hit {

    HitFacts facts();

    HitState state();

    /** A reviewer's confirmation that waits for another, distinct reviewer's (four eyes). */
    record Proposal(List<String> proposedBy, Instant proposedAt, String reason) {
        public Proposal {
            proposedBy = List.copyOf(proposedBy);
        }
    }

    record PendingHit(HitFacts facts, @Nullable Proposal proposal) implements Hit {
        @Override
        public HitState state() {
            return HitState.PENDING;
        }
    }

    /** @param confirmedBy every reviewer whose confirmation counted, first proposer first */
    record ConfirmedMatch(HitFacts facts, List<String> confirmedBy, Instant confirmedAt, String reason) implements Hit {
        public ConfirmedMatch {
            confirmedBy = List.copyOf(confirmedBy);
        }

        @Override
        public HitState state() {
            return HitState.CONFIRMED;
        }
    }

    /**
     * @param dismissedBy null when the hit was dismissed on recording, as a remembered false positive
     * @param remembered  true for such a hit: the same person was dismissed before for the same entry content
     */
    record DismissedMatch(HitFacts facts, @Nullable String dismissedBy, Instant dismissedAt, String reason,
                          boolean remembered) implements Hit {
        @Override
        public HitState state() {
            return HitState.DISMISSED;
        }
    }

    record EscalatedHit(HitFacts facts, String escalatedBy, Instant escalatedAt, String reason,
                        @Nullable Proposal proposal) implements Hit {
        @Override
        public HitState state() {
            return HitState.ESCALATED;
        }
    }
}
