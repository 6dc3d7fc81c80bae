package org.fusioncell.exchange.rfi.internal;

import java.time.Clock;
import java.time.Instant;
import org.fusioncell.exchange.rfi.RequestsForInformation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates overdue requests every {@code fusioncell.exchange.rfi.escalation-check} (default one minute). Each
 * addressee row is claimed in the database before anybody is told, so several nodes may run this at once.
 */
@Component
class OverdueSweep {

    private final RequestsForInformation requests;
    private final Clock clock;

    OverdueSweep(RequestsForInformation requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fusioncell.exchange.rfi.escalation-check:PT1M}",
            initialDelayString = "${fusioncell.exchange.rfi.escalation-check:PT1M}")
    void sweep() {
        requests.escalateOverdue(Instant.now(clock));
    }
}
