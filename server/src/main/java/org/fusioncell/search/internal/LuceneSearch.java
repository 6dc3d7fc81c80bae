package org.fusioncell.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.fusioncell.shared.Area;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.search.Search;
import org.fusioncell.search.SearchQuery;
import org.fusioncell.search.SearchResult;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the Lucene index as one reader. The reader's access filter is a FILTER clause of the query
 * itself — per type present in the index, {@code type = t AND marking_id IN visibleIds(reader, t)} — so
 * the hits, the total, the paging and the facet counts are all computed over visible items only.
 */
@Service
class LuceneSearch implements Search {

    /** Deepest hit a page may reach: deeper paging is refused (refine the query instead). */
    static final int MAX_DEPTH = 10_000;

    /** Facet name in the result → index field. */
    private static final Map<String, String> FACETS = Map.of("type", LuceneIndex.TYPE, "language", LuceneIndex.LANGUAGE,
            "organisation", LuceneIndex.ORGANISATION, "classification", LuceneIndex.CLASSIFICATION, "tag", LuceneIndex.TAG);

    private final LuceneIndex index;
    private final Markings markings;
    private final AuditLog audit;

    LuceneSearch(LuceneIndex index, Markings markings, AuditLog audit) {
        this.index = index;
        this.markings = markings;
        this.audit = audit;
    }

