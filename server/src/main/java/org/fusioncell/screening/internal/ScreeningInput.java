package org.fusioncell.screening.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.NameParser;
import org.fusioncell.names.Countries;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.screening.SubjectDocument;
import org.fusioncell.shared.InvalidInputException;

/**
 * Checks what a caller gives to screen — a query's fields or a batch row's cells — and builds the
 * query, naming the field that is wrong. Values are never echoed: they are personal data. Plain Java.
 */
public final class ScreeningInput {

    public static final int MAX_NAME = 300;
    public static final int MAX_DOCUMENT = 50;

    private ScreeningInput() {
    }

    /** Any of the optional values may be null or blank. Several nationalities or documents are separated by ';'. */
    public static ScreeningQuery query(String name, String birthDate, String nationality, String document,
                                       String gender, Fields fields) {
        return new ScreeningQuery(List.of(name(name, fields.name())), birthDate(birthDate, fields.birthDate()),
                nationalities(nationality, fields.nationality()), gender(gender, fields.gender()),
                documents(document, fields.document()));
    }

    /** The names the caller's fields have (JSON properties or CSV columns). */
    public record Fields(String name, String birthDate, String nationality, String document, String gender) {
        public static final Fields JSON = new Fields("name", "dateOfBirth", "nationality", "document", "gender");
        public static final Fields CSV = new Fields("name", "dob", "nationality", "document", "gender");
    }

    static String name(String text, String field) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException(field, "required");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException(field, "at most " + MAX_NAME + " characters");
        }
        NameParser.refusal(name).ifPresent(reason -> {
            throw new InvalidInputException(field, reason);
        });
        return name;
    }

    static BirthDate birthDate(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return BirthDate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "not a date of birth: write YYYY, YYYY-MM, YYYY-MM-DD, DD/MM/YYYY "
                    + "or YYYY..YYYY");
        }
    }

    static Set<String> nationalities(String text, String field) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                out.add(Countries.code(part).orElseThrow(() -> new InvalidInputException(field,
                        "names no country: give an ISO 3166 code (MR, DZA…) or a country name")));
            }
        }
        return out;
    }

    static Subject.Gender gender(String text, String field) {
        if (text == null || text.isBlank()) {
            return Subject.Gender.UNKNOWN;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "M", "MALE", "H", "HOMME" -> Subject.Gender.MALE;
            case "F", "FEMALE", "FEMME" -> Subject.Gender.FEMALE;
            case "U", "X", "UNKNOWN" -> Subject.Gender.UNKNOWN;
            default -> throw new InvalidInputException(field, "one of M, F, U (or MALE, FEMALE, UNKNOWN)");
        };
    }

    static List<SubjectDocument> documents(String text, String field) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).map(number -> {
            if (number.length() > MAX_DOCUMENT || !number.matches("[\\p{L}\\p{N} /.-]+")) {
                throw new InvalidInputException(field, "a document number is letters, digits, ' ', '/', '.' or '-', "
                        + "at most " + MAX_DOCUMENT + " characters");
            }
            return new SubjectDocument("", number, null);
        }).toList();
    }
}
