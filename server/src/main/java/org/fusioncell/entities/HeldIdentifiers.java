package org.fusioncell.entities;

import java.util.List;

/**
 * System read of the identifier keys an organisation holds (its own entities, merged-away ones excluded),
 * for federated hit/no-hit matching: the caller hashes each key and compares, and tells the partner only
 * hit or no hit. Keys are personal data: never log or show them; the caller audits what it derives.
 */
public interface HeldIdentifiers {

    /**
     * Up to {@code limit} distinct keys (locations excluded) of entities owned by {@code organisationId},
     * greater than {@code afterKey} ({@code ""} to start), in key order, with the id of one entity holding each.
     */
    List<Held> page(String organisationId, String afterKey, int limit);

    record Held(String key, String entityId) {
    }
}