    @Override
    @Transactional
    public SearchResult search(Reader reader, SearchQuery query, PageRequest page) {
        if (query.text() != null && query.text().length() > SearchQuery.MAX_TEXT) {
            throw new InvalidInputException("q", "must be at most " + SearchQuery.MAX_TEXT + " characters");
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidInputException("from", "must not be after to");
        }
        if (page.offset() + page.size() > MAX_DEPTH) {
            throw new InvalidInputException("page", "must not reach beyond hit " + MAX_DEPTH + "; refine the query");
        }
        IndexSearcher searcher = index.acquire();
        try {
            Query text = textQuery(query.text());
            Query full = new BooleanQuery.Builder()
                    .add(text, Occur.MUST)
                    .add(accessFilter(searcher, reader, query), Occur.FILTER)
                    .add(filters(query), Occur.FILTER)
                    .build();
            SearchResult result = run(searcher, full, text, query.text() != null, page);
            record(reader, query, page, result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private static Query textQuery(String text) {
        if (text == null) {
            return new MatchAllDocsQuery();
        }
        return SearchText.parse(SearchAnalysis.analyzer(), text);
    }

    /** Visible items of each type present in the index (and asked for); nothing of any other type. */
    private Query accessFilter(IndexSearcher searcher, Reader reader, SearchQuery query) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String type : typesPresent(searcher)) {
            if (!query.types().isEmpty() && !query.types().contains(type)) {
                continue;
            }
            Set<String> visible = markings.visibleIds(reader, type);
            if (visible.isEmpty()) {
                continue;
            }
            any.add(new BooleanQuery.Builder()
                    .add(KeywordField.newExactQuery(LuceneIndex.TYPE, type), Occur.FILTER)
                    .add(new TermInSetQuery(LuceneIndex.MARKING, visible.stream().map(BytesRef::new).toList()), Occur.FILTER)
                    .build(), Occur.SHOULD);
        }
        return any.build(); // no clause matches no document
    }

    private static List<String> typesPresent(IndexSearcher searcher) throws IOException {
        List<String> types = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), LuceneIndex.TYPE);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                types.add(t.utf8ToString());
            }
        }
        return types;
    }

    private static Query filters(SearchQuery q) {
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
        anyOf(all, LuceneIndex.ORGANISATION, q.organisations());
        anyOf(all, LuceneIndex.CLASSIFICATION, q.classificationRanks().stream().map(String::valueOf).collect(Collectors.toSet()));
        anyOf(all, LuceneIndex.LANGUAGE, q.languages());
        anyOf(all, LuceneIndex.TAG, q.tags());
        q.facets().forEach((name, values) -> anyOf(all, LuceneIndex.FACET_PREFIX + name, values));
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
            long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli();
            all.add(LongPoint.newRangeQuery(LuceneIndex.TIME, from, to), Occur.FILTER);
        }
        if (q.area() instanceof Area.Circle c) {
            all.add(LatLonPoint.newDistanceQuery(LuceneIndex.PLACE, c.latitude(), c.longitude(), c.radiusKm() * 1000),
                    Occur.FILTER);
        } else if (q.area() instanceof Area.Polygon p) {
            double[] lats = p.ring().stream().mapToDouble(xy -> xy[1]).toArray();
            double[] lons = p.ring().stream().mapToDouble(xy -> xy[0]).toArray();
            all.add(LatLonPoint.newPolygonQuery(LuceneIndex.PLACE, new org.apache.lucene.geo.Polygon(lats, lons)),
                    Occur.FILTER);
        }
        return all.build();
    }

    private static void anyOf(BooleanQuery.Builder all, String field, Set<String> values) {
        if (!values.isEmpty()) {
            all.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
    }

    private SearchResult run(IndexSearcher searcher, Query full, Query text, boolean ranked, PageRequest page)
            throws IOException {
        SortField tieBreak = KeywordField.newSortField(LuceneIndex.KEY, false, SortedSetSelector.Type.MIN);
        SortField newest = new SortField(LuceneIndex.TIME, SortField.Type.LONG, true);
        newest.setMissingValue(Long.MIN_VALUE);
        Sort sort = ranked ? new Sort(SortField.FIELD_SCORE, tieBreak) : new Sort(newest, tieBreak);
        int depth = (int) page.offset() + page.size();
        FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.search(searcher, full, depth, sort, true,
                new FacetsCollectorManager());
        long total = searcher.count(full);
        ScoreDoc[] all = found.topDocs().scoreDocs;
        ScoreDoc[] slice = page.offset() >= all.length ? new ScoreDoc[0]
                : Arrays.copyOfRange(all, (int) page.offset(), all.length);
        Map<String, String[]> marked = slice.length == 0 ? Map.of() : highlighter(searcher).highlightFields(
                new String[] {SearchAnalysis.TITLE_ALL, SearchAnalysis.BODY_ALL}, text,
                new TopDocs(found.topDocs().totalHits, slice), new int[] {1, 2});
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < slice.length; i++) {
            Document d = searcher.storedFields().document(slice[i].doc);
            var time = d.getField(LuceneIndex.TIME);
            hits.add(new SearchResult.Hit(d.get(LuceneIndex.TYPE), d.get(LuceneIndex.ID), d.get(SearchAnalysis.TITLE_ALL),
                    marked.get(SearchAnalysis.TITLE_ALL)[i], marked.get(SearchAnalysis.BODY_ALL)[i],
                    d.get(LuceneIndex.LANGUAGE), d.get(LuceneIndex.ORGANISATION),
                    Integer.parseInt(d.get(LuceneIndex.CLASSIFICATION)),
                    time == null ? null : Instant.ofEpochMilli(time.numericValue().longValue()),
                    Float.isNaN(slice[i].score) ? 0f : slice[i].score));
        }
        return new SearchResult(hits, page.page(), page.size(), total, facets(searcher, found.facetsCollector()));
    }

    private static UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, SearchAnalysis.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(100_000)
                .build();
    }

    private static Map<String, List<SearchResult.FacetCount>> facets(IndexSearcher searcher, FacetsCollector hits)
            throws IOException {
        Map<String, String> fields = new TreeMap<>(FACETS);
        for (FieldInfo info : FieldInfos.getMergedFieldInfos(searcher.getIndexReader())) {
            if (info.name.startsWith(LuceneIndex.FACET_PREFIX)) {
                fields.put(info.name.substring(LuceneIndex.FACET_PREFIX.length()), info.name);
            }
        }
        Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
        FieldInfos infos = FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
        for (Map.Entry<String, String> f : fields.entrySet()) {
            FieldInfo info = infos.fieldInfo(f.getValue());
            List<SearchResult.FacetCount> counts = new ArrayList<>();
            if (info != null && info.getDocValuesType() == DocValuesType.SORTED_SET) {
                StringValueFacetCounts facet = new StringValueFacetCounts(
                        new StringDocValuesReaderState(searcher.getIndexReader(), f.getValue()), hits);
                FacetResult r = facet.getTopChildren(100, f.getValue());
                if (r != null) {
                    for (LabelAndValue lv : r.labelValues) {
                        counts.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
                    }
                }
            }
            out.put(f.getKey(), counts);
        }
        return out;
    }

    /**
     * Audited as SEARCH with the ids of the page, one record per information type on it. The query text
     * may contain a person's name, so the log keeps its length and a digest, never the text (docs/search.md).
     */
    private void record(Reader reader, SearchQuery query, PageRequest page, SearchResult result) {
        Map<String, List<String>> idsByType = new TreeMap<>();
        result.items().forEach(h -> idsByType.computeIfAbsent(h.type(), t -> new ArrayList<>()).add(h.id()));
        if (idsByType.isEmpty()) {
            idsByType.put("search", List.of());
        }
        Map<String, String> details = new TreeMap<>();
        details.put("view", "search");
        details.put("page", String.valueOf(page.page()));
        details.put("total", String.valueOf(result.total()));
        if (query.text() != null) {
            details.put("queryLength", String.valueOf(query.text().length()));
            details.put("queryDigest", digest(query.text()));
        }
        details.put("filters", filterNames(query));
        idsByType.forEach((type, ids) -> audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(),
                reader.organisationId(), type, ids).withPurpose(reader.purpose()).withDetails(details)));
    }

    private static String filterNames(SearchQuery q) {
        List<String> names = new ArrayList<>();
        if (!q.types().isEmpty()) names.add("type");
        if (q.from() != null || q.to() != null) names.add("time");
        if (q.area() != null) names.add("area");
        if (!q.organisations().isEmpty()) names.add("organisation");
        if (!q.classificationRanks().isEmpty()) names.add("classification");
        if (!q.languages().isEmpty()) names.add("language");
        if (!q.tags().isEmpty()) names.add("tag");
        names.addAll(new java.util.TreeSet<>(q.facets().keySet()));
        return String.join(",", names);
    }

    static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.strip().toLowerCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
