package org.fusioncell.screening;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A hit side by side: the screened person, the listed entry as it was when found (an entry's content
 * never changes under its id), whether that content is still the listed one, the explanation, and
 * every review step so far.
 */
public record HitDetail(Hit hit, ScreenedSubject subject, WatchlistEntry entry, boolean entryCurrent,
                        Explanation explanation, List<ReviewStep> reviews) {

    public HitDetail {
        reviews = List.copyOf(reviews);
    }

    /** @param userId null for the system's own step (a remembered false positive) */
    public record ReviewStep(Step step, @Nullable String userId, String reason, Instant at) {
        public enum Step { CONFIRMATION_PROPOSED, CONFIRMED, DISMISSED, ESCALATED, REMEMBERED_FALSE_POSITIVE }
    }
}
