package org.fusioncell.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.fusioncell.identity.internal.Totp;

/**
 * TOTP codes for tests that log the same demo user in more than once in one JVM. The server accepts a
 * code once (a step at or before the last used one is refused) and one step of drift either way, so
 * each call returns the code of a step later than any handed out before, waiting only when that step
 * would be more than one step ahead of the clock.
 */
public final class TestTotp {

    private static final long STEP_SECONDS = 30;
    private static final Map<String, Long> LAST_STEP = new HashMap<>();

    private TestTotp() {
    }

    public static synchronized String nextCode(String secret) {
        long current = Instant.now().getEpochSecond() / STEP_SECONDS;
        long step = Math.max(current, LAST_STEP.getOrDefault(secret, Long.MIN_VALUE) + 1);
        long waitUntil = (step - 1) * STEP_SECONDS * 1000 + 1000; // step must be at most one ahead of the clock
        long sleep = waitUntil - System.currentTimeMillis();
        if (step > current + 1 && sleep > 0) {
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a fresh TOTP step", e);
            }
        }
        LAST_STEP.put(secret, step);
        return Totp.code(Totp.decodeSecret(secret), Instant.ofEpochSecond(step * STEP_SECONDS));
    }
}
