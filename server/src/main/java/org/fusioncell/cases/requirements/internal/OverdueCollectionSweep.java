package org.fusioncell.cases.requirements.internal;

import java.time.Clock;
import java.time.Instant;
import org.fusioncell.cases.requirements.Requirements;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates overdue collection tasks every {@code fusioncell.requirements.escalation-check} (default one minute).
 * Each task is claimed in the database before anybody is told, so several nodes may run this at once.
 */
@Component
class OverdueCollectionSweep {

    private final Requirements requirements;
    private final Clock clock;

    OverdueCollectionSweep(Requirements requirements, Clock clock) {
        this.requirements = requirements;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fusioncell.requirements.escalation-check:PT1M}",
            initialDelayString = "${fusioncell.requirements.escalation-check:PT1M}")
    void sweep() {
        requirements.escalateOverdue(Instant.now(clock));
    }
}
