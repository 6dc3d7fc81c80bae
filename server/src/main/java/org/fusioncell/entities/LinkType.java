package org.fusioncell.entities;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How two entities relate, as a report asserts it. */
public enum LinkType {
    MEMBER_OF, ASSOCIATE_OF, FAMILY, CONTACTED, TRAVELLED_WITH, FINANCED, LOCATED_AT, OWNS, USED;

    public static Optional<LinkType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(t -> t.name().equals(v)).findFirst();
    }
}
