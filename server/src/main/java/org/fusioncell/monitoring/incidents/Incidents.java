package org.fusioncell.monitoring.incidents;

import java.util.Optional;
import java.util.function.Consumer;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Incidents, read through the reader's access predicate only. Every call is audited: recording as
 * collection, lists and opened incidents as consultation (ids only), counts as search, exports as export.
 */
public interface Incidents {

    String INFORMATION_TYPE = "incident";

    /**
     * Checks and stores the draft (an {@link org.fusioncell.shared.InvalidInputException} names the wrong
     * field; nothing is written); audited as collection; publishes {@link IncidentRecorded} (an import publishes one {@link IncidentsImported}). With a
     * {@code reportId} the author must see that report and the marking must be at least the report's.
     */
    Incident record(Reader author, IncidentDraft draft);

    /**
     * A system read for watch evaluation (no reader): the incident with its marking, so the caller decides
     * per recipient. Like {@code Reports.forProcessing}, it shows nothing to anyone and is not logged by
     * itself; what evaluation combines and discloses is logged there (docs/monitoring.md).
     */
    Optional<Incident> forProcessing(String incidentId);

    Page<Incident> list(Reader reader, IncidentQuery query, PageRequest page);

    long count(Reader reader, IncidentQuery query);

    IncidentAccess open(Reader reader, String incidentId);

    /** Streams every incident the reader may see under the query, newest first; returns how many. */
    long export(Reader reader, IncidentQuery query, Consumer<IncidentDetail> sink);
}
