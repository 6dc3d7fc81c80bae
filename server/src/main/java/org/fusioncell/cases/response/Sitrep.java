package org.fusioncell.cases.response;

import java.time.Instant;
import java.util.List;

/**
 * A numbered situation report of a response case, in {@code language} (ar, fr or en). It carries the case's
 * marking (it has none of its own); {@code dueAt}: when it was due on the rhythm, {@code nextDueAt}: when the
 * next one is.
 */
public record Sitrep(String id, String caseId, int number, String language, String situation, String actionsTaken,
                     String needs, List<Figure> figures, Instant dueAt, Instant nextDueAt, String authorUserId,
                     String authorOrganisationId, Instant writtenAt) {

    /** A casualty or victim figure as reported: how many, who says so, as of when. Later figures revise it. */
    public record Figure(FigureCategory category, int value, String source, Instant asOf, int sitrepNumber,
                         String recordedByUserId, Instant recordedAt) {
    }

    public boolean late() {
        return dueAt != null && writtenAt.isAfter(dueAt);
    }
}
