package org.fusioncell.submissions.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code fusioncell.submissions.public-per-hour} (20) public submissions per client address in any hour,
 * in memory (a restart forgets; several nodes count apart). The code base had no rate limiter to reuse. Addresses
 * are kept only as long as their window, and never logged.
 */
@Component
class PublicSubmissionLimit {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_ADDRESSES = 100_000;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int perHour;
    private final Clock clock;

    PublicSubmissionLimit(@Value("${fusioncell.submissions.public-per-hour:20}") int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Counts one submission from {@code address}; false (and not counted) when its hour is full. */
    boolean admit(String address) {
        Instant now = clock.instant();
        if (recent.size() > MAX_ADDRESSES) {
            forgetOlderThan(now.minus(WINDOW));
        }
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private void forgetOlderThan(Instant cutoff) {
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = recent.entrySet().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next().getValue();
            synchronized (times) {
                if (times.isEmpty() || times.peekLast().isBefore(cutoff)) {
                    it.remove();
                }
            }
        }
    }
}
