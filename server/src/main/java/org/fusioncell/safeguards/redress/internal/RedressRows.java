package org.fusioncell.safeguards.redress.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.fusioncell.names.BirthDate;
import org.fusioncell.safeguards.redress.RedressFiling;
import org.fusioncell.safeguards.redress.RedressPerson;
import org.fusioncell.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** The checks of a filing, naming the field at fault, and the person's particulars as stored JSON. */
final class RedressRows {

    static final Set<String> LANGUAGES = Set.of("ar", "fr", "en");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RedressRows() {
    }

    /** The person as stored: the date of birth as its range, so that "1975" stays a year. */
    record Stored(List<String> names, @Nullable String birthFrom, @Nullable String birthTo, @Nullable String nationality,
                  @Nullable String document) {
    }

    static String checked(RedressFiling f) {
        RedressPerson p = f.person();
        if (p.names().isEmpty() || p.names().stream().allMatch(n -> n == null || n.isBlank())) {
            throw new InvalidInputException("names", "at least one name is required");
        }
        for (String n : p.names()) {
            if (n != null && n.strip().length() > 1000) {
                throw new InvalidInputException("names", "a name is at most 1,000 characters");
            }
        }
        if (!LANGUAGES.contains(f.language())) {
            throw new InvalidInputException("language", "one of ar, fr, en");
        }
        if (f.contact() == null || f.contact().isBlank() || f.contact().strip().length() > 1000) {
            throw new InvalidInputException("contact", "required (how to reach the person), at most 1,000 characters");
        }
        if (f.representative() != null && f.representative().strip().length() > 500) {
            throw new InvalidInputException("representative", "at most 500 characters");
        }
        if (f.statement() != null && f.statement().strip().length() > JdbcRedress.MAX_TEXT) {
            throw new InvalidInputException("statement", "at most " + JdbcRedress.MAX_TEXT + " characters");
        }
        if (p.document() != null && p.document().strip().length() > 100) {
            throw new InvalidInputException("document", "at most 100 characters");
        }
        BirthDate b = p.birthDate();
        return JSON.writeValueAsString(new Stored(p.names().stream().filter(n -> n != null && !n.isBlank())
                .map(String::strip).toList(), b == null ? null : b.earliest().toString(),
                b == null ? null : b.latest().toString(), p.nationality(), blankToNull(p.document())));
    }

    static RedressPerson person(String json) {
        Stored s = JSON.readValue(json, Stored.class);
        return new RedressPerson(s.names(), s.birthFrom() == null ? null
                : new BirthDate(LocalDate.parse(s.birthFrom()), LocalDate.parse(s.birthTo())), s.nationality(), s.document());
    }

    static String text(String field, String text, boolean required) {
        String t = text == null ? "" : text.strip();
        if ((required && t.isEmpty()) || t.length() > JdbcRedress.MAX_TEXT) {
            throw new InvalidInputException(field, (required ? "required, " : "") + "at most " + JdbcRedress.MAX_TEXT
                    + " characters");
        }
        return t;
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
