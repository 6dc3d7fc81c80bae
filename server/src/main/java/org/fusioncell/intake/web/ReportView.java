package org.fusioncell.intake.web;

import java.time.Instant;
import java.time.LocalDate;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.intake.Place;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportSummary;

/** Reports in the API's JSON. */
final class ReportView {

    private ReportView() {
    }

    record Grading(String sourceReliability, int informationCredibility, String code) {
        static Grading of(org.fusioncell.intake.Grading g) {
            return new Grading(g.reliability().name(), g.credibility(), g.code());
        }
    }

    record Full(String id, String title, String body, String language, Instant occurredAt, Instant reportedAt,
                Place place, Grading grading, MarkingView marking, String originatingOrganisationId,
                String authorUserId, LocalDate retentionUntil, int version) {
    }

    record Summary(String id, String title, String language, Instant reportedAt, Grading grading,
                   MarkingView marking, String originatingOrganisationId) {
    }

    static Full of(Report r, ClassificationScheme scheme) {
        return new Full(r.id(), r.title(), r.body(), r.language(), r.occurredAt(), r.reportedAt(), r.place(),
                Grading.of(r.grading()), MarkingView.of(r.marking(), scheme), r.originatingOrganisationId(),
                r.authorUserId(), r.retentionUntil(), r.version());
    }

    static Summary of(ReportSummary r, ClassificationScheme scheme) {
        return new Summary(r.id(), r.title(), r.language(), r.reportedAt(), Grading.of(r.grading()),
                MarkingView.of(r.marking(), scheme), r.originatingOrganisationId());
    }
}
