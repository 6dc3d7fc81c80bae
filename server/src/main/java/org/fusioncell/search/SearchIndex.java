package org.fusioncell.search;

import java.util.Collection;

/**
 * The write side of the index. A call returns once the change is durable (committed to disk) and
 * visible to the next search, so an acknowledged write survives a crash.
 */
public interface SearchIndex {

    /** Adds or replaces the document with this type and id. */
    void index(SearchDocument document);

    /** Adds or replaces several documents with one commit. */
    void indexAll(Collection<SearchDocument> documents);

    void remove(String type, String id);

    /** Drops every document of the type (before a rebuild from its {@link SearchSource}). */
    void removeType(String type);

    /** Number of documents searchable now, all types, regardless of any reader (operations only). */
    long size();
}
