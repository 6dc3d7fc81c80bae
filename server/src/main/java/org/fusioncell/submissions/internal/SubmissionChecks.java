package org.fusioncell.submissions.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.submissions.Submission;

/** Checks of a submission's fields; each refusal names its field. */
final class SubmissionChecks {

    private SubmissionChecks() {
    }

    static Submission.Kind kind(String value) {
        try {
            return Submission.Kind.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "one of " + List.of(Submission.Kind.values()));
        }
    }

    static LocalDate observed(String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return today;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.isAfter(today)) {
                throw new InvalidInputException("observedOn", "cannot be in the future");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("observedOn", "a date as YYYY-MM-DD");
        }
    }

    static String text(String field, String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "required");
            }
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return v;
    }
}
