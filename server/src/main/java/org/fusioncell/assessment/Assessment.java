package org.fusioncell.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.Marking;

/**
 * A product at one version. {@code threatLevel} is read off the matrix from likelihood and impact;
 * {@code sanitisedFrom} names the original of a sanitised version; {@code contributors} are the users who
 * wrote any version (none of them may approve it).
 */
public record Assessment(String id, int version, AssessmentState state, ProductType productType, String language,
                         String title, Subject subject, List<Portion> summary, List<KeyJudgment> keyJudgments,
                         String likelihood, String impact, String threatLevel, Confidence confidence,
                         String confidenceReasons, List<EvidenceLink> evidence, List<String> assumptions,
                         List<Indicator> indicators, LocalDate validFrom, LocalDate validUntil, LocalDate reviewBy,
                         String publicSummary, Marking marking, String authorUserId, String organisationId,
                         List<String> contributors, String approvedBy, Instant approvedAt, Instant disseminatedAt,
                         String withdrawalReason, String supersedes, String supersededBy, String sanitisedFrom,
                         Instant createdAt, Instant updatedAt) {
}
