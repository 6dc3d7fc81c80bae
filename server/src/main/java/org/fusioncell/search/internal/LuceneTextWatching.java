package org.fusioncell.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.fusioncell.search.InvalidQueryText;
import org.fusioncell.search.InvalidQueryText.Problem;
import org.fusioncell.search.SearchQuery;
import org.fusioncell.search.TextWatchSet;
import org.fusioncell.search.TextWatching;
import org.springframework.stereotype.Component;

/**
 * Text watches with the search page's parser ({@link SearchText}) and analysis ({@link SearchAnalysis}).
 * Public so that tests and benchmarks can build it without Spring; other modules use {@link TextWatching}.
 */
@Component
public final class LuceneTextWatching implements TextWatching {

    /** Analyzers are thread-safe and keep their token streams per thread: one for all sets. */
    private final Analyzer analyzer = SearchAnalysis.analyzer();

    @Override
    public void validate(String query) {
        parse(query);
    }

    @Override
    public TextWatchSet newSet() {
        return new LiveTextWatchSet(this, analyzer);
    }

    /** The query as search would run it, after the checks of {@link #validate}. */
    Query parse(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidQueryText(Problem.EMPTY, 0);
        }
        if (query.strip().length() > SearchQuery.MAX_TEXT) {
            throw new InvalidQueryText(Problem.TOO_LONG, 0);
        }
        QuerySyntax.check(query);
        Query parsed = SearchText.parse(analyzer, query.strip());
        if (QueryKeys.of(parsed).never()) {
            throw new InvalidQueryText(Problem.NOTHING_SEARCHABLE, 0);
        }
        return parsed;
    }
}
