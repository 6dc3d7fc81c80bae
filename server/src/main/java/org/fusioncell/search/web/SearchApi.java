package org.fusioncell.search.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.search.Search;
import org.fusioncell.search.SearchResult;
import org.fusioncell.search.internal.IndexRebuild;
import org.fusioncell.shared.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/search}: full text over what the reader may see; {@code POST /api/v1/admin/search/reindex}. */
@RestController
class SearchApi {

    private final Search search;
    private final Readers readers;
    private final ClassificationScheme scheme;
    private final IndexRebuild rebuild;

    SearchApi(Search search, Readers readers, ClassificationScheme scheme, IndexRebuild rebuild) {
        this.search = search;
        this.readers = readers;
        this.scheme = scheme;
        this.rebuild = rebuild;
    }

    record HitView(String type, String id, String title, String titleHighlight, String snippet, String language,
                   String originatingOrganisationId, String classification, Instant occurredAt, float score) {
    }

    record FacetView(String value, long count) {
    }

    record ResultView(List<HitView> items, int page, int size, long total, Map<String, List<FacetView>> facets) {
    }

    @GetMapping("/api/v1/search")
    ResultView search(@RequestParam(required = false) String q, @RequestParam(required = false) List<String> type,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) List<String> organisation,
                      @RequestParam(required = false) List<String> classification,
                      @RequestParam(required = false) List<String> language, @RequestParam(required = false) List<String> tag,
                      @RequestParam(required = false) String near, @RequestParam(required = false) String radiusKm,
                      @RequestParam(required = false) String within,
                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        SearchResult r = search.search(readers.current(), SearchRequest.of(q, type, from, to, organisation,
                classification, language, tag, near, radiusKm, within, scheme), request);
        return view(r, scheme);
    }

    @PostMapping("/api/v1/admin/search/reindex")
    Map<String, Object> reindex() {
        Reader admin = readers.current();
        return Map.of("indexed", rebuild.rebuild(admin.userId(), admin.organisationId()));
    }

    static ResultView view(SearchResult r, ClassificationScheme scheme) {
        List<HitView> items = r.items().stream().map(h -> new HitView(h.type(), h.id(), h.title(), h.titleHighlight(),
                h.snippet(), h.language(), h.originatingOrganisationId(), level(h.classificationRank(), scheme),
                h.occurredAt(), h.score())).toList();
        Map<String, List<FacetView>> facets = new LinkedHashMap<>();
        r.facets().forEach((name, counts) -> facets.put(name, counts.stream().map(c -> new FacetView(
                "classification".equals(name) ? level(Integer.parseInt(c.value()), scheme) : c.value(), c.count()))
                .toList()));
        return new ResultView(items, r.page(), r.size(), r.total(), facets);
    }

    private static String level(int rank, ClassificationScheme scheme) {
        return scheme.level(Math.min(rank, scheme.levels().size() - 1));
    }
}
