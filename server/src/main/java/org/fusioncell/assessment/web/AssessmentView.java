package org.fusioncell.assessment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentState;
import org.fusioncell.assessment.Confidence;
import org.fusioncell.assessment.EvidenceLink;
import org.fusioncell.assessment.Indicator;
import org.fusioncell.assessment.KeyJudgment;
import org.fusioncell.assessment.Portion;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.assessment.Subject;

/** A product as the API shows it: the marking in words, everything else as stored. */
record AssessmentView(String id, int version, AssessmentState state, ProductType productType, String language,
                      String title, Subject subject, List<Portion> summary, List<KeyJudgment> keyJudgments,
                      String likelihood, String impact, String threatLevel, Confidence confidence,
                      String confidenceReasons, List<EvidenceLink> evidence, List<String> assumptions,
                      List<Indicator> indicators, LocalDate validFrom, LocalDate validUntil, LocalDate reviewBy,
                      String publicSummary, MarkingView marking, String authorUserId, String organisationId,
                      List<String> contributors, String approvedBy, Instant approvedAt, Instant disseminatedAt,
                      String withdrawalReason, String supersedes, String supersededBy, String sanitisedFrom,
                      Instant createdAt, Instant updatedAt) {

    static AssessmentView of(Assessment a, ClassificationScheme scheme) {
        return new AssessmentView(a.id(), a.version(), a.state(), a.productType(), a.language(), a.title(), a.subject(),
                a.summary(), a.keyJudgments(), a.likelihood(), a.impact(), a.threatLevel(), a.confidence(),
                a.confidenceReasons(), a.evidence(), a.assumptions(), a.indicators(), a.validFrom(), a.validUntil(),
                a.reviewBy(), a.publicSummary(), MarkingView.of(a.marking(), scheme), a.authorUserId(),
                a.organisationId(), a.contributors(), a.approvedBy(), a.approvedAt(), a.disseminatedAt(),
                a.withdrawalReason(), a.supersedes(), a.supersededBy(), a.sanitisedFrom(), a.createdAt(), a.updatedAt());
    }
}
