package org.fusioncell.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcUsers {

    private static final String COLUMNS = "id, username, display_name, organisation_id, password_hash, clearance,"
            + " totp_secret, totp_last_step, failed_logins, locked_until, active";
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcUsers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<StoredUser> find(String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return load("SELECT " + COLUMNS + " FROM identity_user WHERE id = :p", id).stream().findFirst();
    }

    public Optional<StoredUser> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return load("SELECT " + COLUMNS + " FROM identity_user WHERE username = :p", username.trim()).stream()
                .findFirst();
    }

    public boolean exists(String id) {
        return Ids.isWellFormed(id) && jdbc.sql("SELECT COUNT(*) FROM identity_user WHERE id = :id")
                .param("id", id).query(Long.class).single() > 0;
    }

    public Page<StoredUser> page(PageRequest request) {
        long total = jdbc.sql("SELECT COUNT(*) FROM identity_user").query(Long.class).single();
        List<String> ids = jdbc.sql("SELECT id FROM identity_user ORDER BY username LIMIT :limit OFFSET :offset")
                .param("limit", request.size()).param("offset", request.offset()).query(String.class).list();
        List<StoredUser> users = ids.isEmpty() ? List.of()
                : load("SELECT " + COLUMNS + " FROM identity_user WHERE id IN (:p) ORDER BY username", ids);
        return Page.of(users, request, total);
    }

    private List<StoredUser> load(String sql, Object param) {
        List<Object[]> rows = jdbc.sql(sql).param("p", param).query((rs, n) -> new Object[] {
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getObject(8) == null ? null : rs.getLong(8), rs.getInt(9), rs.getTimestamp(10),
                rs.getBoolean(11)}).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(r -> (String) r[0]).toList();
        Map<String, Set<Role>> roles = new HashMap<>();
        Map<String, Set<String>> caveats = new HashMap<>();
        jdbc.sql("SELECT user_id, role FROM identity_user_role WHERE user_id IN (:ids)").param("ids", ids)
                .query((rs, n) -> roles.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                        .add(Role.valueOf(rs.getString(2)))).list();
        jdbc.sql("SELECT user_id, caveat FROM identity_user_caveat WHERE user_id IN (:ids)").param("ids", ids)
                .query((rs, n) -> caveats.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2)))
                .list();
        List<StoredUser> out = new ArrayList<>();
        for (Object[] r : rows) {
            String id = (String) r[0];
            out.add(new StoredUser(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (Long) r[7], (Integer) r[8], r[9] == null ? null : ((Timestamp) r[9]).toInstant(),
                    (Boolean) r[10], roles.getOrDefault(id, Set.of()), caveats.getOrDefault(id, Set.of())));
        }
        return out;
    }

    void insert(StoredUser u) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO identity_user (id, username, display_name, organisation_id, password_hash, clearance,
                    totp_secret, failed_logins, active, created_at, updated_at)
                VALUES (:id, :username, :display, :org, :hash, :clearance, :totp, 0, :active, :now, :now)""")
                .param("id", u.id()).param("username", u.username()).param("display", u.displayName())
                .param("org", u.organisationId()).param("hash", u.passwordHash()).param("clearance", u.clearance())
                .param("totp", u.totpSecret()).param("active", u.active()).param("now", now).update();
        insertChildren(u);
    }

    /** Updates profile, roles and caveats; password and TOTP change through their own methods. */
    void update(StoredUser u) {
        jdbc.sql("""
                UPDATE identity_user SET display_name = :display, organisation_id = :org, clearance = :clearance,
                    active = :active, updated_at = :now WHERE id = :id""")
                .param("id", u.id()).param("display", u.displayName()).param("org", u.organisationId())
                .param("clearance", u.clearance()).param("active", u.active())
                .param("now", Timestamp.from(clock.instant())).update();
        jdbc.sql("DELETE FROM identity_user_role WHERE user_id = :id").param("id", u.id()).update();
        jdbc.sql("DELETE FROM identity_user_caveat WHERE user_id = :id").param("id", u.id()).update();
        insertChildren(u);
    }

    private void insertChildren(StoredUser u) {
        for (Role role : u.roles()) {
            jdbc.sql("INSERT INTO identity_user_role (user_id, role) VALUES (:u, :r)")
                    .param("u", u.id()).param("r", role.name()).update();
        }
        for (String caveat : u.caveats()) {
            jdbc.sql("INSERT INTO identity_user_caveat (user_id, caveat) VALUES (:u, :c)")
                    .param("u", u.id()).param("c", caveat).update();
        }
    }

    void setPassword(String id, String hash) {
        set(id, "password_hash = :v", hash);
    }

    void setTotp(String id, String secret, Long lastStep) {
        jdbc.sql("UPDATE identity_user SET totp_secret = :s, totp_last_step = :l, updated_at = :now WHERE id = :id")
                .param("id", id).param("s", secret).param("l", lastStep)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    void setTotpLastStep(String id, long step) {
        set(id, "totp_last_step = :v", step);
    }

    void recordFailure(String id, int failedLogins, Instant lockedUntil) {
        jdbc.sql("UPDATE identity_user SET failed_logins = :f, locked_until = :l WHERE id = :id")
                .param("id", id).param("f", failedLogins)
                .param("l", lockedUntil == null ? null : Timestamp.from(lockedUntil)).update();
    }

    void clearFailures(String id) {
        recordFailure(id, 0, null);
    }

    void setActive(String id, boolean active) {
        set(id, "active = :v", active);
    }

    private void set(String id, String assignment, Object value) {
        jdbc.sql("UPDATE identity_user SET " + assignment + ", updated_at = :now WHERE id = :id")
                .param("id", id).param("v", value).param("now", Timestamp.from(clock.instant())).update();
    }

    static Set<String> csv(String text) {
        return text == null || text.isBlank() ? Set.of()
                : java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
