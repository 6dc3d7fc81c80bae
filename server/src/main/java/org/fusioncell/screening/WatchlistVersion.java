package org.fusioncell.screening;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One imported version of a list: the publisher's own version and date when given, who imported it
 * and when, and how it differs from the version before (entries added, changed and delisted).
 */
public record WatchlistVersion(String id, String listId, String listName, int number, WatchlistFormat format,
                               @Nullable String publisherVersion, @Nullable Instant generatedAt, Instant importedAt,
                               String importedBy, int added, int changed, int delisted, int entryCount) {
}
