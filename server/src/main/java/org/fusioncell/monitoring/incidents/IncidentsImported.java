package org.fusioncell.monitoring.incidents;

import java.util.List;

/**
 * Published once in the transaction of a CSV import with the ids of the incidents it added, so that
 * watch evaluation handles an import of thousands of rows as one unit of work rather than thousands of
 * event publications.
 */
public record IncidentsImported(List<String> incidentIds) {

    public IncidentsImported {
        incidentIds = List.copyOf(incidentIds);
    }
}
