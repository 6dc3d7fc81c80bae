package org.fusioncell.search.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.search.SearchQuery;
import org.fusioncell.shared.InvalidInputException;

/** Turns request parameters (shared by the API and the page) into a {@link SearchQuery}, naming bad fields. */
final class SearchRequest {

    private SearchRequest() {
    }

    static SearchQuery of(String q, List<String> types, String from, String to, List<String> organisations,
                          List<String> classifications, List<String> languages, List<String> tags,
                          ClassificationScheme scheme) {
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
                nonBlank(organisations), ranks, nonBlank(languages), nonBlank(tags), null);
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
