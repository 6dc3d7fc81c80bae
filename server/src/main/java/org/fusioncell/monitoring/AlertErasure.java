package org.fusioncell.monitoring;

import java.time.Instant;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.ExpiredItem;

/** Erasure of alerts, for the retention purge (docs/monitoring.md "Erasure"). */
public interface AlertErasure {

    /**
     * Erases the alert with its deliveries and digest entries (the outbox rows that carry its text), in one
     * transaction. An alert is held by the organisation that owns its watch: only a reader of that organisation
     * may erase it; anyone else is refused (audited as access denied) and false. False too when no such alert is
     * held. Audited as erasure with the reason.
     */
    boolean erase(Reader actor, String alertId, String reason);

    /**
     * Alerts raised before {@code cutoff} that nobody still has to act on (actioned or closed), by id after
     * {@code afterId}, at most {@code limit}. A new or acknowledged alert is kept however old: it is work
     * outstanding, and its recipient closes it first. Ids and holders only; not logged.
     */
    List<ExpiredItem> expired(Instant cutoff, String afterId, int limit);

    /** The organisation holding the alert (the organisation of the alert's watch), for placing a legal hold on it; not logged. */
    java.util.Optional<String> holder(String id);
}
