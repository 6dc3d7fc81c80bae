package org.fusioncell.search.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * The presearcher's key for one query: terms (and term prefixes) of which every matching document holds
 * at least one, in some field. A document that holds none of them cannot match, so the query is not
 * even checked. Derived from the query's structure, never guessed:
 * <ul>
 *   <li>a term is its own key; a prefix query's prefix is a prefix key;</li>
 *   <li>a conjunction (required clauses) needs only one clause's key: the one that looks rarest
 *   (fewest, longest terms), since the document must match that clause too;</li>
 *   <li>a disjunction needs the keys of all its clauses together; a phrase, one of its words (all
 *   are required);</li>
 *   <li>anything that might match without any particular term (a pure negation, match-all, a fuzzy
 *   word, an unknown query type) makes the key {@link #ALWAYS}: the query is checked on every
 *   document. Exclusions ({@code -word}) never add keys; they only make a match less likely.</li>
 * </ul>
 * Keys ignore fields (a term in any field makes the query a candidate): coarser, never narrower.
 */
record QueryKeys(Set<BytesRef> terms, Set<BytesRef> prefixes, boolean always) {

    static final QueryKeys ALWAYS = new QueryKeys(Set.of(), Set.of(), true);
    /** No document can match (e.g. a required clause that matches nothing). */
    static final QueryKeys NEVER = new QueryKeys(Set.of(), Set.of(), false);

    boolean never() {
        return !always && terms.isEmpty() && prefixes.isEmpty();
    }

    static QueryKeys of(Query query) {
        return switch (query) {
            case TermQuery t -> term(t.getTerm());
            case BoostQuery b -> of(b.getQuery());
            case ConstantScoreQuery c -> of(c.getQuery());
            case MatchNoDocsQuery m -> NEVER;
            case SynonymQuery s -> anyOf(s.getTerms().stream().map(QueryKeys::term).toList());
            case PhraseQuery p -> rarest(p.getTerms().length == 0 ? List.of(ALWAYS)
                    : java.util.Arrays.stream(p.getTerms()).map(QueryKeys::term).toList());
            case MultiPhraseQuery p -> rarest(java.util.Arrays.stream(p.getTermArrays())
                    .map(alternatives -> anyOf(java.util.Arrays.stream(alternatives).map(QueryKeys::term).toList()))
                    .toList());
            case PrefixQuery p -> p.getPrefix().bytes().length == 0 ? ALWAYS
                    : new QueryKeys(Set.of(), Set.of(BytesRef.deepCopyOf(p.getPrefix().bytes())), false);
            case BooleanQuery b -> ofBoolean(b);
            default -> ALWAYS; // match-all, fuzzy, anything not understood: checked on every document
        };
    }

    private static QueryKeys ofBoolean(BooleanQuery b) {
        List<QueryKeys> required = new ArrayList<>();
        List<QueryKeys> optional = new ArrayList<>();
        for (BooleanClause c : b.clauses()) {
            switch (c.occur()) {
                case MUST, FILTER -> required.add(of(c.query()));
                case SHOULD -> optional.add(of(c.query()));
                case MUST_NOT -> { } // exclusions cannot make a document match
            }
        }
        if (!required.isEmpty()) {
            return rarest(required);
        }
        if (optional.isEmpty()) {
            return ALWAYS; // only exclusions (Lucene matches nothing; stay on the safe side)
        }
        return anyOf(optional); // at least one optional clause must match
    }

    private static QueryKeys term(Term t) {
        return new QueryKeys(Set.of(BytesRef.deepCopyOf(t.bytes())), Set.of(), false);
    }

    /** Keys of clauses that must all match: any one of them will do; never if one can never match. */
    static QueryKeys rarest(List<QueryKeys> all) {
        QueryKeys best = ALWAYS;
        for (QueryKeys k : all) {
            if (k.never()) {
                return NEVER;
            }
            if (!k.always && (best.always || k.cost() < best.cost())) {
                best = k;
            }
        }
        return best;
    }

    /** Keys of clauses of which one must match: all of them together; always if one may match anything. */
    static QueryKeys anyOf(List<QueryKeys> any) {
        Set<BytesRef> terms = new HashSet<>();
        Set<BytesRef> prefixes = new HashSet<>();
        for (QueryKeys k : any) {
            if (k.always) {
                return ALWAYS;
            }
            terms.addAll(k.terms);
            prefixes.addAll(k.prefixes);
        }
        return new QueryKeys(Set.copyOf(terms), Set.copyOf(prefixes), false);
    }

    /**
     * How often these keys will make the query a candidate, roughly: a term's document frequency falls
     * with its length, and a prefix stands for many terms. Only the choice among required clauses uses
     * it; a poor estimate costs speed, never a match.
     */
    double cost() {
        double c = 0;
        for (BytesRef t : terms) {
            c += 1.0 / square(UnicodeUtil.codePointCount(t));
        }
        for (BytesRef p : prefixes) {
            c += 8.0 / square(UnicodeUtil.codePointCount(p));
        }
        return c;
    }

    private static double square(int n) {
        return (double) Math.max(1, n) * Math.max(1, n);
    }
}
