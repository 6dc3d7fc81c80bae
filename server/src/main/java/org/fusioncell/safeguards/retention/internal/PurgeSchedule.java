package org.fusioncell.safeguards.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.fusioncell.safeguards.retention.HoldingReviews;
import org.fusioncell.safeguards.retention.RetentionPurge;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the purge, then opens the reviews that have come due, on {@code fusioncell.safeguards.retention.schedule}
 * (a cron expression; default every night at 02:30 server time; "-" turns it off). Every node fires; the run key
 * (the minute it fired) lets one of them run the purge, and each review is claimed before anybody is told.
 */
@Component
class PurgeSchedule {

    private final RetentionPurge purge;
    private final HoldingReviews reviews;
    private final Clock clock;

    PurgeSchedule(RetentionPurge purge, HoldingReviews reviews, Clock clock) {
        this.purge = purge;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Scheduled(cron = "${fusioncell.safeguards.retention.schedule:0 30 2 * * *}")
    void nightly() {
        Instant now = Instant.now(clock);
        purge.run(now, "scheduled:" + now.truncatedTo(ChronoUnit.MINUTES), PurgeJob.ACTOR, null);
        reviews.sweep(now);
    }
}
