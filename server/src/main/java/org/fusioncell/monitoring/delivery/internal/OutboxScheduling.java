package org.fusioncell.monitoring.delivery.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.fusioncell.monitoring.delivery.AlertDelivery;
import org.fusioncell.monitoring.delivery.AlertNotice;
import org.fusioncell.monitoring.delivery.ChannelSettings;
import org.fusioncell.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a notice's outbox rows in the caller's transaction: the inbox push always, mail as the
 * recipient's settings say (at once, or an item of the next digest), and one row per webhook. The
 * worker is woken once the transaction commits; rows of a transaction that rolls back never existed.
 */
@Service
class OutboxScheduling implements AlertDelivery {

    private final Outbox outbox;
    private final ChannelRows channels;
    private final Digests digests;
    private final MailChannel mail;
    private final Wakeup wakeup;
    private final JsonMapper json;
    private final Clock clock;

    OutboxScheduling(Outbox outbox, ChannelRows channels, Digests digests, MailChannel mail, Wakeup wakeup,
                     JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.channels = channels;
        this.digests = digests;
        this.mail = mail;
        this.wakeup = wakeup;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void schedule(AlertNotice notice) {
        Objects.requireNonNull(notice, "notice");
        require(notice.alertId(), 100, "alertId");
        require(notice.recipientUserId(), 36, "recipientUserId");
        Severity severity = Severity.parse(notice.severity())
                .orElseThrow(() -> new IllegalArgumentException("severity must be LOW, MEDIUM, HIGH or CRITICAL"));
        String user = notice.recipientUserId();
        Instant now = clock.instant();
        String payload = json.writeValueAsString(notice);
        // the inbox row is written for every notice: when it exists, the notice was scheduled before
        if (!outbox.add(Ids.newId(), notice.alertId(), user, Channel.INBOX, user, null, payload, now)) {
            return;
        }
        ChannelSettings settings = channels.settings(user);
        MailRoute route = mail.available() ? MailRoute.of(settings, severity) : MailRoute.NONE;
        switch (route) {
            case IMMEDIATE -> outbox.add(Ids.newId(), notice.alertId(), user, Channel.EMAIL, user, settings.email(),
                    payload, now);
            case HOURLY, DAILY -> digests.collect(user, notice.alertId(), payload, route, now);
            case NONE -> {
            }
        }
        for (String webhookId : channels.activeWebhookIds(user)) {
            outbox.add(Ids.newId(), notice.alertId(), user, Channel.WEBHOOK, webhookId, null, payload, now);
        }
        wakeAfterCommit();
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeup.wake();
                }
            });
        } else {
            wakeup.wake();
        }
    }

    private static void require(String value, int max, String name) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
    }
}
