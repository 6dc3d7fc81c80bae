package org.fusioncell.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * One document analysed once, field by field as {@link LuceneIndex} indexes it (title and body in the
 * language-neutral fields, title + body in the stemmed field of each language considered), into a
 * {@link MemoryIndex}; with its terms per field for the presearcher and for plain term checks.
 */
final class DocumentTerms {

    private static final BytesRef[] NONE = new BytesRef[0];
    private static final List<String> LANGUAGES = List.of("ar", "fr", "en");

    private final MemoryIndex index;
    private final Map<String, Set<BytesRef>> terms = new HashMap<>();
    /** The same terms in index order (unsigned bytes), for prefixes and scans. */
    private final Map<String, BytesRef[]> sorted = new HashMap<>();
    private IndexSearcher searcher;

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
        try {
            LeafReader reader = (LeafReader) index.createSearcher().getIndexReader();
            for (var info : reader.getFieldInfos()) {
                Terms t = reader.terms(info.name);
                if (t == null) {
                    continue;
                }
                BytesRef[] inOrder = new BytesRef[(int) t.size()];
                TermsEnum e = t.iterator();
                int n = 0;
                for (BytesRef term = e.next(); term != null; term = e.next()) {
                    inOrder[n++] = BytesRef.deepCopyOf(term);
                }
                terms.put(info.name, new HashSet<>(Arrays.asList(inOrder)));
                sorted.put(info.name, inOrder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
    }

    boolean has(String field, BytesRef term) {
        Set<BytesRef> set = terms.get(field);
        return set != null && set.contains(term);
    }

    boolean anyTerm(String field, Predicate<BytesRef> test) {
        for (BytesRef t : sorted.getOrDefault(field, NONE)) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    boolean hasPrefix(String field, BytesRef prefix) {
        BytesRef[] all = sorted.getOrDefault(field, NONE);
        int at = Arrays.binarySearch(all, prefix);
        if (at >= 0) {
            return true;
        }
        int next = -at - 1; // the first term after the prefix: it starts with it if any term does
        return next < all.length && StringHelper.startsWith(all[next], prefix);
    }

    /** Every term of every field, once per field (the presearcher needs no field). */
    void forEachTerm(Consumer<BytesRef> sink) {
        terms.values().forEach(set -> set.forEach(sink));
    }

    /** Whether Lucene finds this document with the query (phrases, prefixes, fuzzy words). */
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
}
