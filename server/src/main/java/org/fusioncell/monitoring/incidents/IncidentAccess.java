package org.fusioncell.monitoring.incidents;

import org.fusioncell.access.Marking;

/**
 * The outcome of opening an incident: refusals are values. A hidden incident and one that does not exist
 * give the same {@link Unknown}.
 */
public sealed interface IncidentAccess {

    record Opened(IncidentDetail detail) implements IncidentAccess {
    }

    /** Hit/no-hit: the reader learns that the holder has the incident, its level, and whom to ask. */
    record KnownToExist(String incidentId, String holderOrganisationId, Marking marking, String reason)
            implements IncidentAccess {
    }

    record Unknown() implements IncidentAccess {
    }
}
