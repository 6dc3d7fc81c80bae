package org.fusioncell.access.internal;

import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessConfiguration.AccessProperties.class)
class AccessConfiguration {

    /** {@code fusioncell.access.*}: the installation's classification scheme, lowest first. */
    @ConfigurationProperties("fusioncell.access")
    record AccessProperties(List<String> classificationLevels) {
    }

    @Bean
    ClassificationScheme classificationScheme(AccessProperties properties) {
        return properties.classificationLevels() == null || properties.classificationLevels().isEmpty()
                ? ClassificationScheme.DEFAULT
                : new ClassificationScheme(properties.classificationLevels());
    }
}
