package org.fusioncell.intake.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.intake.Attachment;
import org.fusioncell.intake.ReportVersion;
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
                String authorUserId, LocalDate retentionUntil, int version, List<String> tags) {
    }

    record Summary(String id, String title, String language, Instant reportedAt, Grading grading,
                   MarkingView marking, String originatingOrganisationId, List<String> tags) {
    }

    record Version(int version, String changedByUserId, Instant changedAt, String reason, String classification) {
        static Version of(ReportVersion v, ClassificationScheme scheme) {
            return new Version(v.version(), v.changedByUserId(), v.changedAt(), v.reason(),
                    scheme.level(Math.min(v.classificationRank(), scheme.levels().size() - 1)));
        }
    }

    /** {@code reportId} first so a list of none still says whose it is. */
    record Versions(String reportId, List<Version> items) {
    }

    record AttachmentView(String id, String reportId, String sha256, long size, String mediaType, String displayName,
                          String addedByUserId, Instant addedAt) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.reportId(), a.sha256(), a.size(), a.mediaType(), a.displayName(),
                    a.addedByUserId(), a.addedAt());
        }
    }

    record AttachmentList(String reportId, List<AttachmentView> items) {
    }

    static Full of(Report r, ClassificationScheme scheme) {
        return new Full(r.id(), r.title(), r.body(), r.language(), r.occurredAt(), r.reportedAt(), r.place(),
                Grading.of(r.grading()), MarkingView.of(r.marking(), scheme), r.originatingOrganisationId(),
                r.authorUserId(), r.retentionUntil(), r.version(), r.tags());
    }

    static Summary of(ReportSummary r, ClassificationScheme scheme) {
        return new Summary(r.id(), r.title(), r.language(), r.reportedAt(), Grading.of(r.grading()),
                MarkingView.of(r.marking(), scheme), r.originatingOrganisationId(), r.tags());
    }
}
