package org.fusioncell.research;

import java.util.List;

/**
 * A request as the researcher writes it; dates are ISO text so that a bad one is named by its field. Defaults:
 * dataset {@code incidents}, output {@code AGGREGATES}, k and threshold 10 (configurable), no epsilon.
 */
public record ResearchRequestDraft(String cellOrganisationId, String purpose, String ethicsReference,
                                   String ethicsIssuingBody, String ethicsDate, String datasetKind,
                                   List<String> fields, String periodFrom, String periodTo, String output, Integer k,
                                   Integer threshold, Double epsilon) {
}
