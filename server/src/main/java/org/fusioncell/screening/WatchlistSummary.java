package org.fusioncell.screening;

import org.fusioncell.access.Marking;

/** A list as its readers see it: its name, its marking and its current version. */
public record WatchlistSummary(String id, String name, Marking marking, WatchlistVersion current) {
}
