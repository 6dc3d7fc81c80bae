package org.fusioncell.cases.response;

import java.util.Locale;
import java.util.Optional;

/** What a casualty or victim figure counts. */
public enum FigureCategory {
    KILLED,
    INJURED,
    MISSING,
    HOSTAGES,
    AFFECTED;

    public static Optional<FigureCategory> parse(String text) {
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
