package org.fusioncell.monitoring.incidents.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ISO 3166-1 alpha-3 codes for incidents: a code as given, or a country name resolved by the names
 * module's {@link org.fusioncell.names.Countries} (English, French, Arabic, long and dataset forms). UCDP
 * writes former names in parentheses ("Yemen (North Yemen)"): the part before them is tried too.
 */
public final class Countries {

    private static final Set<String> CODES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    private Countries() {
    }

    public static boolean isCode(String iso3) {
        return iso3 != null && CODES.contains(iso3);
    }

    /** A code as given ({@code syr} or {@code SYR}), or the code of a country name. */
    public static Optional<String> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.length() == 3 && isCode(t.toUpperCase(Locale.ROOT))) {
            return Optional.of(t.toUpperCase(Locale.ROOT));
        }
        Optional<String> alpha2 = org.fusioncell.names.Countries.code(t);
        if (alpha2.isEmpty() && t.indexOf('(') > 0) {
            alpha2 = org.fusioncell.names.Countries.code(t.substring(0, t.indexOf('(')));
        }
        return alpha2.map(a2 -> Locale.of("", a2.toUpperCase(Locale.ROOT)).getISO3Country());
    }
}
