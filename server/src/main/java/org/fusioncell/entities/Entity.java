package org.fusioncell.entities;

import java.time.Instant;
import java.util.Map;
import org.fusioncell.access.Marking;

/**
 * An entity as its reader sees it. {@code identifierKey} is the normalised key correlation works on
 * ({@code phone:+22245251234}, {@code email:a@b.mr}…), null for types without one (person, group…).
 */
public record Entity(String id, EntityType type, String label, String identifierKey, Map<String, Object> attributes,
                     Marking marking, String ownerOrganisationId, Instant createdAt) {

    public Entity {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
