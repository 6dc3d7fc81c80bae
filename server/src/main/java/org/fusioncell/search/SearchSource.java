package org.fusioncell.search;

import java.util.function.Consumer;

/**
 * Implemented (as a Spring bean) by a module that owns indexed items, so the index can be rebuilt from
 * the module's own tables: after a lost index directory, an analysis change, or on demand.
 */
public interface SearchSource {

    /** The information type of the documents this source gives. */
    String type();

    /** Streams every document of {@link #type()}; no reader, no audit: this is the system indexing itself. */
    void forEach(Consumer<SearchDocument> sink);
}
