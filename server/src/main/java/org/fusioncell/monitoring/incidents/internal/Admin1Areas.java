package org.fusioncell.monitoring.incidents.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusioncell.monitoring.incidents.IncidentDraft;
import org.fusioncell.monitoring.trends.geo.AdminArea;
import org.fusioncell.monitoring.trends.geo.Boundaries;

/**
 * The code of a first-level area (as in the shipped boundaries, {@code geo/boundaries.zip}: {@code SY.HI}) from
 * the name a source gives ("Homs Governorate"), so the trends map can place incidents whose source names
 * areas only. Names are compared by a consonant skeleton: accents, Arabic articles (al-, ar-, ez-…),
 * words like "Governorate", vowels and doubled letters are dropped, so that "Deir ez Zor" meets "Dayr Az Zawr"
 * and "Latakia" meets "Lattakia". A skeleton shared by two areas of a country gives no code: no guess.
 */
@org.springframework.stereotype.Component
final class Admin1Areas {

    private static final Set<String> ARTICLES = Set.of("al", "el", "ar", "as", "ad", "az", "an", "at", "ash", "ez",
            "ed", "es", "ul");
    private static final Set<String> KINDS = Set.of("governorate", "province", "region", "state", "department",
            "district", "prefecture", "county", "division", "oblast", "wilaya", "wilayah", "muhafazah");
    private static final Pattern PARENTHESIS = Pattern.compile("(.*)\\((.*)\\)");

    private final Boundaries boundaries;
    private final Map<String, Map<String, String>> byCountry = new ConcurrentHashMap<>();

    Admin1Areas(Boundaries boundaries) {
        this.boundaries = boundaries;
    }

    /** The draft with its admin-1 code filled in when it has none and the name matches one area. */
    IncidentDraft coded(IncidentDraft d) {
        if (d.admin1Code() != null || d.country() == null || d.admin1() == null) {
            return d;
        }
        String code = areas(d.country()).get(skeleton(d.admin1()));
        if (code == null) {
            return d;
        }
        return new IncidentDraft(d.date(), d.endDate(), d.datePrecision(), d.placeName(), d.country(), d.admin1(), code,
                d.latitude(), d.longitude(), d.attackType(), d.targetType(), d.weapon(), d.perpetratorGroup(),
                d.perpetratorEntityId(), d.fatalities(), d.injuries(), d.sources(), d.marking(), d.reportId(),
                d.description(), d.externalSource(), d.externalId());
    }

    private Map<String, String> areas(String iso3) {
        return byCountry.computeIfAbsent(iso3, this::load);
    }

    private Map<String, String> load(String iso3) {
        return boundaries.country(iso3).map(Admin1Areas::index).orElse(Map.of());
    }

    private static Map<String, String> index(List<AdminArea> areas) {
        Map<String, String> codes = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (AdminArea area : areas) {
            String id = area.id() == null ? "" : area.id();
            String name = area.name() == null ? "" : area.name();
            if (!id.contains(".") || name.isBlank()) {
                continue; // a country-wide shape (UNDOF in Syria's file) is no area
            }
            Set<String> keys = new HashSet<>(Set.of(skeleton(name)));
            Matcher m = PARENTHESIS.matcher(name);
            if (m.matches()) {
                keys.add(skeleton(m.group(1)));
                keys.add(skeleton(m.group(2)));
            }
            for (String key : keys) {
                if (key.isEmpty()) {
                    continue;
                }
                String earlier = codes.putIfAbsent(key, id);
                if (earlier != null && !earlier.equals(id)) {
                    ambiguous.add(key);
                }
            }
        }
        ambiguous.forEach(codes::remove);
        return Map.copyOf(codes);
    }

    static String skeleton(String name) {
        String s = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder kept = new StringBuilder();
        for (String token : s.split("[^a-z]+")) {
            if (!token.isEmpty() && !ARTICLES.contains(token) && !KINDS.contains(token)) {
                kept.append(token);
            }
        }
        return kept.toString().replaceAll("[aeiouyw]", "").replaceAll("(.)\\1+", "$1").replaceAll("h$", "");
    }
}
