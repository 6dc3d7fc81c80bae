package org.fusioncell.monitoring.delivery;

/**
 * Delivery of alert notices to their recipient over the inbox push, e-mail (immediate or digest) and
 * the recipient's webhooks. Durable and exactly once per recipient and channel: rows of an outbox
 * written in the caller's transaction, sent at least once after it commits, each under a delivery id
 * that every retry repeats so that receivers drop duplicates (docs/monitoring.md, "Delivery").
 */
public interface AlertDelivery {

    /** Called inside the transaction that stores the alert; writes one outbox row per channel
     *  (inbox push, e-mail per the user's settings, each of the user's webhooks). Idempotent on alertId. */
    void schedule(AlertNotice notice);
}
