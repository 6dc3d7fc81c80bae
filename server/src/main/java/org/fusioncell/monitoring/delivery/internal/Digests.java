package org.fusioncell.monitoring.delivery.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.fusioncell.monitoring.delivery.ChannelSettings;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Digests: notices collected per user and period (UTC hours and days), turned into one DIGEST outbox
 * row per user and period once the period is over. The row and the marking of its notices are one
 * transaction, and the row's key ({@code digest:<period>}, user) is unique: a crash loses no digest, and
 * two workers racing for one build one digest.
 */
@Component
class Digests {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final ChannelRows channels;
    private final MailChannel mail;
    private final TransactionTemplate transactions;

    Digests(JdbcClient jdbc, Outbox outbox, ChannelRows channels, MailChannel mail,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.channels = channels;
        this.mail = mail;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    void collect(String userId, String alertId, String payload, MailRoute period, Instant now) {
        jdbc.sql("""
                        INSERT INTO monitoring_digest_item (user_id, alert_id, payload, period, created_at)
                        VALUES (:u, :alert, :payload, :period, :now) ON CONFLICT DO NOTHING""")
                .param("u", userId).param("alert", alertId).param("payload", payload).param("period", period.name())
                .param("now", Timestamp.from(now)).update();
    }

    /** Builds the digests of every period that is over; returns how many were written. */
    int build(Instant now) {
        int built = 0;
        for (MailRoute period : List.of(MailRoute.HOURLY, MailRoute.DAILY)) {
            Instant cutoff = now.truncatedTo(period == MailRoute.HOURLY ? ChronoUnit.HOURS : ChronoUnit.DAYS);
            String key = period == MailRoute.HOURLY ? "H" + HOUR.format(cutoff.minus(1, ChronoUnit.HOURS))
                    : "D" + DAY.format(cutoff.minus(1, ChronoUnit.DAYS));
            List<String> users = jdbc.sql("SELECT DISTINCT user_id FROM monitoring_digest_item "
                            + "WHERE digest_id IS NULL AND period = :p AND created_at < :cutoff")
                    .param("p", period.name()).param("cutoff", Timestamp.from(cutoff)).query(String.class).list();
            for (String user : users) {
                Boolean written = transactions.execute(status -> open(user, period, key, cutoff, now));
                built += Boolean.TRUE.equals(written) ? 1 : 0;
            }
        }
        return built;
    }

    private boolean open(String user, MailRoute period, String key, Instant cutoff, Instant now) {
        ChannelSettings settings = channels.settings(user);
        String open = " FROM monitoring_digest_item WHERE user_id = :u AND period = :p AND digest_id IS NULL "
                + "AND created_at < :cutoff";
        if (!mail.available() || MailRoute.of(settings, Severity.LOW) == MailRoute.NONE) {
            // mail was turned off since: the notices stay in the inbox, nothing is owed by mail
            jdbc.sql("DELETE" + open).param("u", user).param("p", period.name()).param("cutoff", Timestamp.from(cutoff))
                    .update();
            return false;
        }
        String id = Ids.newId();
        String payload = "{\"period\":\"" + key + "\",\"until\":\"" + cutoff + "\"}";
        if (!outbox.add(id, "digest:" + key, user, Channel.DIGEST, user, settings.email(), payload, now)) {
            return false;
        }
        jdbc.sql("UPDATE monitoring_digest_item SET digest_id = :id WHERE user_id = :u AND period = :p "
                        + "AND digest_id IS NULL AND created_at < :cutoff")
                .param("id", id).param("u", user).param("p", period.name()).param("cutoff", Timestamp.from(cutoff))
                .update();
        return true;
    }

    /** The notices (JSON) a digest lists, oldest first. */
    List<String> notices(String digestId) {
        return jdbc.sql("SELECT payload FROM monitoring_digest_item WHERE digest_id = :id ORDER BY created_at, alert_id")
                .param("id", digestId).query(String.class).list();
    }
}
