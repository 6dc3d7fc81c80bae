package org.fusioncell.exchange.taxii;

/**
 * One STIX object version ready to store: its id, type, version (its {@code modified}, else {@code created}),
 * spec version, compact JSON as it will be served, and the FusionCell marking (with the information type it
 * marks) that decides who may read it — null: every reader of the collection.
 */
public record StixObject(String id, String type, String version, String specVersion, String json, String markingId,
                         String informationType) {
}
