package org.fusioncell.testing.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision.Visibility;
import org.fusioncell.access.Marking;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reusable need-to-know leak harness. A {@link LeakWorld} holds organisations, agreements and
 * readers (each with an API token); items of one information type are created with random markings
 * by random authors; then every endpoint registered here is called as every reader, and each must
 * show exactly the items the policy decision point calls VISIBLE — no more in any list page, count,
 * search, export; and on detail, HIDDEN must be indistinguishable from "does not exist" (status and
 * body), EXISTENCE_ONLY must give the hit/no-hit answer and nothing of the content.
 *
 * <p>Every module that serves information registers its endpoints with a test of its own that
 * builds a harness (see {@code ReportsLeakTest}).
 */
public final class LeakHarness {

    /** One created item: its id, its marking, and a word planted in its content for search checks. */
    public record Item(String id, Marking marking) {
    }

    private sealed interface Endpoint {
    }

    private record ListEndpoint(String path) implements Endpoint {
    }

    private record CountEndpoint(String path, String field) implements Endpoint {
    }

    private record DetailEndpoint(String pathTemplate, Map<String, String> headers,
                                  java.util.function.Function<String, String> sub, boolean bodyNamesId)
            implements Endpoint {
        DetailEndpoint(String pathTemplate, Map<String, String> headers) {
            this(pathTemplate, headers, id -> UUID.randomUUID().toString(), true);
        }

        String path(String id) {
            return pathTemplate.replace("{sub}", sub.apply(id)).replace("{id}", id);
        }
    }

    private record NdjsonExport(String path) implements Endpoint {
    }

    private record FacetEndpoint(String path, String facet, Function<Item, String> valueOf) implements Endpoint {
    }

    private record RelatedEndpoint(DetailEndpoint detail, Function<JsonNode, Set<String>> shown,
                                   java.util.function.BiFunction<LeakWorld.Member, String, Set<String>> expected)
            implements Endpoint {
    }

