package org.fusioncell.search.internal;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;

/**
 * How a query text becomes a Lucene query: one parser for the search page and for standing queries
 * (text watches), so both understand the same syntax with the same analysis. Every word is looked for in
 * the language-neutral fields and in each language's stemmed field, each with that field's own chain.
 */
public final class SearchText {

    /** Fields searched and their weights (the weights only order search hits; watches ignore them). */
    static final Map<String, Float> WEIGHTS = Map.of(
            SearchAnalysis.TITLE_ALL, 2.0f, SearchAnalysis.BODY_ALL, 1.0f,
            SearchAnalysis.TEXT_PREFIX + "ar", 0.8f, SearchAnalysis.TEXT_PREFIX + "fr", 0.8f,
            SearchAnalysis.TEXT_PREFIX + "en", 0.8f);

    private SearchText() {
    }

    /**
     * The query for a (non-blank) text: all words required; {@code "phrase"}, {@code prefix*},
     * {@code -word}, {@code a | b}, {@code (…)}, {@code word~1}, {@code "phrase"~2}.
     */
    public static Query parse(Analyzer analyzer, String text) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS);
        parser.setDefaultOperator(Occur.MUST);
        return parser.parse(text);
    }
}
