package org.fusioncell.safeguards.oversight.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessReviewSettings.class)
class OversightConfiguration {
}
