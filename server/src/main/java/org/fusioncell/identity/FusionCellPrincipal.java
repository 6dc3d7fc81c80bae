package org.fusioncell.identity;

import java.util.Set;

/**
 * The principal of every fully authenticated request, by session or by API token. {@code tokenScopes}
 * is empty for sessions; for a token it holds {@code read}, {@code write}, {@code admin}, {@code audit}.
 */
public record FusionCellPrincipal(String userId, String username, String displayName, String organisationId,
                                  Set<Role> roles, Set<String> tokenScopes) {

    public FusionCellPrincipal {
        roles = Set.copyOf(roles);
        tokenScopes = Set.copyOf(tokenScopes);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
