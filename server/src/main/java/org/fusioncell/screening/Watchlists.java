package org.fusioncell.screening;

import java.util.List;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Watchlists and their versions, read through the reader's access predicate only (a list's versions
 * and entries are read under the list's marking). Every import is audited as collection with its
 * counts and publishes {@link WatchlistChanged}; every read is audited as consultation.
 */
public interface Watchlists {

    String INFORMATION_TYPE = "watchlist";

    /**
     * Stores {@code list} as the next version of the list called {@code listName}, all or nothing in one
     * transaction: entries that are new are added, entries whose content differs are changed (the
     * earlier content is kept), entries no longer in the file are delisted (their history is kept).
     * The first import creates the list under {@code markingForNewList} (null: unclassified TLP:CLEAR,
     * owned by the importer's organisation); later imports keep the list's marking and are allowed to
     * users of its owner organisation only.
     *
     * @throws org.fusioncell.shared.InvalidInputException when the list holds no entry or one reference twice
     */
    ListImport importVersion(Reader importer, String listName, Watchlist list, @Nullable Marking markingForNewList);

    Page<WatchlistSummary> lists(Reader reader, PageRequest page);

    long count(Reader reader);

    ScreeningAccess<WatchlistSummary> find(Reader reader, String listId);

    /** Every version, newest first. */
    ScreeningAccess<List<WatchlistVersion>> versions(Reader reader, String listId);

    /** How version {@code number} differs from the one before; {@code kind} (optional) keeps one kind of change. */
    ScreeningAccess<Page<EntryChange>> changes(Reader reader, String listId, int number, EntryChange.@Nullable Kind kind,
                                              PageRequest page);

    /**
     * The list's entries by primary name; {@code text} (optional) matches the primary name or the reference,
     * case-insensitively; delisted entries are included when {@code withDelisted}.
     */
    ScreeningAccess<Page<ListedEntrySummary>> entries(Reader reader, String listId, @Nullable String text,
                                                      boolean withDelisted, PageRequest page);

    ScreeningAccess<ListedEntry> entry(Reader reader, String listId, String reference);
}
