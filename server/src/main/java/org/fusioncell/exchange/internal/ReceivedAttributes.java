package org.fusioncell.exchange.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.IdentifierKeys;
import org.fusioncell.shared.InvalidInputException;

/**
 * The shape of the attributes a FusionCell extension brings for entities without an identifier key (people,
 * groups, incidents, places without coordinates), as the entities module stores them: names as
 * {@code {value, script}} objects, partial dates, ISO country codes. Identifier entities are checked by the
 * entities module itself ({@link IdentifierKeys#keyOf}). Anything else is refused naming the field, so that
 * what an import stores reads like what an analyst records.
 */
final class ReceivedAttributes {

    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Map<EntityType, Set<String>> ALLOWED = Map.of(
            EntityType.PERSON, Set.of("names", "aliases", "dateOfBirth", "nationality", "gender", "documents"),
            EntityType.GROUP, Set.of("name", "aliases"),
            EntityType.INCIDENT, Set.of("title", "date"),
            EntityType.LOCATION, Set.of("name", "latitude", "longitude"));

    private ReceivedAttributes() {
    }

    static void check(EntityType type, Map<String, Object> a, String field, IdentifierKeys keys) {
        Set<String> allowed = ALLOWED.get(type);
        if (allowed == null) {
            return;
        }
        for (String k : a.keySet()) {
            if (!allowed.contains(k)) {
                throw new InvalidInputException(field + "." + k, "not an attribute of a " + type.name().toLowerCase());
            }
        }
        switch (type) {
            case PERSON -> {
                names(a.get("names"), field + ".names", true);
                names(a.get("aliases"), field + ".aliases", false);
                pattern(a.get("dateOfBirth"), PARTIAL_DATE, field + ".dateOfBirth", "a date yyyy, yyyy-mm or yyyy-mm-dd");
                pattern(a.get("nationality"), COUNTRY, field + ".nationality", "an ISO 3166 alpha-2 country code");
                if (a.get("gender") != null && !List.of("MALE", "FEMALE", "UNKNOWN").contains(a.get("gender"))) {
                    throw new InvalidInputException(field + ".gender", "one of MALE, FEMALE, UNKNOWN");
                }
                if (a.get("documents") != null) {
                    if (!(a.get("documents") instanceof List<?> docs)) {
                        throw new InvalidInputException(field + ".documents", "a list of identity documents");
                    }
                    for (int i = 0; i < docs.size(); i++) {
                        if (!(docs.get(i) instanceof Map<?, ?> d)) {
                            throw new InvalidInputException(field + ".documents[" + i + "]", "an identity document");
                        }
                        @SuppressWarnings("unchecked")
                        Map<String, Object> doc = (Map<String, Object>) d;
                        keys.keyOf(EntityType.IDENTITY_DOCUMENT, doc, field + ".documents[" + i + "]");
                    }
                }
            }
            case GROUP -> {
                text(a.get("name"), field + ".name", true);
                names(a.get("aliases"), field + ".aliases", false);
            }
            case INCIDENT -> {
                text(a.get("title"), field + ".title", true);
                pattern(a.get("date"), PARTIAL_DATE, field + ".date", "a date yyyy, yyyy-mm or yyyy-mm-dd");
            }
            default -> { // LOCATION without coordinates (with them, the entities module checks it)
                text(a.get("name"), field + ".name", a.get("latitude") == null);
            }
        }
    }

    private static void names(Object value, String field, boolean required) {
        if (value == null && !required) {
            return;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidInputException(field, "a non-empty list of names");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> name) || !(name.get("value") instanceof String v) || v.isBlank()
                    || v.length() > 300) {
                throw new InvalidInputException(field + "[" + i + "]", "a name {value, script} of 1 to 300 characters");
            }
        }
    }

    private static void text(Object value, String field, boolean required) {
        if (value == null && !required) {
            return;
        }
        if (!(value instanceof String s) || s.isBlank() || s.length() > 300) {
            throw new InvalidInputException(field, "text of 1 to 300 characters");
        }
    }

    private static void pattern(Object value, Pattern p, String field, String what) {
        if (value != null && (!(value instanceof String s) || !p.matcher(s).matches())) {
            throw new InvalidInputException(field, what);
        }
    }
}
