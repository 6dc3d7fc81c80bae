package org.fusioncell.monitoring.delivery;

import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * A user's own alert channels: mail settings, webhook endpoints and the deliveries given up. Every change
 * is audited as alteration in its transaction, without the address or URL (personal data).
 */
public interface AlertChannels {

    String INFORMATION_TYPE = "alert-channels";

    ChannelSettings settings(String userId);

    /**
     * Replaces the user's mail settings.
     *
     * @throws org.fusioncell.shared.InvalidInputException naming the field (email, emailMode,
     *                                                     immediateSeverity, language); nothing is written
     */
    ChannelSettings update(Reader user, ChannelSettings settings);

    /** True when an SMTP server is configured ({@code spring.mail.host}); without it no mail is scheduled. */
    boolean mailAvailable();

    List<Webhook> webhooks(String userId);

    /**
     * Registers an endpoint with a new secret.
     *
     * @throws WebhookHostRefused when the host is not allowed by configuration
     * @throws org.fusioncell.shared.InvalidInputException for a malformed URL or description
     */
    RegisteredWebhook register(Reader user, String url, String description);

    /** Removes one of the user's endpoints; its pending deliveries are given up. False when it is not theirs. */
    boolean remove(Reader user, String webhookId);

    /** The user's dead letters, newest first. */
    Page<DeadLetter> deadLetters(String userId, PageRequest page);

    /** Sends a dead letter again under the same delivery id; empty when it is not the user's or not dead. */
    Optional<DeadLetter> resend(Reader user, String deliveryId);
}
