package org.fusioncell.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API: a token that is unknown, expired, revoked or whose
 * user is inactive leaves the request unauthenticated (answered 401 by the entry point). The request's
 * authorities are the owner's roles plus {@code SCOPE_<scope>} for each of the token's scopes.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final JdbcApiTokens tokens;
    private final JdbcUsers users;
    private final Clock clock;

    ApiTokenFilter(JdbcApiTokens tokens, JdbcUsers users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String plaintext = header.substring(7).strip();
            if (plaintext.startsWith(JdbcApiTokens.PREFIX) && plaintext.length() < 200) {
                tokens.findByPlaintext(plaintext).filter(t -> t.usableAt(clock.instant())).ifPresent(t ->
                        users.find(t.userId()).filter(StoredUser::active).ifPresent(u -> {
                            tokens.touch(t);
                            var context = new SecurityContextImpl(
                                    LoginSuccess.authentication(u.principal(t.scopes()), List.of()));
                            SecurityContextHolder.setContext(context);
                        }));
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
