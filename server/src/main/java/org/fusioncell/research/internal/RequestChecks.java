package org.fusioncell.research.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fusioncell.research.ResearchRequest.OutputForm;
import org.fusioncell.shared.InvalidInputException;

/** Checks of a request's fields; each refusal names its field. */
final class RequestChecks {

    static final String INCIDENTS = "incidents";
    static final int MAX_FIELDS = 6;

    private RequestChecks() {
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

    static LocalDate date(String field, String value) {
        String v = text(field, value, 10, true);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date as YYYY-MM-DD");
        }
    }

    static String datasetKind(String value) {
        String v = value == null || value.isBlank() ? INCIDENTS : value.strip().toLowerCase(Locale.ROOT);
        if (!INCIDENTS.equals(v)) {
            throw new InvalidInputException("datasetKind", "unknown dataset; one of [" + INCIDENTS + "]");
        }
        return v;
    }

    static List<ExportableField> fields(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidInputException("fields", "required: at least one of " + ExportableField.keys());
        }
        Set<ExportableField> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i);
            int index = i;
            out.add(ExportableField.of(name).orElseThrow(() -> new InvalidInputException("fields[" + index + "]",
                    "not an exportable field; one of " + ExportableField.keys())));
        }
        if (out.size() > MAX_FIELDS) {
            throw new InvalidInputException("fields", "at most " + MAX_FIELDS + " fields");
        }
        return new ArrayList<>(out);
    }

    static OutputForm output(String value) {
        if (value == null || value.isBlank()) {
            return OutputForm.AGGREGATES;
        }
        try {
            return OutputForm.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("output", "one of " + List.of(OutputForm.values()));
        }
    }

    static int atLeastTwo(String field, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < 2 || v > 1000) {
            throw new InvalidInputException(field, "from 2 to 1000");
        }
        return v;
    }

    static Double epsilon(Double value, OutputForm output) {
        if (value == null) {
            return null;
        }
        if (output != OutputForm.AGGREGATES) {
            throw new InvalidInputException("epsilon", "differentially private counts apply to aggregates only");
        }
        if (!(value >= 0.01 && value <= 10)) {
            throw new InvalidInputException("epsilon", "from 0.01 to 10");
        }
        return value;
    }
}
