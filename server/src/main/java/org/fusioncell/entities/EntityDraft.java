package org.fusioncell.entities;

import java.util.Map;
import org.fusioncell.access.Marking;

/** A validated, normalised entity to record (see {@code EntityForm} for the checks). */
public record EntityDraft(EntityType type, String label, String identifierKey, Map<String, Object> attributes,
                          Marking marking) {
}
