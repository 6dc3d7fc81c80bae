package org.fusioncell.intake;

/**
 * Published in the transaction that stores a new report; listeners (search indexing, correlation,
 * watches) receive it after commit through the event publication registry, so a crash loses none.
 */
public record ReportContributed(String reportId, String originatingOrganisationId) {
}
