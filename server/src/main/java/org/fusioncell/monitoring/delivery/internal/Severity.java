package org.fusioncell.monitoring.delivery.internal;

import java.util.Locale;
import java.util.Optional;

/** Alert severities in rising order, as {@code AlertNotice.severity} names them. */
enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    static Optional<Severity> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
