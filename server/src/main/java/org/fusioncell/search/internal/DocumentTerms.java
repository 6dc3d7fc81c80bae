package org.fusioncell.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * One document analysed once, field by field as {@link LuceneIndex} indexes it (title and body in the
 * language-neutral fields, title + body in the stemmed field of each language considered), into a
 * {@link MemoryIndex}; with, for every distinct term, the set of fields holding it (a bit mask), for the
 * presearcher and the term checks, and each field's terms in index order for prefixes and fuzzy words.
 */
final class DocumentTerms {

    /** The text fields a query can name, in bit order. */
    static final List<String> FIELDS = List.of(SearchAnalysis.TITLE_ALL, SearchAnalysis.BODY_ALL,
            SearchAnalysis.TEXT_PREFIX + "ar", SearchAnalysis.TEXT_PREFIX + "fr", SearchAnalysis.TEXT_PREFIX + "en");
    private static final BytesRef[] NONE = new BytesRef[0];
    private static final List<String> LANGUAGES = List.of("ar", "fr", "en");

    private final MemoryIndex index;
    private final LeafReader reader;
    private final Map<TermKey, Integer> fieldsOf = new HashMap<>(1024);
    private final BytesRef[][] sorted = new BytesRef[FIELDS.size()][];
    private IndexSearcher searcher;

    /** The bit of a field in the masks; 0 for a field no document has. */
    static int bit(String field) {
        int i = FIELDS.indexOf(field);
        return i < 0 ? 0 : 1 << i;
    }

    /** {@code language} as a search document's (ar, fr, en, und); null: all three stemmed fields. */
    DocumentTerms(Analyzer analyzer, String title, String body, String language) {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        index = new MemoryIndex(false, false);
        index.addField(SearchAnalysis.TITLE_ALL, title, analyzer);
        index.addField(SearchAnalysis.BODY_ALL, body, analyzer);
        String both = title + "\n" + body;
        for (String l : language == null ? LANGUAGES : List.of(language)) {
            String field = SearchAnalysis.languageField(l);
            if (field != null) {
                index.addField(field, both, analyzer);
            }
        }
        index.freeze();
        reader = (LeafReader) index.createSearcher().getIndexReader();
        try {
            for (int f = 0; f < FIELDS.size(); f++) {
                Terms t = reader.terms(FIELDS.get(f));
                if (t == null) {
                    sorted[f] = NONE;
                    continue;
                }
                BytesRef[] inOrder = new BytesRef[(int) t.size()];
                TermsEnum e = t.iterator();
                int n = 0;
                int bit = 1 << f;
                for (BytesRef term = e.next(); term != null; term = e.next()) {
                    inOrder[n++] = BytesRef.deepCopyOf(term);
                    fieldsOf.merge(TermKey.of(term), bit, (a, b) -> a | b);
                }
                sorted[f] = inOrder;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
    }

    /** The fields (bits) holding the term. */
    int fields(TermKey term) {
        Integer mask = fieldsOf.get(term);
        return mask == null ? 0 : mask;
    }

    boolean anyTerm(String field, Predicate<BytesRef> test) {
        for (BytesRef t : terms(field)) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    boolean hasPrefix(String field, BytesRef prefix) {
        BytesRef[] all = terms(field);
        int at = Arrays.binarySearch(all, prefix);
        if (at >= 0) {
            return true;
        }
        int next = -at - 1; // the first term after the prefix: it starts with it if any term does
        return next < all.length && StringHelper.startsWith(all[next], prefix);
    }

    /** The term's positions in the field, ascending (empty when absent). */
    int[] positions(String field, BytesRef term) {
        try {
            Terms terms = reader.terms(field);
            if (terms == null) {
                return new int[0];
            }
            TermsEnum e = terms.iterator();
            if (!e.seekExact(term)) {
                return new int[0];
            }
            PostingsEnum p = e.postings(null, PostingsEnum.POSITIONS);
            if (p.nextDoc() == DocIdSetIterator.NO_MORE_DOCS) {
                return new int[0];
            }
            int[] out = new int[p.freq()];
            for (int i = 0; i < out.length; i++) {
                out[i] = p.nextPosition();
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every distinct term of the document, whatever its fields (the presearcher needs no field). */
    void forEachTerm(Consumer<TermKey> sink) {
        fieldsOf.keySet().forEach(sink);
    }

    /** Whether Lucene finds this document with the query (sloppy phrases and anything unusual). */
    boolean matches(Query query) {
        try {
            if (searcher == null) {
                searcher = index.createSearcher();
                searcher.setQueryCache(null);
            }
            return searcher.count(query) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BytesRef[] terms(String field) {
        int i = FIELDS.indexOf(field);
        return i < 0 ? NONE : sorted[i];
    }
}
