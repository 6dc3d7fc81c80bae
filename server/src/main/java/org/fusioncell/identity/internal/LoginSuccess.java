package org.fusioncell.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** After the password: on to the TOTP step, or (no second factor needed) logged in and audited. */
@Component
public class LoginSuccess implements AuthenticationSuccessHandler, LogoutHandler {

    private final AuditLog audit;

    LoginSuccess(AuditLog audit) {
        this.audit = audit;
    }

    public static Authentication fullAuthentication(StoredUser user) {
        return authentication(user.principal(Set.of()), List.of());
    }

    public static Authentication authentication(FusionCellPrincipal principal, List<String> extraAuthorities) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : principal.roles()) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        for (String scope : principal.tokenScopes()) {
            authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope));
        }
        extraAuthorities.forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    @Transactional
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        if (authentication.getPrincipal() instanceof FusionCellPrincipal p) {
            loggedIn(p);
            response.sendRedirect(request.getContextPath() + "/");
        } else {
            response.sendRedirect(request.getContextPath() + "/login/totp");
        }
    }

    void loggedIn(FusionCellPrincipal p) {
        audit.record(AuditRecord.of(AuditAction.LOGIN, p.userId(), p.organisationId(), "user", List.of(p.userId())));
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof FusionCellPrincipal p) {
            audit.record(AuditRecord.of(AuditAction.LOGOUT, p.userId(), p.organisationId(), "user", List.of(p.userId())));
        }
    }
}
