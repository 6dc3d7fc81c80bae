package org.fusioncell.entities.internal;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusioncell.entities.EntityType;
import org.fusioncell.shared.InvalidInputException;

/**
 * Finds identifiers in report text — phones, e-mails, IBANs, URLs, coordinates, passport-like
 * document numbers, social handles — and proposes them as entities with normalised attributes and
 * key. Arabic-Indic and Eastern Arabic-Indic digits are read as ASCII digits first; offsets refer to
 * the original text (digit folding keeps lengths). Plain Java, no Spring.
 */
public final class IdentifierExtractor {

    /** One identifier found at {@code offset}, {@code value} as written in the text. */
    public record Found(EntityType type, String value, int offset, String key, Map<String, Object> attributes) {
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63}");
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'،]+");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");
    private static final Pattern COORDINATES = Pattern.compile(
            "(?<![\\d.])(-?\\d{1,2}\\.\\d{3,})\\s*[,،]\\s*(-?\\d{1,3}\\.\\d{3,})(?![\\d.])");
    private static final Pattern DOCUMENT = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{1,2}\\d{6,9}(?![A-Za-z0-9])");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w.@])@([A-Za-z0-9_]{3,30})\\b");

    private final String defaultRegion;
    private final EntityAttributes attributes;

    public IdentifierExtractor(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
        this.attributes = new EntityAttributes(defaultRegion);
    }

    public List<Found> extract(String original) {
        String text = foldDigits(original);
        List<Found> found = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        // order matters: the more specific shapes claim their characters first
        each(URL, text, m -> add(found, taken, m, EntityType.URL, Map.of("url", trimUrl(m.group()))));
        each(EMAIL, text, m -> add(found, taken, m, EntityType.EMAIL, Map.of("address", m.group())));
        each(IBAN, text, m -> {
            if (EntityAttributes.validIban(m.group().replace(" ", ""))) {
                add(found, taken, m, EntityType.FINANCIAL_ACCOUNT, Map.of("iban", m.group()));
            }
        });
        each(COORDINATES, text, m -> {
            double lat = Double.parseDouble(m.group(1));
            double lon = Double.parseDouble(m.group(2));
            if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
                add(found, taken, m, EntityType.LOCATION, Map.of("latitude", lat, "longitude", lon));
            }
        });
        each(DOCUMENT, text, m -> add(found, taken, m, EntityType.IDENTITY_DOCUMENT,
                Map.of("documentType", "PASSPORT", "number", m.group(), "country", defaultRegion)));
        each(HANDLE, text, m -> add(found, taken, m, EntityType.ONLINE_ACCOUNT,
                Map.of("platform", "unknown", "handle", m.group(1))));
        for (PhoneNumberMatch pm : PhoneNumberUtil.getInstance().findNumbers(text, defaultRegion)) {
            int start = pm.start();
            int end = pm.end();
            if (!overlaps(taken, start, end)) {
                tryAdd(found, taken, start, end, text, EntityType.PHONE, Map.of("number", pm.rawString()));
            }
        }
        found.sort(Comparator.comparingInt(Found::offset));
        Set<String> keys = new HashSet<>();
        // one proposal per identifier per report, at its first occurrence
        return found.stream().filter(f -> f.key() == null || keys.add(f.key())).toList();
    }

    /** Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits to ASCII, one char for one char. */
    public static String foldDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0660' && c <= '\u0669') {
                b.append((char) ('0' + (c - '\u0660')));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                b.append((char) ('0' + (c - '\u06F0')));
            } else if (c == '\u066B') {
                b.append('.'); // Arabic decimal separator
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private interface MatchAction {
        void on(Matcher m);
    }

    private static void each(Pattern p, String text, MatchAction action) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            action.on(m);
        }
    }

    private void add(List<Found> found, List<int[]> taken, Matcher m, EntityType type, Map<String, Object> raw) {
        if (!overlaps(taken, m.start(), m.end())) {
            tryAdd(found, taken, m.start(), m.end(), m.group(), type, raw);
        }
    }

    private void tryAdd(List<Found> found, List<int[]> taken, int start, int end, String textOrValue, EntityType type,
                        Map<String, Object> raw) {
        try {
            EntityAttributes.Normalised n = attributes.normalise(type, new LinkedHashMap<>(raw), "attributes");
            String value = textOrValue.length() == end - start ? textOrValue : textOrValue.substring(start, end);
            found.add(new Found(type, value, start, n.key(), n.attributes()));
            taken.add(new int[] {start, end});
        } catch (InvalidInputException e) {
            // a shape that does not validate (an invalid number, a wrong check digit) is not proposed
        }
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        return taken.stream().anyMatch(t -> start < t[1] && end > t[0]);
    }

    private static String trimUrl(String url) {
        return url.replaceAll("[.,;:!?)\\]]+$", "");
    }
}
