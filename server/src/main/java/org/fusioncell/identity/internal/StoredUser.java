package org.fusioncell.identity.internal;

import java.time.Instant;
import java.util.Set;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.Role;

/** A user row with roles and caveats. The password hash and TOTP secret never leave the module. */
public record StoredUser(String id, String username, String displayName, String organisationId, String passwordHash,
                         String clearance, String totpSecret, Long totpLastStep, int failedLogins,
                         Instant lockedUntil, boolean active, Set<Role> roles, Set<String> caveats) {

    public FusionCellPrincipal principal(Set<String> tokenScopes) {
        return new FusionCellPrincipal(id, username, displayName, organisationId, roles, tokenScopes);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
