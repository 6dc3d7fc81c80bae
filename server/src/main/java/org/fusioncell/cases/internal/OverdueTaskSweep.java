package org.fusioncell.cases.internal;

import java.time.Clock;
import java.time.Instant;
import org.fusioncell.cases.Cases;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates overdue case tasks every {@code fusioncell.cases.escalation-check} (default one minute). Each task
 * is claimed in the database before anybody is told, so several nodes may run this at once.
 */
@Component
class OverdueTaskSweep {

    private final Cases cases;
    private final Clock clock;

    OverdueTaskSweep(Cases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fusioncell.cases.escalation-check:PT1M}",
            initialDelayString = "${fusioncell.cases.escalation-check:PT1M}")
    void sweep() {
        cases.escalateOverdue(Instant.now(clock));
    }
}
