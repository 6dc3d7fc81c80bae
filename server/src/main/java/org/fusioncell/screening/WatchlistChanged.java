package org.fusioncell.screening;

/**
 * Published in the transaction that stores a new version of a list. Listeners receive it after commit
 * through the event publication registry (so a crash loses none): the screening index is rebuilt and
 * recently screened travellers are screened again against the added and changed entries.
 */
public record WatchlistChanged(String listId, String listName, String versionId, int versionNumber, int added,
                               int changed, int delisted) {
}
