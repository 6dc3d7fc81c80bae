package org.fusioncell.monitoring.incidents;

/**
 * Published in the transaction that erases an incident, before its row goes: alerts raised on it are erased by
 * a synchronous listener in that same transaction; the retention register records the erasure after commit.
 */
public record IncidentErased(String incidentId, String organisationId, String erasedBy, String reason) {
}
