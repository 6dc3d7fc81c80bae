package org.fusioncell.monitoring.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Escalation runs on a schedule; so do the delivery sweeps. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MonitoringConfiguration {
}
