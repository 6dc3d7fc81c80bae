package org.fusioncell.search.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A parsed query turned into a yes/no test on one analysed document. Boolean structure and single terms
 * are tested directly on the document's term sets (a term query matches a one-document index exactly
 * when the field holds the term; a boolean query matches by Lucene's rules, restated in {@link All});
 * everything else (phrases, prefixes, fuzzy words) is asked of Lucene on the document's
 * {@link org.apache.lucene.index.memory.MemoryIndex}. Most standing queries are words and operators, so
 * most checks are a few hash lookups instead of a Lucene search. {@code TextWatchesExactnessTest} holds
 * this equal to Lucene over the whole query.
 */
sealed interface QueryCheck {

    boolean test(DocumentTerms document);

    static QueryCheck of(Query query) {
        return switch (query) {
            case TermQuery t -> new HasTerm(t.getTerm().field(), BytesRef.deepCopyOf(t.getTerm().bytes()));
            case BoostQuery b -> of(b.getQuery());
            case ConstantScoreQuery c -> of(c.getQuery());
            case MatchAllDocsQuery m -> Always.YES;
            case MatchNoDocsQuery m -> Always.NO;
            case SynonymQuery s -> anyTerm(s.getField(), s.getTerms());
            case BooleanQuery b -> all(b);
            default -> new ByLucene(query);
        };
    }

    private static QueryCheck anyTerm(String field, List<Term> terms) {
        List<QueryCheck> any = new ArrayList<>();
        terms.forEach(t -> any.add(new HasTerm(field, BytesRef.deepCopyOf(t.bytes()))));
        return new All(new QueryCheck[0], any.toArray(QueryCheck[]::new), new QueryCheck[0], 1);
    }

    private static QueryCheck all(BooleanQuery b) {
        List<QueryCheck> required = new ArrayList<>();
        List<QueryCheck> optional = new ArrayList<>();
        List<QueryCheck> excluded = new ArrayList<>();
        for (BooleanClause c : b.clauses()) {
            QueryCheck check = of(c.query());
            switch (c.occur()) {
                case MUST, FILTER -> required.add(check);
                case SHOULD -> optional.add(check);
                case MUST_NOT -> excluded.add(check);
            }
        }
        int minimum = b.getMinimumNumberShouldMatch() > 0 ? b.getMinimumNumberShouldMatch()
                : required.isEmpty() ? 1 : 0; // without required clauses, Lucene wants one optional clause
        return new All(required.toArray(QueryCheck[]::new), optional.toArray(QueryCheck[]::new),
                excluded.toArray(QueryCheck[]::new), minimum);
    }

    record HasTerm(String field, BytesRef term) implements QueryCheck {
        @Override
        public boolean test(DocumentTerms document) {
            return document.has(field, term);
        }
    }

    enum Always implements QueryCheck {
        YES, NO;

        @Override
        public boolean test(DocumentTerms document) {
            return this == YES;
        }
    }

    /** Lucene's boolean rule: every required clause, no excluded clause, at least {@code minimum} optional ones. */
    record All(QueryCheck[] required, QueryCheck[] optional, QueryCheck[] excluded, int minimum) implements QueryCheck {
        @Override
        public boolean test(DocumentTerms document) {
            if (required.length == 0 && optional.length == 0) {
                return false; // only exclusions: Lucene matches nothing
            }
            for (QueryCheck r : required) {
                if (!r.test(document)) {
                    return false;
                }
            }
            for (QueryCheck x : excluded) {
                if (x.test(document)) {
                    return false;
                }
            }
            int found = 0;
            for (int i = 0; i < optional.length && found < minimum; i++) {
                if (optional[i].test(document)) {
                    found++;
                }
            }
            return found >= minimum;
        }
    }

    record ByLucene(Query query) implements QueryCheck {
        @Override
        public boolean test(DocumentTerms document) {
            return document.matches(query);
        }
    }
}
