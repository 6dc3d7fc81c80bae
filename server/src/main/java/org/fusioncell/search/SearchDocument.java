package org.fusioncell.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item as the index holds it. {@code type} is the access module's information type (e.g.
 * {@code report}): the reader's visible markings are computed per type. {@code language} is ar, fr, en
 * or und and chooses the stemmed field; every document is also searchable language-neutrally.
 * {@code facets} carries extra filterable values by name (e.g. {@code entityType}, {@code area}).
 * {@code latitude} and {@code longitude} place the item (both or neither) for area filters.
 */
public record SearchDocument(String type, String id, String markingId, int classificationRank, String title,
                             String body, String language, Instant occurredAt, String originatingOrganisationId,
                             List<String> tags, Map<String, List<String>> facets, Double latitude,
                             Double longitude) {

    /** An item without a place. */
    public SearchDocument(String type, String id, String markingId, int classificationRank, String title, String body,
                          String language, Instant occurredAt, String originatingOrganisationId, List<String> tags,
                          Map<String, List<String>> facets) {
        this(type, id, markingId, classificationRank, title, body, language, occurredAt, originatingOrganisationId, tags,
                facets, null, null);
    }

    public SearchDocument {
        if ((latitude == null) != (longitude == null)) {
            latitude = null;
            longitude = null;
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(markingId, "markingId");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        language = language == null ? "und" : language;
        tags = tags == null ? List.of() : List.copyOf(tags);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }
}
