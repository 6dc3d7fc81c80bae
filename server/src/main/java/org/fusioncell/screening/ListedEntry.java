package org.fusioncell.screening;

import java.util.List;

/**
 * One entry of a list with its history: the content it has now (or had when it was delisted), whether
 * it is still listed, and every version that added, changed or delisted it, oldest first.
 *
 * @param entryId the id of this content of the entry (a changed entry gets a new one; hits refer to it)
 */
public record ListedEntry(String listId, String listName, String entryId, boolean active, WatchlistEntry entry,
                          List<Revision> history) {

    public ListedEntry {
        history = List.copyOf(history);
    }

    /** A version that touched the entry. */
    public record Revision(int versionNumber, EntryChange.Kind kind, List<String> changedFields) {
        public Revision {
            changedFields = List.copyOf(changedFields);
        }
    }
}
