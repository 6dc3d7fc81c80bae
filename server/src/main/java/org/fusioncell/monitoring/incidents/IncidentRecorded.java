package org.fusioncell.monitoring.incidents;

/**
 * Published in the transaction that stores a new incident (by hand, from a report, or imported);
 * listeners (watch evaluation) receive it after commit through the event publication registry.
 */
public record IncidentRecorded(String incidentId) {
}
