package org.fusioncell.monitoring.incidents.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ISO 3166-1 alpha-3 codes from the JDK's own locale data (no hand-kept list), and English country names
 * to codes for datasets that give names ("Syria" → SYR). UCDP writes former names in parentheses
 * ("Yemen (North Yemen)"): the part before them is looked up. A few names differ from the JDK's wording.
 */
public final class Countries {

    private static final Set<String> CODES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
    private static final Map<String, String> BY_NAME = byName();

    private Countries() {
    }

    public static boolean isCode(String iso3) {
        return iso3 != null && CODES.contains(iso3);
    }

    /** A code as given ({@code syr} or {@code SYR}), or the code of an English country name. */
    public static Optional<String> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.length() == 3 && isCode(t.toUpperCase(Locale.ROOT))) {
            return Optional.of(t.toUpperCase(Locale.ROOT));
        }
        String key = key(t);
        String code = BY_NAME.get(key);
        if (code == null && t.contains("(")) {
            code = BY_NAME.get(key(t.substring(0, t.indexOf('('))));
        }
        return Optional.ofNullable(code);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ");
    }

    private static Map<String, String> byName() {
        Map<String, String> m = new HashMap<>();
        for (String a2 : Locale.getISOCountries()) {
            Locale l = Locale.of("", a2);
            String iso3 = l.getISO3Country();
            m.put(key(l.getDisplayCountry(Locale.ENGLISH)), iso3);
            m.putIfAbsent(key(l.getDisplayCountry(Locale.FRENCH)), iso3);
        }
        // names datasets (UCDP, ACLED, GTD) use where the JDK's English differs
        m.put("dr congo", "COD");
        m.put("democratic republic of congo", "COD");
        m.put("democratic republic of the congo", "COD");
        m.put("ivory coast", "CIV");
        m.put("bosnia-herzegovina", "BIH");
        m.put("russia", "RUS");
        m.put("syria", "SYR");
        m.put("iran", "IRN");
        m.put("laos", "LAO");
        m.put("myanmar (burma)", "MMR");
        m.put("burma", "MMR");
        m.put("kingdom of eswatini", "SWZ");
        m.put("swaziland", "SWZ");
        m.put("turkey", "TUR");
        m.put("palestine", "PSE");
        m.put("united states", "USA");
        m.put("united kingdom", "GBR");
        m.put("north macedonia", "MKD");
        m.put("macedonia, fyr", "MKD");
        return Map.copyOf(m);
    }
}
