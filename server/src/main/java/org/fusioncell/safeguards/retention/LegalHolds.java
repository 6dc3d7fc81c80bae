package org.fusioncell.safeguards.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;

/**
 * Legal holds, placed and released by the data-protection officer with a documented reason; every call that
 * changes or lists them is audited.
 */
public interface LegalHolds {

    /** The item types a hold may name: every type the purge erases item by item. */
    List<String> TYPES = List.of("report", "entity", "incident", "alert", "case", "request-for-information",
            "civil-society-submission");

    record HoldDraft(String itemType, String itemId, String reason, String authority, String reference,
                     String endsOn) {
    }

    /** Placed, or refused because no such item is held here (the hold would protect nothing). */
    sealed interface Placement {
        record Placed(LegalHold hold) implements Placement {
        }

        record UnknownItem() implements Placement {
        }
    }

    /** @throws org.fusioncell.shared.InvalidInputException naming the field on bad input */
    Placement place(Reader officer, HoldDraft draft);

    /** The released hold, or empty when no such active hold exists. */
    Optional<LegalHold> release(Reader officer, String holdId, String reason);

    List<LegalHold> list(Reader officer, boolean activeOnly);

    /** The active hold on the item on {@code day}, for processing (not logged). */
    Optional<LegalHold> activeOn(String itemType, String itemId, LocalDate day);
}
