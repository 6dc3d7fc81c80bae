package org.fusioncell.monitoring.trends;

import org.fusioncell.monitoring.incidents.IncidentStatistics;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives a test application the UCDP events as its incident statistics, so that the trends pages and API
 * can be exercised before (and independently of) the incidents module's SQL implementation.
 */
@TestConfiguration(proxyBeanMethods = false)
public class UcdpStatisticsConfiguration {

    @Bean
    @Primary
    IncidentStatistics ucdpIncidentStatistics() {
        return UcdpIncidentStatistics.loadOrEmpty();
    }
}
