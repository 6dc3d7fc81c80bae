package org.fusioncell.intake;

import java.time.Instant;
import java.time.LocalDate;
import org.fusioncell.access.Marking;

/** A checked report as contributed, before it is stored. */
public record ReportDraft(String title, String body, Instant occurredAt, Place place, Grading grading,
                          Marking marking, LocalDate retentionUntil) {
}
