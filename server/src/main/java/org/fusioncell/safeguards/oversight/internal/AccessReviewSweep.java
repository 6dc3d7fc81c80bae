package org.fusioncell.safeguards.oversight.internal;

import org.fusioncell.safeguards.oversight.AccessReview;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the access-pattern review every {@code fusioncell.safeguards.access-review.interval}. The pass locks the
 * checkpoint row, so several nodes may run this at once and each record is still read once.
 */
@Component
class AccessReviewSweep {

    private final AccessReview review;
    private final AccessReviewSettings settings;

    AccessReviewSweep(AccessReview review, AccessReviewSettings settings) {
        this.review = review;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${fusioncell.safeguards.access-review.interval:PT15M}",
            initialDelayString = "${fusioncell.safeguards.access-review.interval:PT15M}")
    void sweep() {
        if (settings.enabled()) {
            review.review();
        }
    }
}
