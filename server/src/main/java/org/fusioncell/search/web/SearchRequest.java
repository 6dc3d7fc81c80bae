package org.fusioncell.search.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.search.SearchQuery;
import org.fusioncell.shared.Area;
import org.fusioncell.shared.AreaReading;
import org.fusioncell.shared.InvalidInputException;

/** Turns request parameters (shared by the API and the page) into a {@link SearchQuery}, naming bad fields. */
final class SearchRequest {

    private SearchRequest() {
    }

    static SearchQuery of(String q, List<String> types, String from, String to, List<String> organisations,
                          List<String> classifications, List<String> languages, List<String> tags,
                          ClassificationScheme scheme) {
        return of(q, types, from, to, organisations, classifications, languages, tags, null, null, null, scheme);
    }

    static SearchQuery of(String q, List<String> types, String from, String to, List<String> organisations,
                          List<String> classifications, List<String> languages, List<String> tags, String near,
                          String radiusKm, String within, ClassificationScheme scheme) {
        Set<Integer> ranks = new HashSet<>();
        for (String level : nonBlank(classifications)) {
            ranks.add(scheme.rank(level).orElseThrow(() -> new InvalidInputException("classification",
                    "must be one of " + scheme.levels())));
        }
        for (String language : nonBlank(languages)) {
            if (!Set.of("ar", "fr", "en", "und").contains(language)) {
                throw new InvalidInputException("language", "must be ar, fr, en or und");
            }
        }
        return new SearchQuery(q, nonBlank(types), time("from", from, false), time("to", to, true),
                nonBlank(organisations), ranks, nonBlank(languages), nonBlank(tags), null, area(near, radiusKm, within));
    }

    /**
     * The area to search in: {@code near} ("latitude,longitude") with {@code radiusKm}, or {@code within} — a
     * polygon as "longitude latitude" positions separated by commas, the last equal to the first (GeoJSON order).
     * Checked by {@link AreaReading}, each refusal naming the parameter.
     */
    static Area area(String near, String radiusKm, String within) {
        boolean circle = near != null && !near.isBlank() || radiusKm != null && !radiusKm.isBlank();
        boolean polygon = within != null && !within.isBlank();
        if (circle && polygon) {
            throw new InvalidInputException("within", "give either near and radiusKm, or within, not both");
        }
        if (circle) {
            String[] parts = near == null ? new String[0] : near.strip().split("\\s*,\\s*");
            if (parts.length != 2) {
                throw new InvalidInputException("near", "must be latitude,longitude (e.g. 18.08,-15.97)");
            }
            Map<String, Object> m = new HashMap<>();
            m.put("latitude", decimal(parts[0], "near"));
            m.put("longitude", decimal(parts[1], "near"));
            m.put("radiusKm", radiusKm == null || radiusKm.isBlank() ? null : decimal(radiusKm.strip(), "radiusKm"));
            if (m.get("radiusKm") == null) {
                throw new InvalidInputException("radiusKm", "give the radius around near, in kilometres");
            }
            return AreaReading.read(m, "near");
        }
        if (polygon) {
            List<Object> ring = new ArrayList<>();
            for (String position : within.strip().split("\\s*,\\s*")) {
                String[] xy = position.strip().split("\\s+");
                if (xy.length != 2) {
                    throw new InvalidInputException("within", "positions are 'longitude latitude', separated by commas");
                }
                ring.add(List.of(decimal(xy[0], "within"), decimal(xy[1], "within")));
            }
            return AreaReading.read(Map.of("geometry", Map.of("type", "Polygon", "coordinates", List.of(ring))), "within");
        }
        return null;
    }

    private static double decimal(String text, String field) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + text + "' is not a decimal number");
        }
    }

    /** An ISO instant, or a date (from its start, or to its end). */
    static Instant time(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .minusMillis(endOfDay ? 1 : 0);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date (2026-01-31) or an instant (2026-01-31T12:00:00Z)");
        }
    }

    private static Set<String> nonBlank(List<String> values) {
        Set<String> out = new HashSet<>();
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(out::add);
        }
        return out;
    }
}
