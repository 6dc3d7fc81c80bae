package org.fusioncell.monitoring;

/** How urgent a watch's alerts are; channels and escalation read it (higher is more urgent). */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
