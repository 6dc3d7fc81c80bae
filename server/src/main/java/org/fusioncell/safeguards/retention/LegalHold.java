package org.fusioncell.safeguards.retention;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A documented legal hold on one item: while it is active ({@link #activeOn}), neither the purge nor a review's
 * deletion erases the item. {@code authority} and {@code reference} say who ordered it (a court, a prosecutor)
 * and under which case number.
 */
public record LegalHold(String id, String itemType, String itemId, String organisationId, String reason,
                        String authority, String reference, LocalDate endsOn, String placedBy, Instant placedAt,
                        String releasedBy, Instant releasedAt, String releaseReason) {

    public boolean activeOn(LocalDate day) {
        return releasedAt == null && (endsOn == null || !endsOn.isBefore(day));
    }
}
