package org.fusioncell.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditQuery;
import org.fusioncell.shared.InvalidInputException;

/**
 * The filters as typed, shared by the page and the API. Times are an ISO instant with offset, or a
 * date (UTC): {@code from} a date means its start, {@code to} a date includes that whole day.
 */
record AuditFilters(String actor, String organisation, String action, String objectType, String objectId,
                    String from, String to) {

    private static final int MAX_LENGTH = 200;

    AuditQuery toQuery() {
        return new AuditQuery(text("actor", actor), text("organisation", organisation), parsedAction(),
                text("objectType", objectType), text("objectId", objectId), time("from", from, false),
                time("to", to, true));
    }

    private AuditAction parsedAction() {
        String value = text("action", action);
        if (value == null) {
            return null;
        }
        try {
            return AuditAction.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("action", "unknown action");
        }
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "at most " + MAX_LENGTH + " characters");
        }
        return value.strip();
    }

    private static Instant time(String field, String value, boolean endOfDay) {
        String v = text(field, value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "expected a date (2026-01-31) or a date-time with offset "
                    + "(2026-01-31T08:00:00Z)");
        }
    }
}
