package org.fusioncell.screening;

import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * The review queue: hits read through the reader's access predicate only (a hit carries the marking of
 * the run it was found in, and is read only while its list is visible too). Every read is audited as
 * consultation, every review step with its reason. A confirmed match publishes {@link ScreeningMatchConfirmed}.
 */
public interface Hits {

    /** {@code state} and {@code runId} are optional filters; newest first. */
    Page<Hit> list(Reader reader, @Nullable HitState state, @Nullable String runId, PageRequest page);

    long count(Reader reader, @Nullable HitState state, @Nullable String runId);

    ScreeningAccess<HitDetail> open(Reader reader, String hitId);

    /**
     * Records a review; {@code reason} is required. A confirmation counts once per reviewer: until the
     * configured number of distinct reviewers have confirmed ({@code fusioncell.screening.confirmations-required},
     * 2 = four eyes) it is a proposal and the hit keeps its state. A dismissal remembers the false positive.
     */
    ReviewOutcome review(Reader reviewer, String hitId, Review review, String reason);
}
