package org.fusioncell.entities.web;

import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.EntityDraft;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.internal.EntityAttributes;
import org.fusioncell.shared.InvalidInputException;

/** An entity as a client sends it: {@code type}, optional {@code label}, type-specific {@code attributes}, {@code marking}. */
public record EntityForm(String type, String label, Map<String, Object> attributes, MarkingForm marking) {

    EntityDraft toDraft(EntityAttributes checks, ClassificationScheme scheme, MarkingVocabulary vocabulary, Reader author) {
        if (type == null || type.isBlank()) {
            throw new InvalidInputException("type", "is required; one of " + java.util.List.of(EntityType.values()));
        }
        EntityType t = EntityType.parse(type).orElseThrow(() -> new InvalidInputException("type",
                "unknown entity type; one of " + java.util.List.of(EntityType.values())));
        EntityAttributes.Normalised n = checks.normalise(t, attributes, "attributes");
        if (label != null && label.strip().length() > 500) {
            throw new InvalidInputException("label", "at most 500 characters");
        }
        if (marking == null) {
            throw new InvalidInputException("marking", "is required");
        }
        Marking m = marking.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
        if (m.classificationRank() > author.clearanceRank()) {
            throw new InvalidInputException("marking.classification", "above your own clearance");
        }
        String shown = label == null || label.isBlank() ? n.label() : label.strip();
        return new EntityDraft(t, shown, n.key(), n.attributes(), m);
    }
}
