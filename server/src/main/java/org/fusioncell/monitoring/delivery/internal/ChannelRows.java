package org.fusioncell.monitoring.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fusioncell.monitoring.delivery.ChannelSettings;
import org.fusioncell.monitoring.delivery.EmailMode;
import org.fusioncell.monitoring.delivery.Webhook;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The settings and webhook tables: plain reads and writes, no audit (the callers audit). */
@Repository
class ChannelRows {

    /** A webhook with what signing needs; {@code removed} endpoints are kept for their dead letters. */
    record Endpoint(String id, String userId, String url, String secret, boolean removed) {
    }

    private final JdbcClient jdbc;

    ChannelRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ChannelSettings settings(String userId) {
        return jdbc.sql("SELECT email, email_mode, immediate_severity, language FROM monitoring_alert_settings "
                        + "WHERE user_id = :u").param("u", userId)
                .query((rs, n) -> new ChannelSettings(rs.getString(1), EmailMode.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .optional().orElseGet(ChannelSettings::defaults);
    }

    void save(String userId, ChannelSettings s, Instant now) {
        int changed = jdbc.sql("""
                        UPDATE monitoring_alert_settings SET email = :email, email_mode = :mode,
                            immediate_severity = :severity, language = :language, updated_at = :now
                        WHERE user_id = :u""")
                .params(settingsParams(userId, s, now)).update();
        if (changed == 0) {
            jdbc.sql("""
                            INSERT INTO monitoring_alert_settings (user_id, email, email_mode, immediate_severity, language,
                                updated_at)
                            VALUES (:u, :email, :mode, :severity, :language, :now)""")
                    .params(settingsParams(userId, s, now)).update();
        }
    }

    private static java.util.Map<String, Object> settingsParams(String userId, ChannelSettings s, Instant now) {
        var p = new java.util.HashMap<String, Object>();
        p.put("u", userId);
        p.put("email", s.email());
        p.put("mode", s.emailMode().name());
        p.put("severity", s.immediateSeverity());
        p.put("language", s.language());
        p.put("now", Timestamp.from(now));
        return p;
    }

    List<Webhook> webhooks(String userId) {
        return jdbc.sql("SELECT id, url, description, created_at FROM monitoring_webhook "
                        + "WHERE user_id = :u AND removed_at IS NULL ORDER BY created_at, id").param("u", userId)
                .query(ChannelRows::webhook).list();
    }

    List<String> activeWebhookIds(String userId) {
        return jdbc.sql("SELECT id FROM monitoring_webhook WHERE user_id = :u AND removed_at IS NULL ORDER BY id")
                .param("u", userId).query(String.class).list();
    }

    Optional<Endpoint> endpoint(String webhookId) {
        return jdbc.sql("SELECT id, user_id, url, secret, removed_at FROM monitoring_webhook WHERE id = :id")
                .param("id", webhookId)
                .query((rs, n) -> new Endpoint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5) != null)).optional();
    }

    void addWebhook(String id, String userId, String url, String secret, @Nullable String description, Instant now) {
        jdbc.sql("""
                        INSERT INTO monitoring_webhook (id, user_id, url, secret, description, created_at)
                        VALUES (:id, :u, :url, :secret, :description, :now)""")
                .param("id", id).param("u", userId).param("url", url).param("secret", secret)
                .param("description", description).param("now", Timestamp.from(now)).update();
    }

    boolean removeWebhook(String userId, String webhookId, Instant now) {
        return jdbc.sql("UPDATE monitoring_webhook SET removed_at = :now WHERE id = :id AND user_id = :u "
                        + "AND removed_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", webhookId).param("u", userId).update() == 1;
    }

    private static Webhook webhook(ResultSet rs, int n) throws SQLException {
        return new Webhook(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant());
    }
}
