package org.fusioncell.search;

import org.fusioncell.access.Reader;
import org.fusioncell.shared.PageRequest;

/**
 * The read side: full text with filters, facets and highlighting, over exactly the items the reader
 * may see (VISIBLE). Audited as a search with the ids of the page returned.
 */
public interface Search {

    SearchResult search(Reader reader, SearchQuery query, PageRequest page);
}
