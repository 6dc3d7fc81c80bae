package org.fusioncell.entities;

/** The entity recorded, and whether an entity already held under the same key and marking was reused. */
public record Recorded(Entity entity, boolean reused) {
}
