package org.fusioncell.audit.web;

import org.fusioncell.audit.AuditActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is reading the log: the authenticated principal, which identity makes an {@link AuditActor}.
 */
final class CurrentAuditor {

    private CurrentAuditor() {
    }

    static String userId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    static String organisationId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuditActor actor
                ? actor.organisationId() : null;
    }
}
