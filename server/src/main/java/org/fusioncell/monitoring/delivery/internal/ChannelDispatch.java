package org.fusioncell.monitoring.delivery.internal;

import org.springframework.stereotype.Component;

/** Sends one claimed row over its channel. */
@Component
class ChannelDispatch {

    private final AlertStreams streams;
    private final MailChannel mail;
    private final WebhookChannel webhooks;
    private final Digests digests;
    private final ChannelRows channels;

    ChannelDispatch(AlertStreams streams, MailChannel mail, WebhookChannel webhooks, Digests digests,
                    ChannelRows channels) {
        this.streams = streams;
        this.mail = mail;
        this.webhooks = webhooks;
        this.digests = digests;
        this.channels = channels;
    }

    Outcome send(OutboxRow row) {
        return switch (row.channel()) {
            // pushed to the streams open now, or to none: the inbox page reads the alert from the database
            case INBOX -> {
                streams.push(row.recipientUserId(), row.id(), row.payload());
                yield Outcome.DELIVERED;
            }
            case EMAIL -> mail.sendOne(row, channels.settings(row.recipientUserId()));
            case DIGEST -> mail.sendDigest(row, channels.settings(row.recipientUserId()), digests.notices(row.id()));
            case WEBHOOK -> webhooks.send(row);
        };
    }
}
