package org.fusioncell.screening;

import org.fusioncell.names.Subject;
import org.jspecify.annotations.Nullable;

/** An entry in a page of a list's entries. */
public record ListedEntrySummary(String reference, Subject.Kind kind, String primaryName,
                                 @Nullable String listingReference, boolean active, int sinceVersion) {
}
