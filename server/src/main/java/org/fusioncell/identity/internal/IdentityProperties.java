package org.fusioncell.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fusioncell.identity.*}: failed logins before lockout and its length; whether the demo
 * organisations and users are seeded (profile {@code dev} only).
 */
@ConfigurationProperties("fusioncell.identity")
public record IdentityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
                                 @DefaultValue("false") boolean demoData) {
}
