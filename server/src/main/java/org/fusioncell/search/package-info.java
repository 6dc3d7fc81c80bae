/**
 * Multilingual full-text search over the information the reader may see: an index behind
 * {@link org.fusioncell.search.SearchIndex} and {@link org.fusioncell.search.Search} (Lucene in-process
 * now, a search cluster later). The reader's visible markings are a filter inside the query, so hits,
 * totals and facets never count hidden items. Owning modules feed it: they index their items on their
 * own events and implement {@link org.fusioncell.search.SearchSource} for a rebuild.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search",
        allowedDependencies = {"shared", "access", "audit", "identity"})
package org.fusioncell.search;
