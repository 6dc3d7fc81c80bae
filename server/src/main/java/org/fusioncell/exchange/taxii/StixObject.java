package org.fusioncell.exchange.taxii;

/**
 * One STIX object version ready to store: its id, type, version (its {@code modified}, else {@code created}),
 * spec version, compact JSON as it will be served, and the FusionCell marking (with the information type it
 * marks) that decides who may read it — null: every reader of the collection.
 */
public record StixObject(String id, String type, String version, String specVersion, String json, String markingId,
                         String informationType) {

    /**
     * The one version of an object without {@code modified} or {@code created} — a cyber-observable, whose
     * deterministic id already names its content — so that sending it again adds nothing.
     */
    public static final String UNVERSIONED = "1970-01-01T00:00:00.000Z";
}
