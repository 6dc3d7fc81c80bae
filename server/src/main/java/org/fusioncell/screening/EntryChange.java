package org.fusioncell.screening;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one entry differs in a version from the version before. {@code changedFields} names the
 * {@link WatchlistEntry} fields that differ ({@code names}, {@code birthDates}, {@code documents}…)
 * for a {@link Kind#CHANGED} entry, and is empty otherwise.
 */
public record EntryChange(String reference, Kind kind, String primaryName, @Nullable String listingReference,
                          List<String> changedFields) {

    public enum Kind { ADDED, CHANGED, DELISTED }

    public EntryChange {
        changedFields = List.copyOf(changedFields);
    }
}
