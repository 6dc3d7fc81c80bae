package org.fusioncell.search;

/**
 * Standing full-text queries ("text watches") for monitoring: the same syntax and the same analysis as
 * the search page, matched against one new document at a time instead of against the index
 * (docs/search.md, "Text watches"). A Spring bean of the search module.
 */
public interface TextWatching {

    /**
     * Throws {@link InvalidQueryText} (an {@link org.fusioncell.shared.InvalidInputException} on field
     * {@code query}) naming what is wrong and where: empty, too long, an unclosed quote or bracket, a
     * misplaced operator or wildcard, or nothing searchable left after analysis.
     */
    void validate(String query);

    /** A live, thread-safe set of standing full-text queries, matched with the index's own analysis. */
    TextWatchSet newSet();
}
