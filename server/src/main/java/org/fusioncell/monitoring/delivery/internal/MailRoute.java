package org.fusioncell.monitoring.delivery.internal;

import org.fusioncell.monitoring.delivery.ChannelSettings;
import org.fusioncell.monitoring.delivery.EmailMode;

/** Where a notice goes by mail under a user's settings (rules in {@link EmailMode}). */
enum MailRoute {
    NONE,
    IMMEDIATE,
    HOURLY,
    DAILY;

    static MailRoute of(ChannelSettings settings, Severity severity) {
        if (settings.emailMode() == EmailMode.OFF || settings.email() == null || settings.email().isBlank()) {
            return NONE;
        }
        Severity floor = Severity.parse(settings.immediateSeverity()).orElse(null);
        if (floor == null && settings.emailMode() == EmailMode.IMMEDIATE) {
            floor = Severity.LOW;
        }
        if (floor != null && severity.compareTo(floor) >= 0) {
            return IMMEDIATE;
        }
        return settings.emailMode() == EmailMode.HOURLY_DIGEST ? HOURLY : DAILY;
    }
}
