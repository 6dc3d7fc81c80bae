package org.fusioncell.search.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * A parsed query turned into a yes/no test on one analysed document. Boolean structure and single terms
 * are tested directly on the document's term sets (a term query matches a one-document index exactly
 * when the field holds the term; a boolean query matches by Lucene's rules, restated in {@link All});
 * prefixes and fuzzy words are tested on the term list (what their Lucene queries do on one document);
 * phrases, once all their words are present, and anything else are asked of Lucene on the document's
 * {@link org.apache.lucene.index.memory.MemoryIndex}. Most standing queries are words and operators, so
 * most checks are a few hash lookups instead of a Lucene search. {@code TextWatchExactnessTest} holds
 * this equal to Lucene over the whole query.
 */
sealed interface QueryCheck {

    boolean test(DocumentTerms document);

    static QueryCheck of(Query query) {
        return switch (query) {
            case TermQuery t -> new HasTerm(DocumentTerms.bit(t.getTerm().field()), TermKey.of(t.getTerm().bytes()));
            case BoostQuery b -> of(b.getQuery());
            case ConstantScoreQuery c -> of(c.getQuery());
            case MatchAllDocsQuery m -> Always.YES;
            case MatchNoDocsQuery m -> Always.NO;
            case SynonymQuery s -> anyTerm(s.getField(), s.getTerms());
            case BooleanQuery b -> all(b);
            case PhraseQuery p when p.getSlop() == 0 && p.getTerms().length > 0 -> new ExactPhrase(p.getField(),
                    Arrays.stream(p.getTerms()).map(t -> BytesRef.deepCopyOf(t.bytes())).toArray(BytesRef[]::new),
                    Arrays.stream(p.getTerms()).map(t -> TermKey.of(t.bytes())).toArray(TermKey[]::new),
                    p.getPositions());
            case PhraseQuery p -> new AllTermsThenLucene(p.getField(), Arrays.stream(p.getTerms())
                    .map(t -> new BytesRef[] {BytesRef.deepCopyOf(t.bytes())}).toArray(BytesRef[][]::new), query);
            case MultiPhraseQuery p when p.getTermArrays().length > 0 -> new AllTermsThenLucene(p.getTermArrays()[0][0].field(), Arrays.stream(p.getTermArrays())
                    .map(ts -> Arrays.stream(ts).map(t -> BytesRef.deepCopyOf(t.bytes())).toArray(BytesRef[]::new))
                    .toArray(BytesRef[][]::new), query);
            case FuzzyQuery f when f.getPrefixLength() == 0 -> new NearTerm(f.getTerm().field(), new ByteRunAutomaton(
                    new LevenshteinAutomata(f.getTerm().text(), f.getTranspositions()).toAutomaton(f.getMaxEdits())));
            case PrefixQuery p -> new HasPrefix(p.getPrefix().field(), BytesRef.deepCopyOf(p.getPrefix().bytes()));
            default -> new ByLucene(query);
        };
    }

    private static QueryCheck anyTerm(String field, List<Term> terms) {
        List<QueryCheck> any = new ArrayList<>();
        terms.forEach(t -> any.add(new HasTerm(DocumentTerms.bit(field), TermKey.of(t.bytes()))));
        return anyOf(any);
    }

    /**
     * One of these must hold. A word is one term per field (title, body, each stemmed field), often the
     * same bytes: those become one lookup of the term with the fields where it counts.
     */
    private static QueryCheck anyOf(List<QueryCheck> any) {
        Map<TermKey, Integer> byTerm = new LinkedHashMap<>();
        List<QueryCheck> rest = new ArrayList<>();
        for (QueryCheck c : any) {
            if (c instanceof HasTerm t) {
                byTerm.merge(t.term(), t.fields(), (a, b) -> a | b);
            } else {
                rest.add(c);
            }
        }
        byTerm.forEach((term, fields) -> rest.add(new HasTerm(fields, term)));
        return rest.size() == 1 ? rest.getFirst()
                : new All(new QueryCheck[0], rest.toArray(QueryCheck[]::new), new QueryCheck[0], 1);
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
        if (required.isEmpty() && excluded.isEmpty() && minimum == 1 && !optional.isEmpty()) {
            return anyOf(optional);
        }
        if (required.size() == 1 && excluded.isEmpty() && minimum == 0) {
            return required.getFirst(); // optional clauses only score
        }
        return new All(required.toArray(QueryCheck[]::new), optional.toArray(QueryCheck[]::new),
                excluded.toArray(QueryCheck[]::new), minimum);
    }

    /** The term in one of these fields (bits of {@link DocumentTerms#FIELDS}). */
    record HasTerm(int fields, TermKey term) implements QueryCheck {
        @Override
        public boolean test(DocumentTerms document) {
            return (document.fields(term) & fields) != 0;
        }
    }

    /**
     * A phrase without slop: its terms at the same distances as in the query (the rule of Lucene's exact
     * phrase matcher), read from the document's positions instead of running a Lucene search.
     */
    record ExactPhrase(String field, BytesRef[] terms, TermKey[] keys, int[] offsets) implements QueryCheck {
        @Override
        public boolean test(DocumentTerms document) {
            int bit = DocumentTerms.bit(field);
            for (TermKey t : keys) {
                if ((document.fields(t) & bit) == 0) {
                    return false;
                }
            }
            int[][] positions = new int[terms.length][];
            for (int i = 0; i < terms.length; i++) {
                positions[i] = document.positions(field, terms[i]);
            }
            for (int start : positions[0]) {
                int base = start - offsets[0];
                boolean all = true;
                for (int i = 1; i < terms.length && all; i++) {
                    all = Arrays.binarySearch(positions[i], base + offsets[i]) >= 0;
                }
                if (all) {
                    return true;
                }
            }
            return false;
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

    /**
     * A phrase: every position's term (or one of its alternatives) must be in the field before Lucene is
     * asked about positions. Necessary, so skipping Lucene when it fails changes no answer.
     */
    record AllTermsThenLucene(String field, BytesRef[][] positions, Query query) implements QueryCheck {
        @Override
        public boolean test(DocumentTerms document) {
            int bit = DocumentTerms.bit(field);
            for (BytesRef[] alternatives : positions) {
                boolean any = false;
                for (BytesRef t : alternatives) {
                    if ((document.fields(TermKey.of(t)) & bit) != 0) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return document.matches(query);
        }
    }

    /**
     * A fuzzy word: on one document Lucene's fuzzy query matches exactly when some term of the field is
     * within the edit distance (its top-terms rewrite keeps at least one accepted term), i.e. accepted by
     * the same Levenshtein automaton, built once here instead of on every run.
     */
    record NearTerm(String field, ByteRunAutomaton near) implements QueryCheck {
        @Override
        public boolean test(DocumentTerms document) {
            return document.anyTerm(field, t -> near.run(t.bytes, t.offset, t.length));
        }
    }

    /** A prefix query matches when some term of the field starts with the prefix bytes. */
    record HasPrefix(String field, BytesRef prefix) implements QueryCheck {
        @Override
        public boolean test(DocumentTerms document) {
            return document.hasPrefix(field, prefix);
        }
    }

    record ByLucene(Query query) implements QueryCheck {
        @Override
        public boolean test(DocumentTerms document) {
            return document.matches(query);
        }
    }
}
