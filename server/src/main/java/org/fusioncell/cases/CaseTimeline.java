package org.fusioncell.cases;

/**
 * For other parts of the platform (evidence custody, requirements, response templates) to add events to a
 * case's timeline in their own transaction. An event about an item is shown to a reader only when that
 * reader may see the item under its own marking.
 */
public interface CaseTimeline {

    /** @return false when there is no such case (nothing is written) */
    boolean append(String caseId, String kind, String actorUserId, String actorOrganisationId, ItemRef item,
                   String text);
}
