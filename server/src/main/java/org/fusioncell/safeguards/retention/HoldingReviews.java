package org.fusioncell.safeguards.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.Reader;

/**
 * Review of holdings: each report reaches a review date (its reporting date plus the register's review
 * period, then the date its holder set at the last confirmation); the holder's supervisors are told once per
 * cycle and confirm the need (with the next review date and a reason) or delete the item. Open reviews past
 * the grace period are overdue: listed for the holder and reported to the data-protection officer.
 */
public interface HoldingReviews {

    /** What came of a decision on a review; refusals are values. */
    enum Outcome {
        CONFIRMED, DELETED,
        /** No open review with that id for the reader's organisation. */
        UNKNOWN,
        /** Only a supervisor of the holding organisation decides. */
        NOT_A_SUPERVISOR,
        /** The item is under a legal hold: it may not be deleted now. */
        UNDER_HOLD
    }

    /** Opens the reviews that have come due and tells the holders; answers how many were opened. */
    int sweep(Instant now);

    /** The open reviews of the reader's organisation (supervisors) ; audited as consultation. */
    List<HoldingReview> open(Reader supervisor);

    /** Overdue reviews of every organisation, for the data-protection officer; audited as consultation. */
    List<HoldingReview> overdue(Reader officer);

    /** @throws org.fusioncell.shared.InvalidInputException on a blank reason or a next date not in the future */
    Outcome confirm(Reader supervisor, String reviewId, LocalDate nextReview, String reason);

    /** @throws org.fusioncell.shared.InvalidInputException on a blank reason */
    Outcome delete(Reader supervisor, String reviewId, String reason);
}
