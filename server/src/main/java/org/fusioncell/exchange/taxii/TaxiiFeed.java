package org.fusioncell.exchange.taxii;

import java.time.Instant;

/**
 * A TAXII client feed with a partner cell: PULL applies the objects of the partner's collection
 * {@code remoteCollectionId} here; PUSH sends the objects of our collection {@code localCollectionId} that the
 * partner may read to the partner's collection. {@code cursor}: the date added of the last object applied
 * (PULL, as the partner sent it) or sent (PUSH, ours) — a run resumes after it.
 */
public record TaxiiFeed(String id, String ownerOrganisationId, String partnerId, Direction direction,
                        String remoteCollectionId, String localCollectionId, int intervalSeconds, boolean enabled,
                        String cursor, Instant nextRunAt, Instant lastRunAt, String lastOutcome, String lastError,
                        long objectsTotal, Instant createdAt) {

    public enum Direction { PULL, PUSH }
}
