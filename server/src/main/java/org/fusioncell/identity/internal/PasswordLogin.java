package org.fusioncell.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first factor. Counts failures per account and locks it for a while after too many; a locked,
 * inactive or unknown account gets the same answer as a wrong password (no account enumeration), and
 * an unknown name still costs one bcrypt check (no timing oracle). A user cleared above the lowest
 * level comes out "pending" and must pass the TOTP step before anything else.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

    static final String TOTP_PENDING = "TOTP_PENDING";
    private final JdbcUsers users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final IdentityProperties properties;
    private final ClassificationScheme scheme;
    private final Clock clock;
    private final String dummyHash;

    PasswordLogin(JdbcUsers users, PasswordEncoder passwords, AuditLog audit, IdentityProperties properties,
                  ClassificationScheme scheme, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.properties = properties;
        this.scheme = scheme;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-password-" + System.nanoTime());
    }

    /** The authentication between the two factors: no roles, only the right to reach the TOTP step. */
    record PendingLogin(String userId) {
    }

    @Override
    @Transactional(noRollbackFor = BadCredentialsException.class)
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getPrincipal());
        String password = String.valueOf(authentication.getCredentials());
        var found = users.findByUsername(username.toLowerCase(java.util.Locale.ROOT));
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            audit.record(new AuditRecord(AuditAction.LOGIN_FAILED, null, null, "user", List.of(), null, null,
                    "UNKNOWN_ACCOUNT", Map.of()));
            throw new BadCredentialsException("bad credentials");
        }
        StoredUser user = found.get();
        Instant now = clock.instant();
        boolean passwordOk = passwords.matches(password, user.passwordHash());
        if (!user.active()) {
            failure(user, "INACTIVE");
        }
        if (user.lockedAt(now)) {
            failure(user, "LOCKED");
        }
        if (!passwordOk) {
            countFailure(user, now, "BAD_PASSWORD");
        }
        if (needsTotp(user)) {
            return UsernamePasswordAuthenticationToken.authenticated(new PendingLogin(user.id()), null,
                    List.of(new SimpleGrantedAuthority(TOTP_PENDING)));
        }
        users.clearFailures(user.id());
        return LoginSuccess.fullAuthentication(user);
    }

    public boolean needsTotp(StoredUser user) {
        return scheme.rank(user.clearance()).orElse(0) > 0;
    }

    /** Counts a failed first or second factor; locks the account when the limit is reached. */
    public void countFailure(StoredUser user, Instant now, String outcome) {
        int failures = (user.lockedUntil() != null && !user.lockedAt(now) ? 0 : user.failedLogins()) + 1;
        if (failures >= properties.maxFailedLogins()) {
            users.recordFailure(user.id(), 0, now.plus(properties.lockout()));
            failure(user, "LOCKED_OUT");
        }
        users.recordFailure(user.id(), failures, null);
        failure(user, outcome);
    }

    private void failure(StoredUser user, String outcome) {
        audit.record(new AuditRecord(AuditAction.LOGIN_FAILED, user.id(), user.organisationId(), "user",
                List.of(user.id()), null, null, outcome, Map.of()));
        throw new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static Set<String> noScopes() {
        return Set.of();
    }
}
