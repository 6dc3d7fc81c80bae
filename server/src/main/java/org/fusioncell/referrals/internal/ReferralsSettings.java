package org.fusioncell.referrals.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code fusioncell.referrals.*} (docs/referrals.md).
 *
 * @param remindAfter how long a platform may leave a referral unanswered (not acknowledged or no outcome) before it
 *                    and the referring analyst are reminded, and again after each reminder; default two days
 * @param policy      where the inclusion policy is read from (a Spring resource location); default the policy
 *                    shipped with the application, {@code classpath:referrals/inclusion-policy.json}
 */
@ConfigurationProperties("fusioncell.referrals")
public record ReferralsSettings(Duration remindAfter, String policy) {

    public ReferralsSettings {
        remindAfter = remindAfter == null ? Duration.ofDays(2) : remindAfter;
        if (remindAfter.isNegative() || remindAfter.isZero()) {
            throw new IllegalArgumentException("fusioncell.referrals.remind-after must be positive");
        }
        policy = policy == null || policy.isBlank() ? "classpath:referrals/inclusion-policy.json" : policy.strip();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReferralsSettings.class)
    static class Registration {
    }
}
