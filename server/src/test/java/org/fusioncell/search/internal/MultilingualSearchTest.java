package org.fusioncell.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.search.SearchDocument;
import org.fusioncell.search.SearchQuery;
import org.fusioncell.search.SearchResult;
import org.fusioncell.shared.PageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analysis and the access filter of the Lucene index, on the five real Arabic UN pages of
 * {@code ../shared/context} (indexed as reports) and small French and English reports. No Spring: the
 * index and the search are built by hand over a temporary directory, with the reader's visible marking
 * ids given directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultilingualSearchTest {

    private static final Reader READER = new Reader("u-1", "org-1", OrganisationType.STATE_AGENCY, 3, Set.of(),
            List.of(), "test");

    @TempDir
    static Path dir;

    private LuceneIndex index;
    private LuceneSearch search;
    private final Set<String> visibleMarkings = new HashSet<>(Set.of("open"));
    private final List<AuditRecord> audited = new ArrayList<>();
    private final List<String> pages = new ArrayList<>();

    @BeforeAll
    void indexPages() throws IOException {
        index = new LuceneIndex(dir.toString());
        search = new LuceneSearch(index, new VisibleMarkings(), audited::add);
        Path context = Path.of("../../shared/context");
        if (!Files.isDirectory(context) && System.getenv("FUSIONCELL_TEST_DATA") != null) {
            context = Path.of(System.getenv("FUSIONCELL_TEST_DATA"), "..", "context");
        }
        assumeTrue(Files.isDirectory(context), "the Arabic pages of ../shared/context are absent: skipped");
        List<SearchDocument> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(context)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String id = f.getFileName().toString().substring(0, 3);
                pages.add(id);
                int firstLine = text.indexOf('\n');
                docs.add(report(id, "open", text.substring(0, firstLine).strip(), text.substring(firstLine + 1), "ar"));
            }
        }
        assumeTrue(pages.size() == 5, "expected the five Arabic pages");
        docs.add(report("fr-1", "open", "Échange d'informations", "L'échange d'informations entre États et l'Été des "
                + "opérations conjointes.", "fr"));
        docs.add(report("en-1", "open", "Border report", "The terrorists attacked the convoy; the group's leaders fled.",
                "en"));
        docs.add(report("secret-1", "secret", "الإرهاب", "مكافحة الإرهاب information terrorists", "ar"));
        index.indexAll(docs);
    }

    @AfterAll
    void close() throws IOException {
        index.close();
    }

    private static SearchDocument report(String id, String marking, String title, String body, String language) {
        return new SearchDocument("report", id, marking, 0, title, body, language, Instant.parse("2026-01-01T00:00:00Z"),
                "org-" + language, List.of(), Map.of());
    }

    private Set<String> ids(String text) {
        return search.search(READER, SearchQuery.text(text), new PageRequest(0, 100)).items().stream()
                .map(SearchResult.Hit::id).collect(Collectors.toSet());
    }

    @Test
    void arabicWordFoundWithAndWithoutDiacriticsAndWithEitherHamzaForm() {
        Set<String> plain = ids("الإرهاب");
        assertThat(plain).containsAll(pages);
        assertThat(ids("الإرهابِ")).as("kasra on the query").isEqualTo(plain);
        assertThat(ids("الارهاب")).as("bare alef for alef with hamza below").isEqualTo(plain);
        assertThat(ids("الإرهـــاب")).as("tatweel").isEqualTo(plain);
    }

    @Test
    void diacriticsInThePageDoNotHideIt() {
        assertThat(ids("التعلم")).contains("000").isEqualTo(ids("التعلُّم"));
        assertThat(ids("الاطر")).contains("002").isEqualTo(ids("الأُطر"));
    }

    @Test
    void hamzaVariantsFindTheSamePage() {
        assertThat(ids("الاجراءات")).contains("000").isEqualTo(ids("الإجراءات")).isEqualTo(ids("الأجراءات"));
    }

    @Test
    void taMarbutaAndHaFindTheSamePages() {
        assertThat(ids("مكافحه")).contains("001", "002", "003", "004").isEqualTo(ids("مكافحة"));
        assertThat(ids("الاستقصائيه")).contains("000").isEqualTo(ids("الاستقصائية"));
    }

    @Test
    void arabicLightStemmingFindsPrefixedForms() {
        // the pages write لمكافحة ("for countering"); the stemmed field strips the prefix and the suffix
        assertThat(ids("المكافحة")).contains("003");
    }

    @Test
    void frenchElisionAndAccentsAreFolded() {
        assertThat(ids("information")).contains("fr-1");
        assertThat(ids("l'information")).contains("fr-1");
        assertThat(ids("etats")).contains("fr-1");
        assertThat(ids("ÉTÉ")).contains("fr-1");
        assertThat(ids("operation")).as("light stemming").contains("fr-1");
    }

    @Test
    void englishStemmingAndPossessives() {
        assertThat(ids("attack")).contains("en-1");
        assertThat(ids("terrorist")).contains("en-1");
        assertThat(ids("group")).contains("en-1");
    }

    @Test
    void prefixesAreFoldedAndNormalisedLikeTheIndexedWords() {
        assertThat(ids("Terror*")).contains("en-1").isEqualTo(ids("terror*"));
        assertThat(ids("الإرهاب*")).containsAll(pages).isEqualTo(ids("الارهاب*"));
        assertThat(ids("L'ÉCHANG*")).contains("fr-1");
    }

    @Test
    void hiddenItemsAreNeitherCountedNorFaceted() {
        SearchResult r = search.search(READER, SearchQuery.text("الإرهاب"), new PageRequest(0, 2));
        assertThat(r.total()).isEqualTo(5);
        assertThat(r.items()).hasSize(2);
        assertThat(r.facets().get("language")).containsExactly(new SearchResult.FacetCount("ar", 5));
        assertThat(ids("terrorists")).doesNotContain("secret-1");
        visibleMarkings.add("secret");
        try {
            assertThat(ids("terrorists")).contains("secret-1");
        } finally {
            visibleMarkings.remove("secret");
        }
    }

    @Test
    void snippetsMarkMatchesAndEscapeMarkup() {
        SearchResult r = search.search(READER, SearchQuery.text("الارهاب"), new PageRequest(0, 1));
        assertThat(r.items().getFirst().snippet()).contains("<mark>");
        SearchResult en = search.search(READER, SearchQuery.text("convoy"), new PageRequest(0, 5));
        assertThat(en.items().getFirst().snippet()).contains("<mark>convoy</mark>");
    }

    @Test
    void searchIsAuditedWithoutTheQueryText() {
        audited.clear();
        search.search(READER, SearchQuery.text("convoy"), new PageRequest(0, 5));
        assertThat(audited).hasSize(1);
        assertThat(audited.getFirst().toString()).doesNotContain("convoy").contains("en-1");
    }

    @Test
    void indexingAndQueryTimingsAreReasonable() throws IOException {
        List<SearchDocument> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(report("bulk-" + i, "open", "تقرير " + i, "تبادل المعلومات لمنع التهديدات الإرهابية " + i
                    + " exchange of information to prevent terrorism threats", "ar"));
        }
        long t0 = System.nanoTime();
        index.indexAll(many);
        long indexed = System.nanoTime() - t0;
        t0 = System.nanoTime();
        int queries = 50;
        for (int i = 0; i < queries; i++) {
            search.search(READER, SearchQuery.text("التهديدات"), new PageRequest(0, 20));
        }
        long queried = (System.nanoTime() - t0) / queries;
        System.out.printf("search timing: indexed 2000 reports in %d ms; one query (20 hits, facets) in %.2f ms%n",
                indexed / 1_000_000, queried / 1e6);
        for (SearchDocument d : many) {
            index.remove(d.type(), d.id());
        }
        assertThat(indexed / 1_000_000).isLessThan(60_000);
    }

    private final class VisibleMarkings implements Markings {
        @Override
        public String save(Marking marking) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Marking> find(String markingId) {
            return Optional.empty();
        }

        @Override
        public Map<String, Marking> findAll(Collection<String> markingIds) {
            return Map.of();
        }

        @Override
        public Set<String> visibleIds(Reader reader, String informationType) {
            return Set.copyOf(visibleMarkings);
        }
    }
}
