package org.fusioncell.release.web;

import java.time.Instant;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.identity.Organisations;
import org.fusioncell.release.AccessRequest;

/** An access request as JSON: ids, organisations, level and states; never the item's content. */
record AccessRequestView(String id, String itemType, String itemId, String requesterUserId,
                         Map<String, String> requesterOrganisation, Map<String, String> holderOrganisation,
                         String classification, String justification, String state, String decidedBy,
                         String decisionReason, Instant createdAt, Instant decidedAt) {

    static AccessRequestView of(AccessRequest r, Organisations organisations, ClassificationScheme scheme) {
        return new AccessRequestView(r.id(), r.itemType().name(), r.itemId(), r.requesterUserId(),
                organisation(r.requesterOrganisationId(), organisations),
                organisation(r.holderOrganisationId(), organisations), level(scheme, r.classificationRank()),
                r.justification(), r.state().name(), r.decidedBy(), r.decisionReason(), r.createdAt(), r.decidedAt());
    }

    static Map<String, String> organisation(String id, Organisations organisations) {
        return organisations.find(id).map(o -> Map.of("id", o.id(), "name", o.name())).orElse(Map.of("id", id));
    }

    static String level(ClassificationScheme scheme, int rank) {
        return rank < scheme.levels().size() ? scheme.level(rank) : String.valueOf(rank);
    }
}
