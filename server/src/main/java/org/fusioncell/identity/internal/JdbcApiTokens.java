package org.fusioncell.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens, kept as the SHA-256 of the token (a 256-bit random value needs no slow hash). */
@Repository
public class JdbcApiTokens {

    public static final String PREFIX = "fct_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, user_id, name, scopes, created_at, expires_at, revoked_at, last_used_at";

    public record StoredToken(String id, String userId, String name, Set<String> scopes, Instant createdAt,
                              Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        public boolean usableAt(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String newPlaintext() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String plaintext) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public Optional<StoredToken> findByPlaintext(String plaintext) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_api_token WHERE token_hash = :h")
                .param("h", hash(plaintext)).query(JdbcApiTokens::row).optional();
    }

    public Optional<StoredToken> find(String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_api_token WHERE id = :id").param("id", id)
                .query(JdbcApiTokens::row).optional();
    }

    public List<StoredToken> ofUser(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_api_token WHERE user_id = :u ORDER BY created_at DESC, id")
                .param("u", userId).query(JdbcApiTokens::row).list();
    }

    void insert(StoredToken t, String plaintext) {
        jdbc.sql("""
                INSERT INTO identity_api_token (id, user_id, name, token_hash, scopes, created_at, expires_at)
                VALUES (:id, :user, :name, :hash, :scopes, :created, :expires)""")
                .param("id", t.id()).param("user", t.userId()).param("name", t.name()).param("hash", hash(plaintext))
                .param("scopes", String.join(",", new java.util.TreeSet<>(t.scopes())))
                .param("created", Timestamp.from(t.createdAt())).param("expires", Timestamp.from(t.expiresAt()))
                .update();
    }

    void revoke(String id) {
        jdbc.sql("UPDATE identity_api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).param("now", Timestamp.from(clock.instant())).update();
    }

    /** Written at most once a minute per token, so that a busy machine client does not write on every call. */
    public void touch(StoredToken t) {
        Instant now = clock.instant();
        if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60))) {
            jdbc.sql("UPDATE identity_api_token SET last_used_at = :now WHERE id = :id")
                    .param("id", t.id()).param("now", Timestamp.from(now)).update();
        }
    }

    private static StoredToken row(ResultSet rs, int n) throws SQLException {
        return new StoredToken(rs.getString(1), rs.getString(2), rs.getString(3), JdbcUsers.csv(rs.getString(4)),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());
    }
}
