package org.fusioncell.identity;

import org.fusioncell.audit.AuditActor;
import org.springframework.security.core.AuthenticatedPrincipal;
import java.util.Set;

/**
 * The principal of every fully authenticated request, by session or by API token. {@code tokenScopes}
 * is empty for sessions; for a token it holds {@code read}, {@code write}, {@code admin}, {@code audit}.
 */
public record FusionCellPrincipal(String userId, String username, String displayName, String organisationId,
                                  Set<Role> roles, Set<String> tokenScopes)
        implements AuditActor, AuthenticatedPrincipal {

    public FusionCellPrincipal {
        roles = Set.copyOf(roles);
        tokenScopes = Set.copyOf(tokenScopes);
    }

    /** The user id, so that {@code Authentication.getName()} names the user without personal data. */
    @Override
    public String getName() {
        return userId;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
