package org.fusioncell.entities;

/**
 * Published in the transaction that records that a report mentions an entity, so that watches on the
 * entity see the report after commit.
 */
public record EntityMentioned(String reportId, String entityId) {
}
