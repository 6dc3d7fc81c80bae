package org.fusioncell.monitoring.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A delivery given up after its last attempt. {@code target} names the endpoint for a webhook (its id)
 * and the user for mail; {@code lastError} is technical (a status code, a failure kind), never content.
 */
public record DeadLetter(String deliveryId, String alertId, String channel, String target,
                         @Nullable String targetDescription, int attempts, @Nullable String lastError,
                         Instant createdAt) {
}
