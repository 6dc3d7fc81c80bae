package org.fusioncell.screening;

/** The outcome of importing a file as the next version of a list: refusals are values. */
public sealed interface ListImport {

    /** A new version was stored (the first one creates the list). */
    record Imported(WatchlistVersion version, boolean newList) implements ListImport {
    }

    /** The file holds exactly the entries of the current version: no version is created (audited). */
    record Unchanged(WatchlistVersion current) implements ListImport {
    }

    /**
     * The name belongs to a list the importer may not update: one owned by another organisation, or
     * one they may not see (the two are not told apart). Nothing was written.
     */
    record Refused(String listName) implements ListImport {
    }
}
