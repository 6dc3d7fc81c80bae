package org.fusioncell.monitoring.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one application context of the delivery tests: a GreenMail SMTP server on a free loopback port,
 * webhooks allowed to 127.0.0.1 over plain http, and retries fast enough to watch (100 ms base, 3 attempts).
 */
@FusionCellTest
@Tag("persistence")
public abstract class DeliveryWorld {

    protected static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void delivery(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("fusioncell.monitoring.webhooks.allowed-hosts", () -> "127.0.0.1,*.partner.example");
        registry.add("fusioncell.monitoring.webhooks.allow-http-loopback", () -> "true");
        registry.add("fusioncell.monitoring.webhooks.timeout", () -> "3s");
        registry.add("fusioncell.monitoring.delivery.retry-base", () -> "100ms");
        registry.add("fusioncell.monitoring.delivery.max-attempts", () -> "3");
        registry.add("fusioncell.monitoring.delivery.sweep-interval", () -> "1s");
        registry.add("fusioncell.monitoring.mail.base-url", () -> "https://fusioncell.test");
        registry.add("fusioncell.monitoring.mail.from", () -> "alerts@fusioncell.test");
        registry.add("fusioncell.monitoring.stream.keep-alive", () -> "700ms");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected AlertDelivery delivery;
    @Autowired
    protected AlertChannels channels;
    @Autowired
    PlatformTransactionManager transactionManager;

    /** A user of a fresh organisation at the lowest clearance, so form login needs no second factor. */
    protected String user() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        return fx.user(fx.organisation(OrganisationType.STATE_AGENCY), "UNCLASSIFIED", Set.of(Role.ANALYST), Set.of());
    }

    protected String username(String userId) {
        return jdbc.sql("SELECT username FROM identity_user WHERE id = :id").param("id", userId).query(String.class)
                .single();
    }

    protected static AlertNotice notice(String recipient, String severity, String headline) {
        return new AlertNotice(Ids.newId(), recipient, Ids.newId(), "Kidal convoy watch", severity, headline,
                "Two reports mention the convoy.", "/alerts/x", Instant.parse("2026-11-22T10:15:00Z"));
    }

    /** Schedules inside a transaction of its own, as the alerts do inside theirs. */
    protected void scheduleCommitted(AlertNotice notice) {
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> delivery.schedule(notice));
    }

    protected TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    protected List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text/plain part of a mail, decoded. */
    protected static String plainText(MimeMessage message) throws Exception {
        return plainText(message.getContent());
    }

    private static String plainText(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart inner) {
                    String found = plainText(inner);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
