package org.fusioncell.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContext;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Runs a MockMvc test as a fully authenticated FusionCell user (both factors passed, or a token
 * with {@link #scopes()}), with the authorities the real filters grant: {@code ROLE_<role>} and
 * {@code SCOPE_<scope>}. The user need not exist in the database unless the code under test reads it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@WithSecurityContext(factory = WithFusionCellUser.Factory.class)
public @interface WithFusionCellUser {

    String userId() default "test-user";

    String organisationId() default "test-organisation";

    Role[] roles() default {Role.ANALYST};

    String[] scopes() default {};

    final class Factory implements WithSecurityContextFactory<WithFusionCellUser> {
        @Override
        public SecurityContext createSecurityContext(WithFusionCellUser user) {
            Set<Role> roles = Set.of(user.roles());
            Set<String> scopes = Set.of(user.scopes());
            FusionCellPrincipal principal = new FusionCellPrincipal(user.userId(), user.userId(), "Test user",
                    user.organisationId(), roles, scopes);
            List<GrantedAuthority> authorities = new ArrayList<>();
            roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
            authorities.addAll(Arrays.stream(user.scopes()).map(s -> new SimpleGrantedAuthority("SCOPE_" + s))
                    .collect(Collectors.toSet()));
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
            return context;
        }
    }
}
