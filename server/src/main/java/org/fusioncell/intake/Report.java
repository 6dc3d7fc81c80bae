package org.fusioncell.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.Marking;

/**
 * A stored report as its reader sees it. {@code language} is detected: ar, fr, en or und.
 * {@code tags} are {@code taxonomy:value} codes from the configured {@link Taxonomies}. {@code updatedAt}: when
 * the current version was stored (the reported time for a first version).
 */
public record Report(String id, String title, String body, String language, Instant occurredAt, Instant reportedAt,
                     Place place, Grading grading, Marking marking, String originatingOrganisationId,
                     String authorUserId, LocalDate retentionUntil, int version, List<String> tags,
                     Instant updatedAt) {

    public Report {
        updatedAt = updatedAt == null ? reportedAt : updatedAt;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The report without tags, as before tags existed. */
    public Report(String id, String title, String body, String language, Instant occurredAt, Instant reportedAt,
                  Place place, Grading grading, Marking marking, String originatingOrganisationId,
                  String authorUserId, LocalDate retentionUntil, int version) {
        this(id, title, body, language, occurredAt, reportedAt, place, grading, marking, originatingOrganisationId,
                authorUserId, retentionUntil, version, List.of(), reportedAt);
    }
}
