package org.fusioncell.assessment;

import java.time.Instant;

/** A line of a recipient's inbox of disseminated products. */
public record ReceivedProduct(String assessmentId, int version, ProductType productType, String title,
                              AssessmentState state, String threatLevel, String classification, String tlp,
                              String fromOrganisationId, Instant deliveredAt, Instant readAt, Receipt.Feedback feedback) {
}
