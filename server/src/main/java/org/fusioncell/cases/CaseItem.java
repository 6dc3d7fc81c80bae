package org.fusioncell.cases;

import java.time.Instant;

/** An item of a case the reader may see; {@code label} is the report's title or the entity's label. */
public record CaseItem(String id, ItemType itemType, String itemId, String label, int classificationRank,
                       String holderOrganisationId, String note, String addedByUserId, String addedByOrganisationId,
                       Instant addedAt) {
}
