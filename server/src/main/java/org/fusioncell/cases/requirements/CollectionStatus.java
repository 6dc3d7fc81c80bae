package org.fusioncell.cases.requirements;

import java.util.Locale;
import java.util.Optional;

/** A collection task's state: OPEN → ACKNOWLEDGED (by the agency) → ANSWERED (a report linked) → CLOSED. */
public enum CollectionStatus {
    OPEN,
    ACKNOWLEDGED,
    ANSWERED,
    CLOSED;

    public static Optional<CollectionStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Still waiting for the agency: these tasks become overdue and count as gaps. */
    public boolean waiting() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}
