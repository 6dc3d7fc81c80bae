package org.fusioncell.monitoring.incidents;

import java.util.List;

/**
 * Published in the transaction of a CSV import with the ids of the incidents it added, in parts of at
 * most {@link #MAX_IDS} (the event registry keeps each event in at most 4,000 characters), so that watch
 * evaluation takes an import of thousands of rows in a few hundred units of work rather than thousands.
 */
public record IncidentsImported(List<String> incidentIds) {

    public static final int MAX_IDS = 80;

    public IncidentsImported {
        incidentIds = List.copyOf(incidentIds);
    }
}
