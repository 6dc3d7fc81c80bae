package org.fusioncell.cases.requirements;

import java.util.Locale;
import java.util.Optional;

/** Where a requirement stands; every change names its reason. */
public enum RequirementStatus {
    ACTIVE,
    SATISFIED,
    CANCELLED;

    public static Optional<RequirementStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
