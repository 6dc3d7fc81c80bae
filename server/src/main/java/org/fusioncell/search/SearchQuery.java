package org.fusioncell.search;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.fusioncell.shared.Area;

/**
 * What a reader asks for. Empty sets mean "no restriction"; {@code text} may be blank (then every
 * visible item matches, newest first). {@code facets} restricts on the documents' extra facet values.
 * {@code area}: only items placed inside it (null: anywhere, and unplaced items too).
 * The reader's access filter is not part of this record: {@link Search} always adds it.
 */
public record SearchQuery(String text, Set<String> types, Instant from, Instant to, Set<String> organisations,
                          Set<Integer> classificationRanks, Set<String> languages, Set<String> tags,
                          Map<String, Set<String>> facets, Area area) {

    /** A query without an area. */
    public SearchQuery(String text, Set<String> types, Instant from, Instant to, Set<String> organisations,
                       Set<Integer> classificationRanks, Set<String> languages, Set<String> tags,
                       Map<String, Set<String>> facets) {
        this(text, types, from, to, organisations, classificationRanks, languages, tags, facets, null);
    }

    /** Longest accepted query text: longer is refused as invalid input, not truncated. */
    public static final int MAX_TEXT = 500;

    public SearchQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        types = types == null ? Set.of() : Set.copyOf(types);
        organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
        classificationRanks = classificationRanks == null ? Set.of() : Set.copyOf(classificationRanks);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }

    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null, null);
    }
}
