package org.fusioncell.monitoring.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user's webhook endpoint as listed: never its secret, which is shown once at registration. */
public record Webhook(String id, String url, @Nullable String description, Instant createdAt) {
}
