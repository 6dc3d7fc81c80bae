package org.fusioncell.monitoring.delivery.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One claimed delivery: {@code id} is the delivery id receivers deduplicate by. */
record OutboxRow(String id, String alertId, String recipientUserId, Channel channel, String target,
                 @Nullable String address, String payload, int attempts, Instant createdAt) {
}
