package org.fusioncell.screening;

import java.util.Locale;
import java.util.Optional;

/** A reviewer's decision on a hit. */
public enum Review {
    CONFIRM, DISMISS, ESCALATE;

    public static Optional<Review> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (Review r : values()) {
            if (r.name().equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
