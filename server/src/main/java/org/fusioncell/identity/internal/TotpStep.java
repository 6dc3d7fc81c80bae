package org.fusioncell.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.FusionCellPrincipal;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: checks a code against the enrolled secret, or, at first login, against the
 * secret being enrolled (which is stored only once a code confirms it). A wrong code counts towards
 * the lockout like a wrong password.
 */
@Service
public class TotpStep {

    public static final String ISSUER = "FusionCell";
    private final JdbcUsers users;
    private final PasswordLogin passwordLogin;
    private final AuditLog audit;
    private final Clock clock;

    TotpStep(JdbcUsers users, PasswordLogin passwordLogin, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwordLogin = passwordLogin;
        this.audit = audit;
        this.clock = clock;
    }

    /** The pending login's user id, if the authentication is between the two factors. */
    public static Optional<String> pendingUser(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof PasswordLogin.PendingLogin p
                ? Optional.of(p.userId()) : Optional.empty();
    }

    public Optional<StoredUser> user(String userId) {
        return users.find(userId);
    }

    /** Returns the full authentication, or empty when the code is wrong or the account locked meanwhile. */
    @Transactional(noRollbackFor = BadCredentialsException.class)
    public Optional<Authentication> verify(String userId, String code, String enrollingSecret) {
        StoredUser user = users.find(userId).orElse(null);
        Instant now = clock.instant();
        if (user == null || !user.active() || user.lockedAt(now)) {
            return Optional.empty();
        }
        String secret = user.totpSecret() != null ? user.totpSecret() : enrollingSecret;
        if (secret == null) {
            return Optional.empty();
        }
        OptionalLong step = Totp.matchingStep(secret, code, now, user.totpLastStep());
        if (step.isEmpty()) {
            try {
                passwordLogin.countFailure(user, now, "BAD_TOTP");
            } catch (BadCredentialsException expected) {
                return Optional.empty();
            }
        }
        if (user.totpSecret() == null) {
            users.setTotp(user.id(), enrollingSecret, step.getAsLong());
            audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, user.id(), user.organisationId(), "user",
                    List.of(user.id())).withDetails(java.util.Map.of("change", "second factor enrolled")));
        } else {
            users.setTotpLastStep(user.id(), step.getAsLong());
        }
        users.clearFailures(user.id());
        Authentication full = LoginSuccess.fullAuthentication(user);
        FusionCellPrincipal p = (FusionCellPrincipal) full.getPrincipal();
        audit.record(AuditRecord.of(AuditAction.LOGIN, p.userId(), p.organisationId(), "user", List.of(p.userId())));
        return Optional.of(full);
    }
}
