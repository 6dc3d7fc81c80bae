package org.fusioncell.screening.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.fusioncell.screening.Depersonalisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Depersonalises runs older than {@code fusioncell.screening.depersonalise-after} (default six months) every
 * {@code fusioncell.screening.depersonalise-check} (default one hour). Each run is claimed in the database,
 * so several nodes may sweep at once and each run is masked once.
 */
@Component
class DepersonalisationSweep {

    private static final Logger LOG = LoggerFactory.getLogger(DepersonalisationSweep.class);

    private final Depersonalisation depersonalisation;
    private final Clock clock;
    private final Period after;

    DepersonalisationSweep(Depersonalisation depersonalisation, Clock clock,
                           @Value("${fusioncell.screening.depersonalise-after:P6M}") Period after) {
        this.depersonalisation = depersonalisation;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${fusioncell.screening.depersonalise-check:PT1H}",
            initialDelayString = "${fusioncell.screening.depersonalise-check:PT1H}")
    void sweep() {
        Instant cutoff = Instant.now(clock).atZone(ZoneOffset.UTC).minus(after).toInstant();
        Depersonalisation.Depersonalised done = depersonalisation.depersonaliseBefore(cutoff);
        if (done.runs() > 0) {
            LOG.info("depersonalised {} screening runs ({} people) screened before {}", done.runs(), done.subjects(), cutoff);
        }
    }
}
