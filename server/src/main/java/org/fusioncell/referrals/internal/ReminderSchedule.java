package org.fusioncell.referrals.internal;

import java.time.Clock;
import java.time.Instant;
import org.fusioncell.referrals.Referrals;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reminders every {@code fusioncell.referrals.reminder-check} (default fifteen minutes). Every node fires;
 * each referral is claimed in the database before anybody is told, so it is reminded once per cluster.
 */
@Component
class ReminderSchedule {

    private final Referrals referrals;
    private final Clock clock;

    ReminderSchedule(Referrals referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fusioncell.referrals.reminder-check:PT15M}",
            initialDelayString = "${fusioncell.referrals.reminder-check:PT15M}")
    void sweep() {
        referrals.remind(Instant.now(clock));
    }
}
