package org.fusioncell.exchange.taxii;

import java.time.Instant;
import java.util.Set;

/**
 * A TAXII collection: what one agreement's parties, or one partner, may read (and, if named writers,
 * add to). {@code readerOrganisationIds} and the parties of {@code agreementId} (while it is in force)
 * read; {@code writerOrganisationIds} write; the owner organisation does both. {@code publishes}: the
 * installation's own reports, entities and links that may go to the collection's readers are published into
 * it as they are recorded, revised and erased.
 */
public record TaxiiCollection(String id, String apiRoot, String title, String description, String alias,
                              String ownerOrganisationId, String agreementId, Set<String> readerOrganisationIds,
                              Set<String> writerOrganisationIds, Instant createdAt, boolean publishes) {
}
