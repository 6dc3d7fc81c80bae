package org.fusioncell.assessment;

import java.time.Instant;

/**
 * The threat level of an area or sector as set by a disseminated assessment. {@code level} and
 * {@code assessmentId} are the internal level, present only for a reader who may see that assessment;
 * {@code publicSummary} is the unclassified text everyone may read.
 */
public record ThreatLevel(SubjectType scopeType, String scopeKey, String scopeLabel, String level,
                          String assessmentId, String publicSummary, Instant setAt, String setByOrganisationId) {
}
