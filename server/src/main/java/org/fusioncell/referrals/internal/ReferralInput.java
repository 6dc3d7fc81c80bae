package org.fusioncell.referrals.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.fusioncell.shared.InvalidInputException;

/** Checks of what a client writes, each naming the field that is wrong. */
final class ReferralInput {

    static final int MAX_TEXT = 20_000;
    static final int MAX_NOTE = 2000;

    private ReferralInput() {
    }

    static String text(String field, String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return v;
    }

    static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required; one of " + allowed);
        }
        String v = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (!allowed.contains(v)) {
            throw new InvalidInputException(field, "one of " + allowed);
        }
        return Enum.valueOf(type, v);
    }

    /**
     * When the content was captured: an instant ({@code 2026-11-20T10:15:00Z}), a date-time with an offset, or a
     * local date-time as a browser's date-time field sends it (read as UTC); blank is now. Not in the future.
     */
    static Instant capturedAt(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return now;
        }
        String v = value.strip();
        Instant at;
        try {
            at = OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                at = LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new InvalidInputException("capturedAt", "not a date and time; write it as 2026-11-20T10:15:00Z");
            }
        }
        if (at.isAfter(now.plusSeconds(300))) {
            throw new InvalidInputException("capturedAt", "is in the future");
        }
        return at;
    }
}
