/**
 * Delivery of alerts: an outbox of notices per recipient, channel and target, drained by a worker woken
 * after commit (inbox push over Server-Sent Events, e-mail with hourly or daily digests, webhooks signed
 * with HMAC-SHA256), and each user's channel settings. {@link org.fusioncell.monitoring.delivery.AlertDelivery}
 * is what the alerts call; {@link org.fusioncell.monitoring.delivery.AlertChannels} serves the settings.
 */
package org.fusioncell.monitoring.delivery;
