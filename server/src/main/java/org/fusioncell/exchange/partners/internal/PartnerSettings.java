package org.fusioncell.exchange.partners.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code fusioncell.exchange.partners.*}: plain http to a partner only on loopback when
 * {@code allowHttpLoopback}; {@code timeout} for each call to a partner.
 */
@ConfigurationProperties("fusioncell.exchange.partners")
public record PartnerSettings(boolean allowHttpLoopback, Duration timeout) {

    public PartnerSettings {
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PartnerSettings.class)
    static class Beans {
    }
}
