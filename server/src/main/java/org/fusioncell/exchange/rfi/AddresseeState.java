package org.fusioncell.exchange.rfi;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a request stands with one addressed organisation: OPEN → ASSIGNED → ANSWERED → ACCEPTED, or
 * back to REOPENED (with the requester's reason) and answered again; DECLINED by the addressee (with a
 * reason); CANCELLED when the requester withdraws the whole request.
 */
public enum AddresseeState {
    OPEN,
    ASSIGNED,
    ANSWERED,
    ACCEPTED,
    REOPENED,
    DECLINED,
    CANCELLED;

    /** The states in which the addressee still owes an answer (and can be overdue). */
    public static final Set<AddresseeState> AWAITING = Set.of(OPEN, ASSIGNED, REOPENED);

    public boolean awaiting() {
        return AWAITING.contains(this);
    }

    public boolean closed() {
        return this == ACCEPTED || this == DECLINED || this == CANCELLED;
    }

    public static Optional<AddresseeState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
