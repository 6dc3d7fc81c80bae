package org.fusioncell.submissions.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The public submission form ({@code /contribute}) needs no login: its own filter chain, ahead of the application's,
 * lets anyone in, keeps CSRF protection (the form carries the token of the visitor's session) and the same headers,
 * and still knows a signed-in contributor from their session.
 */
@Configuration
class PublicSubmissionSecurity {

    static final String CSP = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain publicSubmissionChain(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        http.securityMatcher("/contribute", "/contribute/**")
                .securityContext(c -> c.securityContextRepository(contexts))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
