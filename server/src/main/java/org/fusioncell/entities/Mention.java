package org.fusioncell.entities;

import java.time.Instant;

/** A report mentions an entity (confirmed by an analyst). */
public record Mention(String id, String reportId, Entity entity, Instant createdAt) {
}
