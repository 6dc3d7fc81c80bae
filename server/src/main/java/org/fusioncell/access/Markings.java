package org.fusioncell.access;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stored markings. A marking is immutable and stored once per distinct content: re-marking an item
 * points it at another marking id (the item's own version history keeps the earlier one).
 */
public interface Markings {

    /** Stores the marking if new and returns its id (equal markings, equal ids), for the item's {@code marking_id}. */
    String save(Marking marking);

    Optional<Marking> find(String markingId);

    Map<String, Marking> findAll(Collection<String> markingIds);

    /**
     * The ids of every stored marking under which the reader may see items of this type
     * ({@link VisibilityFilter#visibleMarking}). Markings are stored once per distinct content, so the
     * set is small; a search index uses it as a filter inside its query, never as a post-filter.
     */
    Set<String> visibleIds(Reader reader, String informationType);
}
