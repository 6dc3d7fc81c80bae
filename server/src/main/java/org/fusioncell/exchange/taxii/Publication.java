package org.fusioncell.exchange.taxii;

import org.fusioncell.access.Reader;

/**
 * The installation's own items in its publishing collections (see {@link TaxiiCollection#publishes()}):
 * reports, the entities they mention and the links they assert go in as they are recorded and revised, under
 * their own markings; erased items are revoked. Every decision here is audited.
 */
public interface Publication {

    /**
     * The originator's approval for a TLP:RED or originator-controlled report (with its links) or entity to go
     * into a collection: only a supervisor of the item's owner organisation gives it; the item is published at
     * once. Throws {@link org.fusioncell.shared.NotFoundException} when the collection or item is not the
     * approver's to see, {@link org.fusioncell.shared.InvalidInputException} naming the field otherwise.
     */
    Published approve(Reader supervisor, String collectionId, String itemId, String reason);

    /**
     * Revokes an object of a collection owned by the administrator's organisation: a new version with
     * {@code revoked: true} that every reader who could read the object receives, so that partners erase their
     * copy.
     */
    int revoke(Reader admin, String collectionId, String objectId, String reason);

    /** Publishes everything that qualifies now (when a collection starts publishing); answers what it did. */
    Published publishAll(Reader admin, String collectionId);

    record Published(int added, int revoked) {
    }
}
