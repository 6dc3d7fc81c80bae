package org.fusioncell.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.fusioncell.search.ContextTexts;
import org.fusioncell.search.InvalidQueryText;
import org.fusioncell.search.SearchDocument;
import org.junit.jupiter.api.Test;

/**
 * The presearcher never drops a true match, and the watch checks agree with search itself. Thousands of
 * random queries over the Arabic UN pages and French and English text (words, conjunctions,
 * alternatives, exclusions, phrases with and without slop, prefixes, fuzzy words, brackets, pure
 * exclusions) are matched against hundreds of random documents, and compared with:
 * <ul>
 *   <li>search: the documents indexed by {@link LuceneIndex}'s own document builder into a Lucene index,
 *   each query run there as the search page runs it (documents with a language);</li>
 *   <li>Lucene on a MemoryIndex holding all three stemmed fields (documents of unknown language);</li>
 *   <li>every query checked without the presearcher (brute force).</li>
 * </ul>
 * Fixed seed; {@code -Dtextwatch.seed=N} explores others.
 */
class TextWatchExactnessTest {

    private static final int QUERIES = 2_000;
    private static final int DOCUMENTS = 200;
    private static final int FUZZY_DOCUMENTS = 40;
    private static final String[] LANGUAGES = {"ar", "fr", "en", "und", "ar", "fr", "en", "und", "ar", null};

    private final SplittableRandom random = new SplittableRandom(Long.getLong("textwatch.seed", 20261122L));
    private final Analyzer analyzer = SearchAnalysis.analyzer();

    @Test
    void presearchAndChecksAgreeWithSearchAndWithBruteForce() throws IOException {
        List<String> texts = new ArrayList<>(ContextTexts.arabicParagraphs());
        texts.addAll(ContextTexts.FRENCH);
        texts.addAll(ContextTexts.ENGLISH);
        texts.addAll(ContextTexts.englishSummaries());
        List<String[]> sentences = texts.stream().map(t -> t.split("[^\\p{L}\\p{N}'’]+")).map(TextWatchExactnessTest::words)
                .filter(w -> w.length > 2).toList();
        // half of the picks by frequency in the text (common words: many matches), half among distinct words
        String[] running = sentences.stream().flatMap(Arrays::stream).toArray(String[]::new);
        String[] distinct = Arrays.stream(running).distinct().toArray(String[]::new);
        this.running = running;
        String[] vocabulary = distinct;

        LuceneTextWatching watching = new LuceneTextWatching();
        LiveTextWatchSet set = (LiveTextWatchSet) watching.newSet();
        Map<String, String> queries = new LinkedHashMap<>();
        int refused = 0;
        while (queries.size() < QUERIES) {
            String q = query(vocabulary, sentences);
            try {
                set.put("q" + queries.size(), q);
                queries.put("q" + queries.size(), q);
            } catch (InvalidQueryText e) {
                refused++;
            }
        }
        assertThat(refused).as("generated queries refused").isLessThan(QUERIES / 20);

        List<SearchDocument> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(document(i, sentences));
        }
        Map<String, Query> parsed = new LinkedHashMap<>();
        queries.forEach((id, q) -> parsed.put(id, SearchText.parse(analyzer, q.strip())));
        // A fuzzy word in a whole index expands to its 50 best-scoring neighbours in that index, so what
        // search finds with it depends on the other documents; a watch sees one document (docs/search.md):
        // fuzzy queries are compared with Lucene on that one document, on the first documents only (Lucene
        // builds its Levenshtein automata on every run, which is slow).
        Map<String, Query> fuzzy = new LinkedHashMap<>();
        parsed.forEach((id, q) -> {
            if (q.toString().contains("~")) {
                fuzzy.put(id, q);
            }
        });
        assertThat(fuzzy.size()).as("fuzzy queries").isBetween(QUERIES / 100, QUERIES / 20);
        Map<String, Query> withoutFuzzy = new LinkedHashMap<>(parsed);
        withoutFuzzy.keySet().removeAll(fuzzy.keySet());
        Map<String, Set<String>> bySearch = searchResults(withoutFuzzy, documents);

