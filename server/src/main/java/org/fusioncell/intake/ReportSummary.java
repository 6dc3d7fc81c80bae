package org.fusioncell.intake;

import java.time.Instant;
import java.util.List;
import org.fusioncell.access.Marking;

/** A line of a report list: enough to choose what to open, never the body. */
public record ReportSummary(String id, String title, String language, Instant reportedAt, Grading grading,
                            Marking marking, String originatingOrganisationId, List<String> tags) {

    public ReportSummary {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public ReportSummary(String id, String title, String language, Instant reportedAt, Grading grading,
                         Marking marking, String originatingOrganisationId) {
        this(id, title, language, reportedAt, grading, marking, originatingOrganisationId, List.of());
    }
}
