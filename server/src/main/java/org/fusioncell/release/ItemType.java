package org.fusioncell.release;

import java.util.Locale;
import java.util.Optional;

/** The kinds of marked item an access request can name. */
public enum ItemType {
    REPORT,
    ENTITY;

    public static Optional<ItemType> parse(String text) {
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
