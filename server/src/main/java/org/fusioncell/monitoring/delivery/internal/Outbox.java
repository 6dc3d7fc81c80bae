package org.fusioncell.monitoring.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.fusioncell.monitoring.delivery.DeadLetter;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Claiming is one conditional UPDATE per row, the same SQL on H2 and PostgreSQL: of
 * two workers (threads or nodes) racing for a row, the second finds the claim taken and updates nothing.
 * Every state change after a send names the claim token, so a worker whose claim expired and was taken
 * over cannot overwrite the new holder's result.
 */
@Repository
class Outbox {

    private static final String COLUMNS = "id, alert_id, recipient_user_id, channel, target, address, payload, attempts, "
            + "created_at";
    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a pending row due at once; false when the (alert, channel, target) row exists already. */
    boolean add(String id, String alertId, String recipientUserId, Channel channel, String target,
                @Nullable String address, String payload, Instant now) {
        return jdbc.sql("""
                        INSERT INTO monitoring_delivery (id, alert_id, recipient_user_id, channel, target, address, payload,
                            state, attempts, next_attempt_at, created_at)
                        VALUES (:id, :alert, :user, :channel, :target, :address, :payload, 'PENDING', 0, :now, :now)
                        ON CONFLICT DO NOTHING""")
                .param("id", id).param("alert", alertId).param("user", recipientUserId).param("channel", channel.name())
                .param("target", target).param("address", address).param("payload", payload)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Ids of rows of the lane that are due and not held by a live claim, oldest first. */
    List<String> due(Collection<Channel> channels, Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM monitoring_delivery
                        WHERE state = 'PENDING' AND next_attempt_at <= :now AND channel IN (:channels)
                          AND (claimed_until IS NULL OR claimed_until < :now)
                        ORDER BY next_attempt_at, id LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("channels", names(channels)).param("limit", limit)
                .query(String.class).list();
    }

    /** When the lane's next row falls due (a retry's backoff, an expired claim), if any. */
    Optional<Instant> nextDue(Collection<Channel> channels) {
        return jdbc.sql("""
                        SELECT MIN(CASE WHEN claimed_until IS NOT NULL AND claimed_until > next_attempt_at
                                        THEN claimed_until ELSE next_attempt_at END)
                        FROM monitoring_delivery WHERE state = 'PENDING' AND channel IN (:channels)""")
                .param("channels", names(channels)).query((rs, n) -> rs.getTimestamp(1)).optional()
                .map(Timestamp::toInstant);
    }

    /** Takes the row for {@code until}; empty when another worker holds it or it is no longer pending. */
    Optional<OutboxRow> claim(String id, String token, Instant now, Instant until) {
        int taken = jdbc.sql("""
                        UPDATE monitoring_delivery SET claimed_until = :until, claim_token = :token
                        WHERE id = :id AND state = 'PENDING' AND next_attempt_at <= :now
                          AND (claimed_until IS NULL OR claimed_until < :now)""")
                .param("until", Timestamp.from(until)).param("token", token).param("id", id)
                .param("now", Timestamp.from(now)).update();
        if (taken == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_delivery WHERE id = :id AND claim_token = :token")
                .param("id", id).param("token", token).query(Outbox::row).optional();
    }

    void delivered(OutboxRow row, String token, Instant now) {
        jdbc.sql("""
                        UPDATE monitoring_delivery SET state = 'DELIVERED', attempts = :attempts, delivered_at = :now,
                            claimed_until = NULL, claim_token = NULL, last_error = NULL
                        WHERE id = :id AND claim_token = :token AND state = 'PENDING'""")
                .param("attempts", row.attempts() + 1).param("now", Timestamp.from(now)).param("id", row.id())
                .param("token", token).update();
    }

    void retryAt(OutboxRow row, String token, Instant next, String error) {
        jdbc.sql("""
                        UPDATE monitoring_delivery SET attempts = :attempts, next_attempt_at = :next, last_error = :error,
                            claimed_until = NULL, claim_token = NULL
                        WHERE id = :id AND claim_token = :token AND state = 'PENDING'""")
                .param("attempts", row.attempts() + 1).param("next", Timestamp.from(next)).param("error", cut(error))
                .param("id", row.id()).param("token", token).update();
    }

    void dead(OutboxRow row, String token, String error) {
        jdbc.sql("""
                        UPDATE monitoring_delivery SET state = 'DEAD', attempts = :attempts, last_error = :error,
                            claimed_until = NULL, claim_token = NULL
                        WHERE id = :id AND claim_token = :token AND state = 'PENDING'""")
                .param("attempts", row.attempts() + 1).param("error", cut(error)).param("id", row.id())
                .param("token", token).update();
    }

    /** Lets go of this process's claims at a clean stop, so that a restart need not wait for them to expire. */
    int release(String token) {
        return jdbc.sql("UPDATE monitoring_delivery SET claimed_until = NULL, claim_token = NULL "
                + "WHERE claim_token = :token AND state = 'PENDING'").param("token", token).update();
    }

    /** Gives up the pending deliveries to a removed webhook. */
    int abandonTarget(Channel channel, String target, String error) {
        return jdbc.sql("UPDATE monitoring_delivery SET state = 'DEAD', last_error = :error, claimed_until = NULL, "
                        + "claim_token = NULL WHERE channel = :channel AND target = :target AND state = 'PENDING'")
                .param("error", error).param("channel", channel.name()).param("target", target).update();
    }

    /**
     * Blanks the content of rows delivered before {@code cutoff} and drops the notices of their digests: the
     * inbox holds the alert, the outbox need not hold a copy longer than a retry or a resend could want it.
     */
    int forgetContent(Instant cutoff) {
        jdbc.sql("""
                        DELETE FROM monitoring_digest_item WHERE digest_id IN (SELECT id FROM monitoring_delivery
                            WHERE channel = 'DIGEST' AND state = 'DELIVERED' AND delivered_at < :cutoff)""")
                .param("cutoff", Timestamp.from(cutoff)).update();
        return jdbc.sql("""
                        UPDATE monitoring_delivery SET payload = '{}', address = NULL
                        WHERE state = 'DELIVERED' AND delivered_at < :cutoff AND payload <> '{}'""")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    private static final String DEAD_FROM = """
             FROM monitoring_delivery d LEFT JOIN monitoring_webhook w ON d.channel = 'WEBHOOK' AND w.id = d.target
            WHERE d.recipient_user_id = :user AND d.state = 'DEAD'""";

    Page<DeadLetter> deadLetters(String userId, PageRequest page) {
        long total = jdbc.sql("SELECT COUNT(*)" + DEAD_FROM).param("user", userId).query(Long.class).single();
        List<DeadLetter> items = jdbc.sql("SELECT d.id, d.alert_id, d.channel, d.target, w.description, d.attempts, "
                        + "d.last_error, d.created_at" + DEAD_FROM + " ORDER BY d.created_at DESC, d.id DESC "
                        + "LIMIT :limit OFFSET :offset")
                .param("user", userId).param("limit", page.size()).param("offset", page.offset())
                .query(Outbox::deadLetter).list();
        return Page.of(items, page, total);
    }

    Optional<DeadLetter> deadLetter(String userId, String deliveryId) {
        return jdbc.sql("SELECT d.id, d.alert_id, d.channel, d.target, w.description, d.attempts, d.last_error, "
                        + "d.created_at" + DEAD_FROM + " AND d.id = :id")
                .param("user", userId).param("id", deliveryId).query(Outbox::deadLetter).optional();
    }

    /** A dead letter pending again, due now, with its attempts counted afresh and the same delivery id. */
    boolean revive(String userId, String deliveryId, Instant now) {
        return jdbc.sql("""
                        UPDATE monitoring_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = :now,
                            claimed_until = NULL, claim_token = NULL
                        WHERE id = :id AND recipient_user_id = :user AND state = 'DEAD'""")
                .param("now", Timestamp.from(now)).param("id", deliveryId).param("user", userId).update() == 1;
    }

    private static DeadLetter deadLetter(ResultSet rs, int n) throws SQLException {
        return new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }

    private static OutboxRow row(ResultSet rs, int n) throws SQLException {
        return new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), Channel.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getTimestamp(9).toInstant());
    }

    private static List<String> names(Collection<Channel> channels) {
        return channels.stream().map(Channel::name).toList();
    }

    private static String cut(String error) {
        return error.length() <= 300 ? error : error.substring(0, 300);
    }
}
