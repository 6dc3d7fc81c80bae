package org.fusioncell.exchange.rfi;

import java.time.Instant;

/**
 * A request as an inbox lists it. {@code state} is the reader's addressee state for an incoming request;
 * for an outgoing one the least advanced of the addressees' states (CANCELLED when cancelled).
 * {@code overdue}: past due with at least one addressee still owing the answer this reader can see.
 */
public record RfiSummary(String id, String title, Priority priority, Instant dueAt, String requesterOrganisationId,
                         boolean incoming, AddresseeState state, int addressees, int answered, boolean overdue,
                         int classificationRank, Instant createdAt) {
}
