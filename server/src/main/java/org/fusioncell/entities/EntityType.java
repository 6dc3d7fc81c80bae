package org.fusioncell.entities;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of entity the graph holds. */
public enum EntityType {
    PERSON, GROUP, LOCATION, PHONE, EMAIL, ONLINE_ACCOUNT, VEHICLE, IDENTITY_DOCUMENT, FINANCIAL_ACCOUNT, INCIDENT, URL;

    public static Optional<EntityType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(t -> t.name().equals(v)).findFirst();
    }
}
