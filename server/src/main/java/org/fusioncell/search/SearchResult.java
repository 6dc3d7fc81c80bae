package org.fusioncell.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total the reader may see, and facet counts over that same visible result set
 * ({@code type}, {@code language}, {@code organisation}, {@code classification}, {@code tag}, and any
 * extra facet present). Snippets are HTML-escaped text with matches in {@code <mark>}.
 */
public record SearchResult(List<Hit> items, int page, int size, long total, Map<String, List<FacetCount>> facets) {

    public SearchResult {
        items = List.copyOf(items);
        facets = Map.copyOf(facets);
    }

    public record Hit(String type, String id, String title, String titleHighlight, String snippet, String language,
                      String originatingOrganisationId, int classificationRank, java.time.Instant occurredAt,
                      float score) {
    }

    public record FacetCount(String value, long count) {
    }
}
