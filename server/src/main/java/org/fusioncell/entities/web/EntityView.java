package org.fusioncell.entities.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.entities.Correlations;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityLink;

/** JSON shapes of the entities API. */
final class EntityView {

    private EntityView() {
    }

    /** {@code mergedInto}: the entity that now stands for a merged-away one, when the reader may see it. */
    record Full(String id, String type, String label, String identifierKey, Map<String, Object> attributes,
                MarkingJson marking, Instant createdAt,
                @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                String mergedInto) {
    }

    record MarkingJson(String classification, String tlp, boolean originatorControl, String ownerOrganisation) {
    }

    record Link(String id, String type, String fromEntityId, String fromLabel, String toEntityId, String toLabel,
                String reportId, double confidence, LocalDate validFrom, LocalDate validTo, MarkingJson marking) {
    }

    record Notice(String entityId, String holderOrganisationId, String holderOrganisationName, String classification,
                  Instant recordedAt) {
    }

    record CorrelationsJson(String entityId, String identifierKey, java.util.List<Full> entities, java.util.List<Notice> notices) {
    }

    static MarkingJson of(Marking m, ClassificationScheme scheme) {
        return new MarkingJson(level(scheme, m.classificationRank()), m.tlp().label(), m.originatorControl(),
                m.ownerOrganisation());
    }

    static Full of(Entity e, ClassificationScheme scheme) {
        return of(e, scheme, null);
    }

    static Full of(Entity e, ClassificationScheme scheme, String mergedInto) {
        return new Full(e.id(), e.type().name(), e.label(), e.identifierKey(), e.attributes(), of(e.marking(), scheme),
                e.createdAt(), mergedInto);
    }

    static Link of(EntityLink l, ClassificationScheme scheme) {
        return new Link(l.id(), l.type().name(), l.fromEntityId(), l.fromLabel(), l.toEntityId(), l.toLabel(),
                l.reportId(), l.confidence(), l.validFrom(), l.validTo(), of(l.marking(), scheme));
    }

    static CorrelationsJson of(String entityId, Correlations c, ClassificationScheme scheme,
                               java.util.function.Function<String, String> organisationName) {
        return new CorrelationsJson(entityId, c.identifierKey(), c.visible().stream().map(e -> of(e, scheme)).toList(),
                c.notices().stream().map(n -> new Notice(n.entityId(), n.holderOrganisationId(),
                        organisationName.apply(n.holderOrganisationId()), level(scheme, n.classificationRank()),
                        n.recordedAt())).toList());
    }

    static String level(ClassificationScheme scheme, int rank) {
        return scheme.level(Math.min(rank, scheme.levels().size() - 1));
    }
}