        int checkedFuzzy = 0;
        long matches = 0;
        long candidates = 0;
        for (SearchDocument d : documents) {
            String language = d.facets().isEmpty() ? d.language() : null;
            Set<String> found = language == null ? set.matching(d.title(), d.body())
                    : set.matching(d.title(), d.body(), language);
            Set<String> actual = found;
            boolean withFuzzy = checkedFuzzy++ < FUZZY_DOCUMENTS;
            Set<String> expected;
            if (language == null) {
                expected = memoryIndexResults(withFuzzy ? parsed : withoutFuzzy, d, null);
            } else {
                expected = new HashSet<>(bySearch.getOrDefault(d.id(), Set.of()));
                if (withFuzzy) {
                    expected.addAll(memoryIndexResults(fuzzy, d, language));
                }
            }
            if (!withFuzzy) {
                actual = new HashSet<>(actual);
                actual.removeAll(fuzzy.keySet());
            }
            assertThat(actual).as("document %s (%s) against search; differing queries: %s", d.id(), language,
                    differing(actual, expected, queries)).isEqualTo(expected);
            assertThat(set.matchingAll(d.title(), d.body(), language)).as("brute force").isEqualTo(found);
            matches += found.size();
            candidates += set.candidates(d.title(), d.body(), language);
        }
        assertThat(matches).as("enough true matches for the comparison to mean something")
                .isGreaterThan(DOCUMENTS * 20L);
        assertThat(candidates).as("the presearcher leaves well under half of the queries to check")
                .isLessThan((long) DOCUMENTS * QUERIES / 2);
    }

    private static Map<String, String> differing(Set<String> actual, Set<String> expected, Map<String, String> queries) {
        Map<String, String> out = new LinkedHashMap<>();
        actual.stream().filter(q -> !expected.contains(q)).forEach(q -> out.put("extra " + q, queries.get(q)));
        expected.stream().filter(q -> !actual.contains(q)).forEach(q -> out.put("missed " + q, queries.get(q)));
        return out;
    }

    /** Query id → ids of the documents (with a language) that search finds with it, over a real index. */
    private Map<String, Set<String>> searchResults(Map<String, Query> queries, List<SearchDocument> documents)
            throws IOException {
        Map<String, Set<String>> byDocument = new HashMap<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (SearchDocument d : documents) {
                if (d.facets().isEmpty()) {
                    w.addDocument(LuceneIndex.toLucene(d));
                }
            }
            w.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (Map.Entry<String, Query> q : queries.entrySet()) {
                    for (ScoreDoc hit : searcher.search(q.getValue(), DOCUMENTS).scoreDocs) {
                        String id = searcher.storedFields().document(hit.doc).get(LuceneIndex.ID);
                        byDocument.computeIfAbsent(id, k -> new HashSet<>()).add(q.getKey());
                    }
                }
            }
        }
        return byDocument;
    }

    /**
     * Query ids matching one document (among those given) by Lucene on a MemoryIndex holding it as the index would, or for an
     * unknown language (null) with all three stemmed fields.
     */
    private Set<String> memoryIndexResults(Map<String, Query> queries, SearchDocument d, String language)
            throws IOException {
        MemoryIndex index = new MemoryIndex();
        index.addField(SearchAnalysis.TITLE_ALL, d.title(), analyzer);
        index.addField(SearchAnalysis.BODY_ALL, d.body(), analyzer);
        for (String l : language == null ? List.of("ar", "fr", "en")
                : SearchAnalysis.languageField(language) == null ? List.<String>of() : List.of(language)) {
            index.addField(SearchAnalysis.languageField(l), d.title() + "\n" + d.body(), analyzer);
        }
        IndexSearcher searcher = index.createSearcher();
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, Query> q : queries.entrySet()) {
            if (searcher.count(q.getValue()) > 0) {
                out.add(q.getKey());
            }
        }
        return out;
    }

    /** A document of random consecutive sentences (a title from one, a body of 20–300 words). */
    private SearchDocument document(int i, List<String[]> sentences) {
        String[] first = sentences.get(random.nextInt(sentences.size()));
        String title = String.join(" ", Arrays.copyOfRange(first, 0, Math.min(first.length, 2 + random.nextInt(6))));
        StringBuilder body = new StringBuilder();
        int target = 20 + random.nextInt(280);
        int start = random.nextInt(sentences.size());
        for (int s = start; body.length() < target * 7; s = (s + 1) % sentences.size()) {
            body.append(String.join(" ", sentences.get(s))).append(". ");
        }
        String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
        // unknown language is marked by a facet, so that the record can still carry a language
        return new SearchDocument("report", "d" + i, "open", 0, title, body.toString(),
                language == null ? "und" : language, Instant.EPOCH, "org", List.of(),
                language == null ? Map.of("unknown", List.of("yes")) : Map.of());
    }

    private String query(String[] vocabulary, List<String[]> sentences) {
        String a = pick(vocabulary);
        String b = pick(vocabulary);
        String c = pick(vocabulary);
        String[] s = sentences.get(random.nextInt(sentences.size()));
        int at = random.nextInt(s.length - 2);
        return switch (random.nextInt(50)) {
            case 0 -> a;
            case 1 -> a + " " + b;
            case 2 -> a + " | " + b;
            case 3 -> a + " -" + b;
            case 4 -> "\"" + s[at] + " " + s[at + 1] + "\"";
            case 5 -> "\"" + a + " " + b + "\"";
            case 6 -> prefix(a) + " " + (random.nextBoolean() ? b : "");
            case 7 -> "(" + a + " | " + b + ") " + c;
            case 8 -> "-" + a;
            case 9 -> a + "~" + (random.nextInt(4) == 0 ? 2 : 1);
            case 10 -> "\"" + s[at] + " " + s[at + 2] + "\"~" + random.nextInt(3);
            case 11 -> a + " " + b + " " + c + " | " + pick(vocabulary);
            case 12, 13, 14, 15, 16, 17, 25, 26, 27, 28, 29, 30, 31 -> a + " " + b;
            case 18, 19, 20, 32, 33, 34 -> "\"" + s[at] + " " + s[at + 1] + "\" " + c;
            case 35, 36, 37, 38 -> a;
            case 39, 40, 41 -> a + " | " + b;
            case 42, 43 -> "(" + a + " | " + b + ") " + c;
            case 44, 45 -> "\"" + s[at] + " " + s[at + 1] + "\"";
            default -> inflect(a) + " " + (random.nextBoolean() ? "-" + inflect(b) : inflect(b));
        };
    }

    private String prefix(String word) {
        int cut = Math.min(word.length(), 3 + random.nextInt(4));
        return word.substring(0, cut) + "*";
    }

    /** The same word with an article, a preposition or a plural ending, as a user might write it. */
    private String inflect(String word) {
        boolean arabic = word.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC);
        String[] variants = arabic ? new String[] {"ال" + word, "لل" + word, word + "ات", word + "ين", "و" + word}
                : new String[] {"l'" + word, word + "s", word.toUpperCase(java.util.Locale.ROOT), "d'" + word, word + "ed"};
        return random.nextInt(3) == 0 ? word : variants[random.nextInt(variants.length)];
    }

    private String[] running;

    private String pick(String[] distinct) {
        String[] from = random.nextBoolean() ? running : distinct;
        return from[random.nextInt(from.length)];
    }

    private static String[] words(String[] tokens) {
        return Arrays.stream(tokens).filter(t -> !t.isBlank() && !t.startsWith("'") && !t.endsWith("'"))
                .toArray(String[]::new);
    }
}