    /** A POST query (a match API): {@code body} per item, or one body for all when {@code each} is false. */
    private record QueryEndpoint(String path, Function<Item, Object> body, Function<JsonNode, Set<String>> found,
                                 boolean each) implements Endpoint {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String informationType;
    private final LeakWorld world;
    private final List<Item> items = new ArrayList<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int checks;
    private java.util.function.BiFunction<LeakWorld.Member, Item, Visibility> audience;

    public LeakHarness(String baseUrl, String informationType, LeakWorld world) {
        this.baseUrl = baseUrl;
        this.informationType = informationType;
        this.world = world;
    }

    public void add(Item item) {
        items.add(item);
    }

    /** A paged list answering {@code {items:[{id…}], total}}; {@code path} may carry a query. */
    public LeakHarness list(String path) {
        endpoints.add(new ListEndpoint(path));
        return this;
    }

    public LeakHarness count(String path, String field) {
        endpoints.add(new CountEndpoint(path, field));
        return this;
    }

    /** {@code pathTemplate} contains {@code {id}}. */
    public LeakHarness detail(String pathTemplate, Map<String, String> headers) {
        endpoints.add(new DetailEndpoint(pathTemplate, headers));
        return this;
    }

    /**
     * A detail under an item, e.g. {@code /reports/{id}/attachments/{sub}}: {@code sub} gives the nested
     * id for an item (for an absent item a random one is used). When {@code bodyNamesId} is false (a
     * file download) a visible answer is only checked for its status. Items for which {@code sub}
     * answers null hold nothing nested and are skipped.
     */
    public LeakHarness nestedDetail(String pathTemplate, Map<String, String> headers,
                                    java.util.function.Function<String, String> sub, boolean bodyNamesId) {
        endpoints.add(new DetailEndpoint(pathTemplate, headers, sub, bodyNamesId));
        return this;
    }

    public LeakHarness ndjsonExport(String path) {
        endpoints.add(new NdjsonExport(path));
        return this;
    }

    /**
     * Facet counts answering {@code {facets: {<facet>: [{value, count}…]}}}: for every reader they must
     * equal the counts over the items the reader may see, grouped by {@code valueOf} — a hidden item
     * must not move any count.
     */
    public LeakHarness facet(String path, String facet, Function<Item, String> valueOf) {
        endpoints.add(new FacetEndpoint(path, facet, valueOf));
        return this;
    }

    /**
     * A detail that shows other things around an item (a graph's nodes and edges, a timeline): it answers
     * like {@link #detail} for the item itself, and for a VISIBLE item the ids {@code shown} picks out of
     * the body must be exactly {@code expected} for that reader and item — nothing hidden reached, nothing
     * visible left out.
     */
    public LeakHarness related(String pathTemplate, Function<JsonNode, Set<String>> shown,
                               java.util.function.BiFunction<LeakWorld.Member, String, Set<String>> expected) {
        endpoints.add(new RelatedEndpoint(new DetailEndpoint(pathTemplate, Map.of()), shown, expected));
        return this;
    }

    /**
     * A POST query that every item answers (e.g. a hash planted in each): as every reader it must find exactly the
     * items the reader may see — {@code found} picks the item ids out of the answer.
     */
    public LeakHarness query(String path, Object body, Function<JsonNode, Set<String>> found) {
        endpoints.add(new QueryEndpoint(path, item -> body, found, false));
        return this;
    }

    /**
     * A POST query per item that only that item answers: as every reader it must find the item when the reader may
     * see it and nothing at all otherwise.
     */
    public LeakHarness queryEach(String path, Function<Item, Object> body, Function<JsonNode, Set<String>> found) {
        endpoints.add(new QueryEndpoint(path, body, found, true));
        return this;
    }

    public int checks() {
        return checks;
    }

    /**
     * For items whose audience is not a marking (a researcher's own requests, submissions sent to one cell): the
     * rule saying what each reader must see of each item, used instead of the policy decision point. Items then
     * need no marking, and the world is not required to produce EXISTENCE_ONLY outcomes.
     */
    public LeakHarness audience(java.util.function.BiFunction<LeakWorld.Member, Item, Visibility> rule) {
        this.audience = rule;
        return this;
    }

    /** Calls every endpoint as every reader and asserts each sees exactly its allowed set. */
    public void verify() {
        assertThat(items).as("items created").isNotEmpty();
        Map<Visibility, Integer> seen = new LinkedHashMap<>();
        for (LeakWorld.Member reader : world.members()) {
            Map<String, Visibility> expected = new LinkedHashMap<>();
            for (Item item : items) {
                Visibility v = audience != null ? audience.apply(reader, item)
                        : AccessPolicy.decide(reader.reader(), informationType, item.marking()).visibility();
                expected.put(item.id(), v);
                seen.merge(v, 1, Integer::sum);
            }
            Set<String> visible = new HashSet<>();
            expected.forEach((id, v) -> {
                if (v == Visibility.VISIBLE) {
                    visible.add(id);
                }
            });
            for (Endpoint endpoint : endpoints) {
                switch (endpoint) {
                    case ListEndpoint l -> checkList(reader, l.path(), visible);
                    case CountEndpoint c -> checkCount(reader, c, visible.size());
                    case DetailEndpoint d -> checkDetails(reader, d, expected);
                    case NdjsonExport e -> checkExport(reader, e.path(), visible);
                    case FacetEndpoint f -> checkFacet(reader, f, visible);
                    case RelatedEndpoint r -> checkRelated(reader, r, expected);
                    case QueryEndpoint q -> checkQuery(reader, q, visible);
                }
            }
        }
        // the world must exercise every outcome, or the harness proves little
        if (audience != null) {
            assertThat(seen).as("outcomes over all readers and items").containsKeys(Visibility.VISIBLE, Visibility.HIDDEN);
            return;
        }
        assertThat(seen).as("outcomes over all readers and items").containsKeys(Visibility.VISIBLE,
                Visibility.EXISTENCE_ONLY, Visibility.HIDDEN);
    }

    private void checkList(LeakWorld.Member reader, String path, Set<String> visible) {
        for (int size : new int[] {7, 500}) {
            Set<String> got = new HashSet<>();
            List<String> inOrder = new ArrayList<>();
            long total = -1;
            for (int page = 0; page < 1000; page++) {
                JsonNode body = json(get(reader, withQuery(path, "page=" + page + "&size=" + size), Map.of()), 200, path);
                total = body.get("total").asLong();
                JsonNode pageItems = body.get("items");
                for (JsonNode it : pageItems) {
                    inOrder.add(it.get("id").asString());
                    got.add(it.get("id").asString());
                }
                if (pageItems.size() < size) {
                    break;
                }
            }
            checks++;
            assertThat(inOrder).as("%s as %s: no item twice across pages", path, reader.label()).doesNotHaveDuplicates();
            assertThat(got).as("%s as %s (page size %d)", path, reader.label(), size).isEqualTo(visible);
            assertThat(total).as("%s total as %s", path, reader.label()).isEqualTo(visible.size());
        }
    }

    private void checkCount(LeakWorld.Member reader, CountEndpoint c, int expected) {
        JsonNode body = json(get(reader, c.path(), Map.of()), 200, c.path());
        checks++;
        assertThat(body.get(c.field()).asLong()).as("%s as %s", c.path(), reader.label()).isEqualTo(expected);
    }

    private void checkDetails(LeakWorld.Member reader, DetailEndpoint d, Map<String, Visibility> expected) {
        String unknown = UUID.randomUUID().toString();
        HttpResponse<String> absent = get(reader, d.pathTemplate().replace("{sub}", UUID.randomUUID().toString())
                .replace("{id}", unknown), d.headers());
        assertThat(absent.statusCode()).as("unknown id").isEqualTo(404);
        String absentBody = normalise(absent.body());
        expected.forEach((id, v) -> {
            if (d.sub().apply(id) == null) {
                return; // nothing nested under this item
            }
            HttpResponse<String> r = get(reader, d.path(id), d.headers());
            checks++;
            switch (v) {
                case VISIBLE -> {
                    assertThat(r.statusCode()).as("%s %s as %s", d.pathTemplate(), id, reader.label()).isEqualTo(200);
                    if (d.bodyNamesId()) {
                        assertThat(r.body()).contains(id);
                    }
                }
                case EXISTENCE_ONLY -> {
                    assertThat(r.statusCode()).as("existence-only %s as %s", id, reader.label()).isEqualTo(403);
                    JsonNode p = JSON.readTree(r.body());
                    assertThat(p.get("type").asString()).endsWith("/existence-only");
                    assertThat(r.body()).as("no content in a hit notice").doesNotContain(LeakWorld.CONTENT_MARKER);
                }
                case HIDDEN -> {
                    assertThat(r.statusCode()).as("hidden %s as %s", id, reader.label()).isEqualTo(404);
                    assertThat(normalise(r.body())).as("hidden is indistinguishable from absent")
                            .isEqualTo(absentBody);
                }
            }
        });
    }

    private void checkRelated(LeakWorld.Member reader, RelatedEndpoint r, Map<String, Visibility> expected) {
        checkDetails(reader, r.detail(), expected);
        expected.forEach((id, v) -> {
            if (v == Visibility.VISIBLE) {
                JsonNode body = json(get(reader, r.detail().path(id), Map.of()), 200, r.detail().path(id));
                checks++;
                assertThat(r.shown().apply(body)).as("%s %s as %s", r.detail().pathTemplate(), id, reader.label())
                        .isEqualTo(r.expected().apply(reader, id));
            }
        });
    }

    private void checkQuery(LeakWorld.Member reader, QueryEndpoint q, Set<String> visible) {
        if (!q.each()) {
            checks++;
            assertThat(q.found().apply(json(post(reader, q.path(), q.body().apply(null)), 200, q.path())))
                    .as("POST %s as %s", q.path(), reader.label()).isEqualTo(visible);
            return;
        }
        for (Item item : items) {
            checks++;
            Set<String> expected = visible.contains(item.id()) ? Set.of(item.id()) : Set.of();
            assertThat(q.found().apply(json(post(reader, q.path(), q.body().apply(item)), 200, q.path())))
                    .as("POST %s for %s as %s", q.path(), item.id(), reader.label()).isEqualTo(expected);
        }
    }

    private HttpResponse<String> post(LeakWorld.Member reader, String path, Object body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + reader.token()).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    private void checkExport(LeakWorld.Member reader, String path, Set<String> visible) {
        HttpResponse<String> r = get(reader, path, Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        Set<String> got = new HashSet<>();
        for (String line : r.body().split("\n")) {
            if (!line.isBlank()) {
                got.add(JSON.readTree(line).get("id").asString());
            }
        }
        checks++;
        assertThat(got).as("%s as %s", path, reader.label()).isEqualTo(visible);
    }

    private void checkFacet(LeakWorld.Member reader, FacetEndpoint f, Set<String> visible) {
        Map<String, Long> expected = new TreeMap<>();
        items.stream().filter(i -> visible.contains(i.id())).forEach(i -> expected.merge(f.valueOf().apply(i), 1L, Long::sum));
        JsonNode body = json(get(reader, f.path(), Map.of()), 200, f.path());
        Map<String, Long> got = new TreeMap<>();
        JsonNode counts = body.path("facets").path(f.facet());
        for (JsonNode c : counts) {
            got.put(c.get("value").asString(), c.get("count").asLong());
        }
        checks++;
        assertThat(got).as("%s facet %s as %s", f.path(), f.facet(), reader.label()).isEqualTo(expected);
    }

    /** The request path in a problem's {@code instance} differs by id; nothing else may. */
    private static String normalise(String body) {
        return body.replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\"", "\"instance\":\"…\"");
    }

    private static String withQuery(String path, String query) {
        return path + (path.contains("?") ? "&" : "?") + query;
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(LeakWorld.Member reader, String path, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + reader.token()).timeout(Duration.ofSeconds(30)).GET();
            headers.forEach(b::header);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    private static JsonNode json(HttpResponse<String> r, int status, String path) {
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }
}
