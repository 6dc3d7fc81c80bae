package org.fusioncell.monitoring.delivery;

/** The answer to a registration: the endpoint and its signing secret, the one time it is shown. */
public record RegisteredWebhook(Webhook webhook, String secret) {
}
