package org.fusioncell.screening;

/** What a review did: refusals are values. */
public sealed interface ReviewOutcome {

    /** The hit moved to a new state (confirmed, dismissed, escalated). */
    record Decided(Hit hit) implements ReviewOutcome {
    }

    /** The confirmation is recorded; {@code stillNeeded} more distinct reviewers must confirm. */
    record ConfirmationProposed(Hit hit, int stillNeeded) implements ReviewOutcome {
    }

    /** Four eyes: this reviewer has already confirmed this hit; another reviewer must. Nothing changed. */
    record SameReviewer(Hit hit) implements ReviewOutcome {
    }

    /** The hit is already confirmed or dismissed. Nothing changed. */
    record AlreadyDecided(Hit hit) implements ReviewOutcome {
    }

    /** No such hit, or one the reviewer may not see (the same answer). */
    record Unknown() implements ReviewOutcome {
    }
}
