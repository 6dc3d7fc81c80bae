package org.fusioncell.exchange.hits;

import java.time.Instant;
import java.util.List;

/**
 * A query a partner cell sent to this installation, as the holder organisation keeps it: the minimised form
 * that arrived (nothing else ever does), the outcome, the holder's matched items (never told to the
 * partner; shown to the holder's supervisors who decide on release) and the release request and decision.
 */
public record IncomingRequest(String reference, String holderOrganisationId, String partnerId, String partnerName,
                              String callerUserId, MinimisedQuery query, HitOutcome outcome,
                              List<String> matchedEntityIds, Instant receivedAt, ReleaseState release,
                              String justification, String decisionMessage, String decidedBy, Instant decidedAt) {

    public IncomingRequest {
        matchedEntityIds = List.copyOf(matchedEntityIds);
    }
}
