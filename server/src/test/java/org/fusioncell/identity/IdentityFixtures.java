package org.fusioncell.identity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.internal.JdbcApiTokens;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Test data for any module: organisations, agreements, users and API tokens written straight to the
 * identity tables (no audit records). Build it from the test context's {@code JdbcClient}:
 * {@code new IdentityFixtures(jdbc)}. Every user's password is {@link #PASSWORD}.
 */
public final class IdentityFixtures {

    public static final String PASSWORD = "fixture-password-1";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    // bcrypt at its lowest cost: fixtures create many users and need no resistance to guessing
    private static final String PASSWORD_HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private final JdbcClient jdbc;

    public IdentityFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String organisation(OrganisationType type) {
        return organisation("Organisation " + SEQUENCE.incrementAndGet(), type, "MR");
    }

    public String organisation(String name, OrganisationType type, String country) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO identity_organisation (id, name, type, sector, country, parent_id, created_at, updated_at)
                VALUES (:id, :name, :type, NULL, :country, NULL, :now, :now)""")
                .param("id", id).param("name", name).param("type", type.name()).param("country", country)
                .param("now", now).update();
        return id;
    }

    /** An ACTIVE agreement in force since last year with no end date. {@code scope} may hold {@code "*"}. */
    public String agreement(Set<String> parties, String maxClassification, Set<String> scope) {
        return agreement(parties, maxClassification, scope, "ACTIVE", LocalDate.now().minusYears(1), null);
    }

    public String agreement(Set<String> parties, String maxClassification, Set<String> scope, String status,
                            LocalDate validFrom, LocalDate validUntil) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO identity_agreement (id, title, kind, valid_from, valid_until, status, max_classification,
                    onward_sharing, created_at, updated_at)
                VALUES (:id, :title, 'INFORMATION_SHARING_AGREEMENT', :from, :until, :status, :max, FALSE, :now, :now)""")
                .param("id", id).param("title", "Agreement " + SEQUENCE.incrementAndGet())
                .param("from", validFrom == null ? null : Date.valueOf(validFrom))
                .param("until", validUntil == null ? null : Date.valueOf(validUntil))
                .param("status", status).param("max", maxClassification).param("now", now).update();
        for (String party : parties) {
            jdbc.sql("INSERT INTO identity_agreement_party (agreement_id, organisation_id) VALUES (:a, :o)")
                    .param("a", id).param("o", party).update();
        }
        for (String type : scope) {
            jdbc.sql("INSERT INTO identity_agreement_scope (agreement_id, information_type) VALUES (:a, :t)")
                    .param("a", id).param("t", type).update();
        }
        return id;
    }

    public void agreementStatus(String agreementId, String status) {
        jdbc.sql("UPDATE identity_agreement SET status = :s WHERE id = :id").param("s", status).param("id", agreementId)
                .update();
    }

    /** A user without a second factor enrolled (a cleared user logging in by form must enrol first). */
    public String user(String organisationId, String clearance, Set<Role> roles, Set<String> caveats) {
        return user("user" + SEQUENCE.incrementAndGet() + "-" + Ids.newId().substring(30), organisationId, clearance,
                roles, caveats, null);
    }

    public String user(String username, String organisationId, String clearance, Set<Role> roles, Set<String> caveats,
                       String totpSecret) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO identity_user (id, username, display_name, organisation_id, password_hash, clearance,
                    totp_secret, failed_logins, active, created_at, updated_at)
                VALUES (:id, :username, :display, :org, :hash, :clearance, :totp, 0, TRUE, :now, :now)""")
                .param("id", id).param("username", username).param("display", "Fixture " + username)
                .param("org", organisationId).param("hash", PASSWORD_HASH).param("clearance", clearance)
                .param("totp", totpSecret).param("now", now).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO identity_user_role (user_id, role) VALUES (:u, :r)").param("u", id)
                    .param("r", role.name()).update();
        }
        for (String caveat : caveats) {
            jdbc.sql("INSERT INTO identity_user_caveat (user_id, caveat) VALUES (:u, :c)").param("u", id)
                    .param("c", caveat).update();
        }
        return id;
    }

    /** A token valid for 30 days; returns the plaintext to send as {@code Authorization: Bearer <token>}. */
    public String token(String userId, String... scopes) {
        return token(userId, Instant.now().plus(30, ChronoUnit.DAYS), scopes);
    }

    public String token(String userId, Instant expiresAt, String... scopes) {
        String plaintext = JdbcApiTokens.newPlaintext();
        jdbc.sql("""
                INSERT INTO identity_api_token (id, user_id, name, token_hash, scopes, created_at, expires_at)
                VALUES (:id, :user, 'fixture', :hash, :scopes, :now, :expires)""")
                .param("id", Ids.newId()).param("user", userId).param("hash", JdbcApiTokens.hash(plaintext))
                .param("scopes", String.join(",", new TreeSet<>(Set.of(scopes))))
                .param("now", Timestamp.from(Instant.now())).param("expires", Timestamp.from(expiresAt)).update();
        return plaintext;
    }

    public void revokeTokens(String userId) {
        jdbc.sql("UPDATE identity_api_token SET revoked_at = :now WHERE user_id = :u")
                .param("now", Timestamp.from(Instant.now())).param("u", userId).update();
    }
}
