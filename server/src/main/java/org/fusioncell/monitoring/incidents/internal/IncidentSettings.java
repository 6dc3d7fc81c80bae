package org.fusioncell.monitoring.incidents.internal;

import java.util.List;
import java.util.Map;
import org.fusioncell.monitoring.incidents.IncidentVocabularies;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code fusioncell.incidents.*}: the field vocabularies and the largest import. */
@ConfigurationProperties("fusioncell.incidents")
record IncidentSettings(Map<String, List<String>> vocabularies, Integer maxImportRows) {

    int importRowLimit() {
        return maxImportRows == null ? 200_000 : maxImportRows;
    }

    @Configuration
    @EnableConfigurationProperties(IncidentSettings.class)
    static class Beans {

        @Bean
        IncidentVocabularies incidentVocabularies(IncidentSettings settings) {
            return new IncidentVocabularies(settings.vocabularies());
        }
    }
}
