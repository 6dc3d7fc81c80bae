package org.fusioncell.safeguards.oversight.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.fusioncell.audit.AuditActor;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in auditor (or data-protection officer) as the audit log names them, and the period they ask for. */
final class Overseer {

    private Overseer() {
    }

    static AuditActor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
            return actor;
        }
        throw new IllegalStateException("nobody is signed in");
    }

    /** A date (the start of that day, UTC) or a date-time with offset. */
    static Instant start(String field, String text) {
        return parse(field, text, false);
    }

    /** A date includes that whole day (UTC); a date-time is exclusive. */
    static Instant end(String field, String text) {
        return parse(field, text, true);
    }

    private static Instant parse(String field, String text, boolean wholeDay) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return (wholeDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date (2026-01-31) or a date-time with offset");
        }
    }
}
