package org.fusioncell.intake;

import java.time.Instant;
import java.time.LocalDate;
import org.fusioncell.access.Marking;

/** A stored report as its reader sees it. {@code language} is detected: ar, fr, en or und. */
public record Report(String id, String title, String body, String language, Instant occurredAt, Instant reportedAt,
                     Place place, Grading grading, Marking marking, String originatingOrganisationId,
                     String authorUserId, LocalDate retentionUntil, int version) {
}
