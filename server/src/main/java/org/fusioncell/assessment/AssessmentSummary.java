package org.fusioncell.assessment;

import java.time.Instant;

/** A line of a product list: nothing beyond what the reader may see. */
public record AssessmentSummary(String id, int version, AssessmentState state, ProductType productType, String language,
                                String title, SubjectType subjectType, String subjectLabel, String threatLevel,
                                String classification, String tlp, String organisationId, String authorUserId,
                                Instant updatedAt) {
}
