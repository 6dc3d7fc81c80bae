package org.fusioncell.screening;

/** Where a hit stands in its review. */
public enum HitState {
    /** Waiting for review, possibly with a confirmation proposed by one reviewer. */
    PENDING,
    /** A match, confirmed by the configured number of distinct reviewers (four eyes by default). */
    CONFIRMED,
    /** A false positive; remembered, so the same person is not flagged again for the same entry. */
    DISMISSED,
    /** Referred upwards for a decision; it may still be confirmed or dismissed. */
    ESCALATED
}
