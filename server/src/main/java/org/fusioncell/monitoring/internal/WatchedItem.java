package org.fusioncell.monitoring.internal;

import java.util.List;
import java.util.Set;
import org.fusioncell.access.Marking;

/**
 * Something that arrived or changed, as watch evaluation sees it: what can be matched, and what
 * decides who may learn of it. {@code marking} is null for screening hits, which belong to
 * {@code organisationId} alone. {@code text} is free text searched for names and queries;
 * {@code names} are person names compared whole; {@code language} (ar, fr, en, und or null) is the
 * detected language of the text, so that text watches analyse it as search does.
 */
record WatchedItem(String type, String id, Marking marking, String organisationId, String headline, String title,
                   String text, Double latitude, Double longitude, List<String> tags, Set<String> identifierKeys,
                   Set<String> entityIds, List<String> names, String attackType, String group, Set<String> kinds,
                   String language) {

    static final String REPORT = "report";
    static final String ENTITY = "entity";
    static final String HIT = "screening-hit";
    static final String INCIDENT = "incident";

    /** An item without a detected language. */
    WatchedItem(String type, String id, Marking marking, String organisationId, String headline, String title,
                String text, Double latitude, Double longitude, List<String> tags, Set<String> identifierKeys,
                Set<String> entityIds, List<String> names, String attackType, String group, Set<String> kinds) {
        this(type, id, marking, organisationId, headline, title, text, latitude, longitude, tags, identifierKeys,
                entityIds, names, attackType, group, kinds, null);
    }

    WatchedItem {
        tags = tags == null ? List.of() : List.copyOf(tags);
        identifierKeys = identifierKeys == null ? Set.of() : Set.copyOf(identifierKeys);
        entityIds = entityIds == null ? Set.of() : Set.copyOf(entityIds);
        names = names == null ? List.of() : List.copyOf(names);
    }

    /** Whether criteria of {@code kind} apply to this item (a mention checks entity watches only). */
    boolean considers(String kind) {
        return kinds == null || kinds.contains(kind);
    }
}
