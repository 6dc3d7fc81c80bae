package org.fusioncell.screening;

import java.time.Instant;
import org.fusioncell.access.Marking;

/**
 * What every hit holds whatever its state: the screened person and the listed entry it was found for,
 * the score, and where it came from ({@code RESCREENING}: found when a list changed; {@code ENTITY}: found
 * when a person entity was recorded).
 */
public record HitFacts(String id, String runId, String subjectId, String listId, String listName, int listVersion,
                       String entryId, String entryReference, String matchedName, String queryName, double score,
                       Origin origin, Marking marking, String organisationId, Instant createdAt) {

    public enum Origin { SCREENING, RESCREENING, ENTITY }
}
