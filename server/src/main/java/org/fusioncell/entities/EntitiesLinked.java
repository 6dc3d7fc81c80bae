package org.fusioncell.entities;

/**
 * Published in the transaction that stores a link between two entities (its marking is the report's
 * it was drawn from), so that watches on either end see it after commit.
 */
public record EntitiesLinked(String linkId, String fromEntityId, String toEntityId, String reportId) {
}
