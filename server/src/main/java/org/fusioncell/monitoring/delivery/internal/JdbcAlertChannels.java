package org.fusioncell.monitoring.delivery.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.monitoring.delivery.AlertChannels;
import org.fusioncell.monitoring.delivery.ChannelSettings;
import org.fusioncell.monitoring.delivery.DeadLetter;
import org.fusioncell.monitoring.delivery.EmailMode;
import org.fusioncell.monitoring.delivery.RegisteredWebhook;
import org.fusioncell.monitoring.delivery.Webhook;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own channels. Changes are audited as alteration of {@link #INFORMATION_TYPE} (settings,
 * webhooks) or of {@code alert-delivery} (a dead letter sent again) in their transaction; the audit
 * record names the mode and language but never the address or the URL.
 */
@Service
class JdbcAlertChannels implements AlertChannels {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final ChannelRows rows;
    private final Outbox outbox;
    private final WebhookHosts hosts;
    private final MailChannel mail;
    private final Wakeup wakeup;
    private final AuditLog audit;
    private final Clock clock;

    JdbcAlertChannels(ChannelRows rows, Outbox outbox, WebhookHosts hosts, MailChannel mail, Wakeup wakeup,
                      AuditLog audit, Clock clock) {
        this.rows = rows;
        this.outbox = outbox;
        this.hosts = hosts;
        this.mail = mail;
        this.wakeup = wakeup;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public ChannelSettings settings(String userId) {
        return rows.settings(userId);
    }

    @Override
    @Transactional
    public ChannelSettings update(Reader user, ChannelSettings s) {
        String email = s.email() == null || s.email().isBlank() ? null : s.email().strip();
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            throw new InvalidInputException("email", "not an e-mail address");
        }
        if (s.emailMode() == null) {
            throw new InvalidInputException("emailMode", "one of OFF, IMMEDIATE, HOURLY_DIGEST, DAILY_DIGEST");
        }
        if (s.emailMode() != EmailMode.OFF && email == null) {
            throw new InvalidInputException("email", "is required unless emailMode is OFF");
        }
        String severity = s.immediateSeverity() == null || s.immediateSeverity().isBlank() ? null
                : Severity.parse(s.immediateSeverity()).map(Enum::name).orElseThrow(() ->
                new InvalidInputException("immediateSeverity", "one of LOW, MEDIUM, HIGH, CRITICAL or empty"));
        String language = s.language() == null || s.language().isBlank() ? "en" : s.language().strip();
        if (!ChannelSettings.LANGUAGES.contains(language)) {
            throw new InvalidInputException("language", "one of en, fr, ar");
        }
        ChannelSettings saved = new ChannelSettings(email, s.emailMode(), severity, language);
        rows.save(user.userId(), saved, clock.instant());
        record(user, INFORMATION_TYPE, user.userId(), Map.of("change", "settings", "emailMode",
                saved.emailMode().name(), "immediateSeverity", severity == null ? "" : severity, "language", language,
                "email", email == null ? "absent" : "present"));
        return saved;
    }

    @Override
    public boolean mailAvailable() {
        return mail.available();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Webhook> webhooks(String userId) {
        return rows.webhooks(userId);
    }

    @Override
    @Transactional
    public RegisteredWebhook register(Reader user, String url, String description) {
        String checked = hosts.check("url", url).toString();
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > 200) {
            throw new InvalidInputException("description", "longer than 200 characters");
        }
        if (rows.webhooks(user.userId()).size() >= 20) {
            throw new InvalidInputException("url", "at most 20 webhooks per user");
        }
        String id = Ids.newId();
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        rows.addWebhook(id, user.userId(), checked, secret, text, now);
        record(user, INFORMATION_TYPE, id, Map.of("change", "webhook-registered"));
        return new RegisteredWebhook(new Webhook(id, checked, text, now), secret);
    }

    @Override
    @Transactional
    public boolean remove(Reader user, String webhookId) {
        if (!Ids.isWellFormed(webhookId) || !rows.removeWebhook(user.userId(), webhookId, clock.instant())) {
            return false;
        }
        int abandoned = outbox.abandonTarget(Channel.WEBHOOK, webhookId, "endpoint removed");
        record(user, INFORMATION_TYPE, webhookId, Map.of("change", "webhook-removed",
                "abandonedDeliveries", String.valueOf(abandoned)));
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<DeadLetter> deadLetters(String userId, PageRequest page) {
        return outbox.deadLetters(userId, page);
    }

    @Override
    @Transactional
    public Optional<DeadLetter> resend(Reader user, String deliveryId) {
        if (!Ids.isWellFormed(deliveryId)) {
            return Optional.empty();
        }
        Optional<DeadLetter> letter = outbox.deadLetter(user.userId(), deliveryId);
        if (letter.isEmpty() || !outbox.revive(user.userId(), deliveryId, clock.instant())) {
            return Optional.empty();
        }
        record(user, "alert-delivery", deliveryId, Map.of("change", "resent", "channel", letter.get().channel()));
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        wakeup.wake();
                    }
                });
        return letter;
    }

    private void record(Reader user, String type, String id, Map<String, String> details) {
        audit.record(AuditRecord.of(AuditAction.ALTERATION, user.userId(), user.organisationId(), type, List.of(id))
                .withPurpose(user.purpose()).withDetails(details));
    }
}
