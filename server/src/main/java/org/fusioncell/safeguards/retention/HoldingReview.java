package org.fusioncell.safeguards.retention;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One review cycle of one held item. {@code title} is shown only to a reader the item's marking lets read it;
 * otherwise null and the page shows the id and the holder. {@code outcome} is null while the review is open.
 */
public record HoldingReview(String id, String itemType, String itemId, String organisationId, int cycle,
                            LocalDate dueOn, boolean overdue, String title, String outcome, String decidedBy,
                            Instant decidedAt, String reason, LocalDate nextDueOn) {
}
