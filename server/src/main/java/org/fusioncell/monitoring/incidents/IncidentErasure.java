package org.fusioncell.monitoring.incidents;

import java.time.Instant;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.ExpiredItem;

/** Erasure of incidents, for the retention purge and the data-protection officer (docs/incidents.md "Erasure"). */
public interface IncidentErasure {

    /**
     * Erases the incident and the alerts raised on it (with their deliveries), in one transaction, after
     * publishing {@link IncidentErased}. Only a reader of the owning organisation may erase; anyone else is
     * refused (audited as access denied) and false. False too when no such incident is held. Audited as erasure
     * with the reason ({@link org.fusioncell.shared.ErasureReason}).
     */
    boolean erase(Reader actor, String incidentId, String reason);

    /**
     * Incidents whose date (the end date when it has one) and recording both lie before {@code cutoff}, by id after
     * {@code afterId}, at most {@code limit}. Ids and holders only; not logged (the purge audits what it erases).
     */
    List<ExpiredItem> expired(Instant cutoff, String afterId, int limit);

    /** The organisation holding the incident (the owning organisation), for placing a legal hold on it; not logged. */
    java.util.Optional<String> holder(String id);
}
