package org.fusioncell.monitoring.incidents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.fusioncell.monitoring.incidents.IncidentDraft;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    private final JsonMapper json;
    private final Map<String, Map<String, String>> byCountry = new ConcurrentHashMap<>();

    Admin1Areas(JsonMapper json) {
        this.json = json;
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
        String wanted = iso3.toLowerCase(Locale.ROOT) + ".topo.json";
        try (InputStream in = Admin1Areas.class.getResourceAsStream("/geo/boundaries.zip")) {
            if (in == null) {
                return Map.of();
            }
            ZipInputStream zip = new ZipInputStream(in);
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(wanted)) {
                    return index(json.readTree(zip.readAllBytes()));
                }
            }
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> index(JsonNode topology) {
        Map<String, String> codes = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (JsonNode object : topology.path("objects")) {
            for (JsonNode g : object.path("geometries")) {
                String id = g.path("id").asString("");
                String name = g.path("properties").path("name").asString("");
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
