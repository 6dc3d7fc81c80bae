package org.fusioncell.audit.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is reading the log. Until identity's principal exists, the authentication's name is the user
 * id and the organisation is unknown; switching to {@code FusionCellPrincipal} happens here only.
 */
final class CurrentAuditor {

    private CurrentAuditor() {
    }

    static String userId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    static String organisationId() {
        return null;
    }
}
