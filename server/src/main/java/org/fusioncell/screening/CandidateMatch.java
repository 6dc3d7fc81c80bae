package org.fusioncell.screening;

import org.jspecify.annotations.Nullable;

/**
 * A listed entry found for a screened name, with the list and version it comes from.
 *
 * @param entryId the id of the entry's content that matched (a later change of the entry gets another)
 */
public record CandidateMatch(String listId, String listName, int listVersion, String entryId, String entryReference,
                             @Nullable String listingReference, String primaryName, String matchedName,
                             String queryName, double score, Explanation explanation) {
}
