package org.fusioncell.assessment;

import java.util.Locale;
import java.util.Optional;

/** The cell's products; each has its own bulletin template. */
public enum ProductType {
    THREAT_ASSESSMENT,
    SITUATION_REPORT,
    PARTNER_ALERT;

    public static Optional<ProductType> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code threat-assessment}: the form used in paths and template names. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
