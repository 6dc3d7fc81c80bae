package org.fusioncell.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless and knows only bearer tokens, with scopes
 * checked per method; errors are RFC 9457 problem details. Everything else is the browser UI: form
 * login, a TOTP step for cleared users, sessions with CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** bcrypt from Spring Security; Argon2id would be preferable but its encoder needs Bouncy Castle. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JdbcApiTokens tokens, JdbcUsers users, Clock clock) throws Exception {
        var admin = AuthorizationManagers.allOf(scope("admin"), role(Role.ADMINISTRATOR));
        var adminWrite = AuthorizationManagers.allOf(scope("write"), scope("admin"), role(Role.ADMINISTRATOR));
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new ApiTokenFilter(tokens, users, clock), AnonymousAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/v1/openapi.yaml", "/api/v1/openapi.json").permitAll()
                        .requestMatchers("/api/v1/admin/**").access(admin)
                        .requestMatchers("/api/v1/audit/**").access(AuthorizationManagers.allOf(scope("audit"), role(Role.AUDITOR)))
                        .requestMatchers("/api/v1/oversight/**").access(scope("audit"))
                        .requestMatchers(HttpMethod.GET, "/api/**").access(scope("read"))
                        .requestMatchers(HttpMethod.HEAD, "/api/**").access(scope("read"))
                        .requestMatchers("/api/v1/organisations/**", "/api/v1/agreements/**").access(adminWrite)
                        // a match query reads (docs/hashbanks.md): POST only because it carries a hash or a file
                        .requestMatchers(HttpMethod.POST, "/api/v1/hash-banks/matches", "/api/v1/hash-banks/matches/files")
                        .access(scope("read"))
                        .anyRequest().access(scope("write")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(request, response, 401,
                                "unauthenticated", "Unauthenticated", "Send a valid API token: Authorization: Bearer <token>."))
                        .accessDeniedHandler((request, response, ex) -> problem(request, response, 403, "forbidden",
                                "Forbidden", "This token's scopes or its owner's roles do not allow this request.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, PasswordLogin passwordLogin, LoginSuccess loginSuccess,
                                 SecurityContextRepository contexts) throws Exception {
        http.authenticationManager(new ProviderManager(passwordLogin))
                .securityContext(c -> c.securityContextRepository(contexts))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login")
                        .successHandler(loginSuccess).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").addLogoutHandler(loginSuccess).logoutSuccessUrl("/login?logout"))
                .authorizeHttpRequests(a -> a
                        // form login's own permitAll matches "/login" without a query: "/login?lang=ar" needs this
                        .requestMatchers("/login").permitAll()
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health/**").permitAll()
                        .requestMatchers("/login/totp").hasAuthority(PasswordLogin.TOTP_PENDING)
                        .requestMatchers("/admin/**").access(fully(role(Role.ADMINISTRATOR)))
                        .requestMatchers("/audit/**").access(fully(role(Role.AUDITOR)))
                        .anyRequest().access(fully(null)))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, ex) -> {
                    if (TotpStep.pendingUser(org.springframework.security.core.context.SecurityContextHolder
                            .getContext().getAuthentication()).isPresent()) {
                        response.sendRedirect(request.getContextPath() + "/login/totp");
                    } else {
                        response.sendError(403);
                    }
                }));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> scope(String scope) {
        return AuthorityAuthorizationManager.hasAuthority("SCOPE_" + scope);
    }

    private static AuthorizationManager<RequestAuthorizationContext> role(Role role) {
        return AuthorityAuthorizationManager.hasRole(role.name());
    }

    /** Both factors passed (a pending login between password and TOTP is not enough), and the role if given. */
    private static AuthorizationManager<RequestAuthorizationContext> fully(
            AuthorizationManager<RequestAuthorizationContext> and) {
        AuthorizationManager<RequestAuthorizationContext> full = (authentication, context) -> {
            Authentication a = authentication.get();
            return new AuthorizationDecision(a != null && a.isAuthenticated()
                    && a.getPrincipal() instanceof FusionCellPrincipal);
        };
        return and == null ? full : AuthorizationManagers.allOf(full, and);
    }

    /**
     * The refusal as problem details — or, under the TAXII 2.1 server ({@code /api/taxii2/}), as the TAXII error
     * message resource its clients expect, in the TAXII media type.
     */
    private static void problem(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, int status,
                                String type, String title, String detail) throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/taxii2")) {
            response.setContentType("application/taxii+json;version=2.1");
            response.getWriter().write("{\"title\":\"" + title + "\",\"description\":\"" + detail
                    + "\",\"http_status\":\"" + status + "\"}");
            return;
        }
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"https://fusioncell.org/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}
