package org.fusioncell.cases.response;

import java.time.Instant;
import java.util.List;

/** Written when a response case is closed (closing without one is refused); it stays with the case. */
public record AfterActionReview(String caseId, String wentWell, String toImprove, List<Action> actions,
                                String writtenByUserId, String writtenByOrganisationId, Instant writtenAt) {

    /** Something to change, and the participating organisation that owns it. */
    public record Action(String action, String ownerOrganisationId) {
    }
}
