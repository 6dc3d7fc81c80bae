package org.fusioncell.access;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Stored markings. A marking is immutable and stored once per distinct content: re-marking an item
 * points it at another marking id (the item's own version history keeps the earlier one).
 */
public interface Markings {

    /** Stores the marking if new and returns its id (equal markings, equal ids), for the item's {@code marking_id}. */
    String save(Marking marking);

    Optional<Marking> find(String markingId);

    Map<String, Marking> findAll(Collection<String> markingIds);
}
