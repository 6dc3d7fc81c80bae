package org.fusioncell.monitoring.internal;

import org.fusioncell.monitoring.trends.geo.Boundaries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Escalation runs on a schedule; so do the delivery sweeps. The shipped boundaries are read once. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MonitoringConfiguration {

    /** Incidents (admin-1 codes from area names) and trends (the map) share one cache of boundaries. */
    @Bean
    Boundaries boundaries() {
        return new Boundaries();
    }
}
