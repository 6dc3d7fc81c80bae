package org.fusioncell.monitoring;

import java.util.Set;

/** An alert's life: new → acknowledged → actioned or closed (a new alert may be closed at once). */
public enum AlertState {
    NEW,
    ACKNOWLEDGED,
    ACTIONED,
    CLOSED;

    public boolean mayBecome(AlertState next) {
        return switch (this) {
            case NEW -> Set.of(ACKNOWLEDGED, CLOSED).contains(next);
            case ACKNOWLEDGED -> Set.of(ACTIONED, CLOSED).contains(next);
            case ACTIONED -> next == CLOSED;
            case CLOSED -> false;
        };
    }
}
