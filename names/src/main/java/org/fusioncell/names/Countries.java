package org.fusioncell.names;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the ways lists and manifests write a country — ISO alpha-2 or alpha-3 codes, English,
 * French or Arabic names, common long forms ("Syrian Arab Republic") — to a lower-case ISO 3166
 * alpha-2 code. Built from the JDK's own locale data, so no table is kept here but a few long forms.
 */
public final class Countries {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SAINT = Pattern.compile("\\bst\\.?\\s");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<String, String> CODES = build();

    private Countries() {
    }

    /** The alpha-2 code (lower case) for the text, or empty when it names no country we know. */
    public static Optional<String> code(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String code = CODES.get(key(text));
        int comma = text.indexOf(',');
        if (code == null && comma > 0 && comma == text.lastIndexOf(',')) {
            // OFAC's inverted forms: "Korea, North", "Virgin Islands, British", "Man, Isle of"
            code = CODES.get(key(text.substring(comma + 1) + " " + text.substring(0, comma)));
        }
        return Optional.ofNullable(code);
    }

    private static String key(String text) {
        String s = MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFKD)).replaceAll("");
        // "Trinidad & Tobago" and "St. Kitts & Nevis" (the JDK's forms) read as lists write them
        s = SAINT.matcher(s.toLowerCase(Locale.ROOT).replace("&", " and ")).replaceAll("saint ");
        return NOT_LETTERS.matcher(s).replaceAll(" ").strip();
    }

    private static Map<String, String> build() {
        Map<String, String> codes = new HashMap<>();
        Locale[] languages = {Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("ar")};
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = Locale.of("", alpha2);
            String code = alpha2.toLowerCase(Locale.ROOT);
            codes.put(code, code);
            try {
                codes.put(key(country.getISO3Country()), code);
            } catch (java.util.MissingResourceException ignored) {
                // a few codes have no alpha-3 form in the JDK
            }
            for (Locale language : languages) {
                String display = country.getDisplayCountry(language);
                codes.putIfAbsent(key(display), code);
                // "Myanmar (Burma)", "Congo (DRC)": the name without its bracketed gloss, and the gloss
                int bracket = display.indexOf('(');
                if (bracket > 0 && display.endsWith(")")) {
                    codes.putIfAbsent(key(display.substring(0, bracket)), code);
                    codes.putIfAbsent(key(display.substring(bracket + 1, display.length() - 1)), code);
                }
            }
        }
        // long and older forms the UN and OFAC lists use that the JDK's short names do not cover
        String[][] extra = {
                {"syrian arab republic", "sy"}, {"east timor", "tl"}, {"timor leste", "tl"}, {"iran islamic republic of", "ir"}, {"iran (islamic republic of)", "ir"},
                {"russian federation", "ru"}, {"democratic people s republic of korea", "kp"}, {"north korea", "kp"},
                {"republic of korea", "kr"}, {"south korea", "kr"}, {"united republic of tanzania", "tz"},
                {"libyan arab jamahiriya", "ly"}, {"state of libya", "ly"}, {"viet nam", "vn"},
                {"lao people s democratic republic", "la"}, {"bolivia plurinational state of", "bo"},
                {"venezuela bolivarian republic of", "ve"}, {"democratic republic of the congo", "cd"},
                {"congo democratic republic of the", "cd"}, {"republic of the congo", "cg"},
                {"united kingdom of great britain and northern ireland", "gb"}, {"united states of america", "us"},
                {"palestine", "ps"}, {"state of palestine", "ps"}, {"occupied palestinian territory", "ps"},
                {"west bank", "ps"}, {"gaza", "ps"}, {"kosovo", "xk"}, {"turkiye", "tr"}, {"türkiye", "tr"},
                {"côte d ivoire", "ci"}, {"ivory coast", "ci"}, {"burma", "mm"}, {"czech republic", "cz"},
                {"swaziland", "sz"}, {"macedonia", "mk"}, {"the former yugoslav republic of macedonia", "mk"},
                {"moldova republic of", "md"}, {"republic of moldova", "md"}, {"micronesia federated states of", "fm"},
                {"sudan the", "sd"}, {"the sudan", "sd"}, {"the gambia", "gm"}, {"the netherlands", "nl"},
                {"kingdom of saudi arabia", "sa"}, {"uae", "ae"}, {"usa", "us"}, {"uk", "gb"},
                {"cabo verde", "cv"}, {"hong kong", "hk"}, {"macau", "mo"}, {"macao", "mo"}, {"turkey", "tr"},
                {"saint vincent and the grenadines", "vc"}, {"palestinian", "ps"},
                // as incident datasets (UCDP, ACLED, GTD) write them
                {"dr congo", "cd"}, {"democratic republic of congo", "cd"}, {"bosnia herzegovina", "ba"},
                {"fyr macedonia", "mk"}, {"kingdom of eswatini", "sz"},
        };
        for (String[] e : extra) {
            codes.put(key(e[0]), e[1]);
        }
        return Map.copyOf(codes);
    }
}
