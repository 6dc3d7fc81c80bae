package org.fusioncell.monitoring;

import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/** A reader's own alerts only; every read and change is audited. */
public interface Alerts {

    String INFORMATION_TYPE = "alert";

    /** Newest first; {@code state} (optional) filters. */
    Page<Alert> inbox(Reader reader, AlertState state, PageRequest page);

    long count(Reader reader, AlertState state);

    Optional<Alert> open(Reader reader, String alertId);

    /** Moves the alert on; a refused move is a value, not an exception. */
    Transition move(Reader reader, String alertId, AlertState next, String note);

    sealed interface Transition {
        record Moved(Alert alert) implements Transition {
        }

        record NotAllowed(AlertState from, AlertState to) implements Transition {
        }

        record Unknown() implements Transition {
        }
    }
}
