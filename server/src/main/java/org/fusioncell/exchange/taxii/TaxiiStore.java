package org.fusioncell.exchange.taxii;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;

/**
 * Collections and their objects as TAXII 2.1 serves them. A page is one query over pre-serialised objects
 * (keyset on date added and sequence), the reader's access to each object's marking inside it. Reads and
 * writes are audited.
 */
public interface TaxiiStore {

    /** One stored object version as listed. */
    record Row(long seq, String id, String version, String specVersion, Instant dateAdded, String json) {
    }

    /** One page: its rows in order, whether more follow, and the cursor of its last row. */
    record Page(List<Row> rows, boolean more, ObjectQuery.Cursor next) {
    }

    /** What the reader may do with a collection; empty when they may not know it exists. */
    record Rights(TaxiiCollection collection, boolean canRead, boolean canWrite) {
    }

    /** A date added as TAXII writes it (microseconds, UTC): what headers carry and clients send back. */
    static String timestamp(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(t);
    }

    List<Rights> collections(Reader reader, String apiRoot);

    Optional<Rights> collection(Reader reader, String apiRoot, String collectionId);

    /** Objects (or, with {@code objectId}, one object's versions) in date-added order. */
    Page objects(Reader reader, TaxiiCollection collection, ObjectQuery query, String objectId);

    /**
     * Adds object versions; a version already there is left as it is (a resumed push adds nothing twice).
     * Answers the versions actually added.
     */
    List<StixObject> add(Reader reader, TaxiiCollection collection, List<StixObject> objects, Instant at);

    /** Removes the object's versions the query's version and spec-version filters match; answers how many. */
    int delete(Reader reader, TaxiiCollection collection, String objectId, ObjectQuery query);

    /** Stores a status resource (already serialised) for later GETs by the same reader. */
    void saveStatus(Reader reader, String statusId, String collectionId, Instant at, String resource);

    Optional<String> status(Reader reader, String statusId);

    TaxiiCollection create(Reader admin, TaxiiCollection draft);

    /** The collections into which the installation's own items are published. */
    List<TaxiiCollection> publishing();

    /** A collection by id whatever the reader (scheduled work on behalf of its owner). */
    Optional<TaxiiCollection> forProcessing(String collectionId);
}
