package org.fusioncell.search;

import java.util.Set;

/**
 * A live set of standing queries keyed by watch id. Thread-safe: {@link #put} and {@link #remove} may run
 * concurrently with {@link #matching}; a matching call running during a change sees the watch either as
 * it was or as it became (or, for a watch being added, possibly not yet).
 */
public interface TextWatchSet {

    /** Validates (as {@link TextWatching#validate}) and adds, or replaces the earlier query of this watch. */
    void put(String watchId, String query);

    void remove(String watchId);

    int size();

    /**
     * Ids of the queries this document satisfies. The language is not known here, so the text is analysed
     * as Arabic, French and English at once: a query matches if search would find the document under any
     * of those languages (a superset of {@link #matching(String, String, String)}; recall first).
     */
    Set<String> matching(String title, String body);

    /**
     * Ids of the queries this document satisfies, exactly as search would find it when indexed with this
     * language ({@code ar}, {@code fr}, {@code en}, or {@code und} for the language-neutral fields only;
     * null means unknown, as {@link #matching(String, String)}).
     */
    default Set<String> matching(String title, String body, String language) {
        return matching(title, body);
    }
}
