package org.fusioncell.entities;

/**
 * Published in the transaction that erases an entity ({@link Entities#erase}), once for it and once for
 * every entity merged into it that goes with it, so that the search index drops its document after commit.
 */
public record EntityErased(String entityId, String organisationId) {
}
