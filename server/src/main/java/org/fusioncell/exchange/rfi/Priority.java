package org.fusioncell.exchange.rfi;

import java.util.Locale;
import java.util.Optional;

/**
 * How urgently the requester needs the answer, in the precedence words message handling uses:
 * ROUTINE (days), PRIORITY (hours to a day), IMMEDIATE (within hours; threat to life). The due date is
 * set separately; the priority orders the inbox and sets how loud the notices are.
 */
public enum Priority {
    ROUTINE,
    PRIORITY,
    IMMEDIATE;

    public static Optional<Priority> parse(String text) {
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
