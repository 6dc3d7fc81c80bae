package org.fusioncell.release;

import java.time.Instant;

/**
 * A reader's request for an item they were told exists. {@code classificationRank} is the level the
 * hit notice already gave; nothing of the item's content is ever part of a request.
 */
public record AccessRequest(String id, ItemType itemType, String itemId, String requesterUserId,
                            String requesterOrganisationId, String holderOrganisationId, int classificationRank,
                            String justification, State state, String decidedBy, String decisionReason,
                            Instant createdAt, Instant decidedAt) {

    public enum State {
        PENDING,
        APPROVED,
        DENIED,
        WITHDRAWN
    }
}
