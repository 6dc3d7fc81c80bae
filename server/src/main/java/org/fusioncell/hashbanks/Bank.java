package org.fusioncell.hashbanks;

import java.time.Instant;
import org.fusioncell.access.Marking;

/** A hash bank: its marking decides who sees it and its entries; {@code liveEntries} excludes tombstones. */
public record Bank(String id, String name, String description, String ownerOrganisationId, Marking marking,
                   String createdBy, Instant createdAt, Instant updatedAt, long liveEntries, long deletedEntries) {
}
