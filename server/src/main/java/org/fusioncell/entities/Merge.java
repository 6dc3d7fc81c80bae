package org.fusioncell.entities;

import java.time.Instant;
import java.util.List;

/**
 * One merge: who merged which entities into which survivor, when and why; and its split, if any.
 * {@code mergedIds} holds the merged entities the reader may see.
 */
public record Merge(String id, String survivorId, List<String> mergedIds, String reason, String mergedBy,
                    String mergedByOrganisation, Instant mergedAt, String splitBy, Instant splitAt,
                    String splitReason) {

    public Merge {
        mergedIds = List.copyOf(mergedIds);
    }

    public boolean split() {
        return splitAt != null;
    }
}
