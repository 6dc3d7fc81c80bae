package org.fusioncell.monitoring.delivery.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after the n-th failed attempt, wait between half and all of
 * {@code base · 2^(n-1)}, capped at {@code max}; the jitter spreads the retries of many rows that
 * failed together (a receiver that was down) instead of sending them in one burst.
 */
record Backoff(Duration base, Duration max) {

    Duration after(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long full = Math.min(max.toMillis(), base.toMillis() * (1L << doublings));
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }
}
