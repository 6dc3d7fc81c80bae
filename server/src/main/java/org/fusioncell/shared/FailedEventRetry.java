package org.fusioncell.shared;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again, every {@code fusioncell.events.retry-interval}, the event listeners that failed — a lock that timed
 * out under load, a database that was briefly away — instead of leaving their effect (indexing, extraction, watch
 * evaluation, publication…) undone until the next restart. Each failed publication is tried at most
 * {@code fusioncell.events.max-attempts} times; listeners are idempotent (the restart republication already
 * relies on it), so a retry never doubles an effect.
 */
@Component
class FailedEventRetry {

    private static final Logger log = LoggerFactory.getLogger(FailedEventRetry.class);

    private final ObjectProvider<FailedEventPublications> failed;
    private final int maxAttempts;

    FailedEventRetry(ObjectProvider<FailedEventPublications> failed,
                     @Value("${fusioncell.events.max-attempts:10}") int maxAttempts) {
        this.failed = failed;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${fusioncell.events.retry-interval:30s}",
            initialDelayString = "${fusioncell.events.retry-interval:30s}")
    void retry() {
        FailedEventPublications publications = failed.getIfAvailable();
        if (publications == null) {
            return;
        }
        try {
            publications.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ofSeconds(5)).withMaxInFlight(2)
                    .withBatchSize(100).withFilter(p -> p.getCompletionAttempts() < maxAttempts));
        } catch (RuntimeException e) {
            log.warn("Failed event publications could not be resubmitted: {}", e.toString());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }
}
