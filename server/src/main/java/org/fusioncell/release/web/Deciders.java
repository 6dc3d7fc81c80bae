package org.fusioncell.release.web;

import java.util.Set;
import org.fusioncell.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who decides for the holder organisation: its supervisors and analysts. */
final class Deciders {

    private static final Set<String> ROLES = Set.of(Role.SUPERVISOR.authority(), Role.ANALYST.authority());

    private Deciders() {
    }

    static boolean current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ROLES::contains);
    }
}
