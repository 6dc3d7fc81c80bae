package org.fusioncell.exchange.rfi;

import java.util.Locale;
import java.util.Optional;

/** A report or entity attached to a response, by id. The item keeps its own marking. */
public record Attachment(ItemType itemType, String itemId) {

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
}
