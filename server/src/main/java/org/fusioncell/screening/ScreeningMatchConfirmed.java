package org.fusioncell.screening;

/**
 * Published in the transaction that confirms a match (four eyes passed), for monitoring to raise an
 * alert. Ids only: the screened person's particulars stay in the screening module.
 */
public record ScreeningMatchConfirmed(String hitId, String runId, String subjectId, String organisationId,
                                      String listId, String listName, String entryReference) {
}
