package org.fusioncell.identity.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Checks one value at a time and throws {@link InvalidField} for the first bad one. */
@Component
public class Validation {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private final MessageSource messages;

    Validation(MessageSource messages) {
        this.messages = messages;
    }

    public InvalidField fail(String field, String key, Object... args) {
        String english = messages.getMessage("identity.error." + key, args, key, Locale.ENGLISH);
        return new InvalidField(field, english, "identity.error." + key, args);
    }

    public String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw fail(field, "required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw fail(field, "tooLong", max);
        }
        return v;
    }

    public <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw fail(field, "required");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(field, "oneOf", String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    public String country(String value, String field) {
        String v = text(value, field, 2).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(v)) {
            throw fail(field, "country");
        }
        return v;
    }

    public LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw fail(field, "date");
        }
    }

    public String level(org.fusioncell.access.ClassificationScheme scheme, String value, String field) {
        if (value == null || value.isBlank()) {
            throw fail(field, "required");
        }
        return scheme.rank(value).map(scheme::level)
                .orElseThrow(() -> fail(field, "oneOf", String.join(", ", scheme.levels())));
    }

    static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
