package org.fusioncell.screening.manifest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A travel document from a DOC segment group.
 *
 * @param type the document name code as sent (P passport, V visa, I or ID identity card, …)
 * @param issuingCountry ISO 3166 alpha-2, lower case (LOC+91), or null when not given or not a country
 * @param expiry DTM+36, or null when not given
 */
public record TravelDocument(String type, String number, String issuingCountry, LocalDate expiry) {

    public TravelDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
    }
}
