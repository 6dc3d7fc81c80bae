package org.fusioncell.intake;

import java.time.Instant;
import org.fusioncell.access.Marking;

/** A line of a report list: enough to choose what to open, never the body. */
public record ReportSummary(String id, String title, String language, Instant reportedAt, Grading grading,
                            Marking marking, String originatingOrganisationId) {
}
