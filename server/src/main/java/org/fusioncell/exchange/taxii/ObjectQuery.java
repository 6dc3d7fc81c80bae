package org.fusioncell.exchange.taxii;

import java.time.Instant;
import java.util.List;

/**
 * The filters of a TAXII request: {@code added_after}, {@code limit}, {@code next} and {@code match[id]},
 * {@code match[type]}, {@code match[version]} (last, first, all or timestamps; last when absent) and
 * {@code match[spec_version]}. {@code next} is the cursor of the previous page.
 */
public record ObjectQuery(Instant addedAfter, int limit, Cursor next, List<String> ids, List<String> types,
                          List<String> versions, List<String> specVersions) {

    /** Where a page ended: the last row's date added and sequence. */
    public record Cursor(Instant dateAdded, long seq) {
    }
}
