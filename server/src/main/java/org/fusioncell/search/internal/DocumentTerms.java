package org.fusioncell.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * One document analysed once, field by field as {@link LuceneIndex} indexes it (title and body in the
 * language-neutral fields, title + body in the stemmed field of each language considered), into a
 * {@link MemoryIndex}; with its terms per field for the presearcher and for plain term checks.
 */
final class DocumentTerms {

    private static final List<String> LANGUAGES = List.of("ar", "fr", "en");

    private final MemoryIndex index;
    private final Map<String, Set<BytesRef>> terms = new HashMap<>();
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
                Set<BytesRef> set = new HashSet<>((int) Math.max(16, t.size() * 4 / 3 + 1));
                TermsEnum e = t.iterator();
                for (BytesRef term = e.next(); term != null; term = e.next()) {
                    set.add(BytesRef.deepCopyOf(term));
                }
                terms.put(info.name, set);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
    }

    boolean has(String field, BytesRef term) {
        Set<BytesRef> set = terms.get(field);
        return set != null && set.contains(term);
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

    List<String> fields() {
        return new ArrayList<>(terms.keySet());
    }
}
