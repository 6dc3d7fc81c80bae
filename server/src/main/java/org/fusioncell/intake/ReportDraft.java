package org.fusioncell.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.Marking;

/**
 * A checked report as contributed, before it is stored. Without {@code retentionUntil} the configured
 * default period applies; {@code tags} must come from the configured {@link Taxonomies}.
 */
public record ReportDraft(String title, String body, Instant occurredAt, Place place, Grading grading,
                          Marking marking, LocalDate retentionUntil, List<String> tags) {

    public ReportDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A draft without tags, as before tags existed. */
    public ReportDraft(String title, String body, Instant occurredAt, Place place, Grading grading, Marking marking,
                       LocalDate retentionUntil) {
        this(title, body, occurredAt, place, grading, marking, retentionUntil, List.of());
    }
}
