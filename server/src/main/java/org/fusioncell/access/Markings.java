package org.fusioncell.access;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Stored markings. A marking is immutable: re-marking an item stores a new marking and points the
 * item at it, so the history of an item's markings is kept.
 */
public interface Markings {

    /** Stores the marking and returns its id, to be kept in the item's {@code marking_id} column. */
    String save(Marking marking);

    Optional<Marking> find(String markingId);

    Map<String, Marking> findAll(Collection<String> markingIds);
}
