package org.fusioncell.exchange.taxii.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.taxii.ObjectQuery;
import org.fusioncell.exchange.taxii.StixObject;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Readers;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.exchange.partners.ReceivedObjects;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The TAXII 2.1 server under {@code /api/taxii2/}: discovery, the API root {@code fusioncell}, collections,
 * objects (GET with {@code added_after}, {@code limit}, {@code next}, {@code match[id|type|version|spec_version]};
 * POST answering a status resource), one object, its versions, the manifest, delete, status. Bearer API
 * tokens authenticate; every answer is {@code application/taxii+json;version=2.1}, errors are TAXII error
 * message resources. A page of objects is written from the stored JSON without parsing it again.
 */
@RestController
class TaxiiEndpoints {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String STIX = "application/stix+json;version=2.1";
    static final String API_ROOT = "fusioncell";
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 5000;

    private final TaxiiStore store;
    private final Readers readers;
    private final JsonMapper json;
    private final StixObjectReading reading;
    private final long maxContentLength;

    private final PartnerCells partners;
    private final ReceivedObjects received;
    private final TransactionTemplate tx;

    TaxiiEndpoints(TaxiiStore store, Readers readers, JsonMapper json, PartnerCells partners, ReceivedObjects received,
                   TransactionTemplate tx, @Value("${fusioncell.api.max-body-bytes:1048576}") long maxContentLength) {
        this.partners = partners;
        this.received = received;
        this.tx = tx;
        this.store = store;
        this.readers = readers;
        this.json = json;
        this.reading = new StixObjectReading(json);
        this.maxContentLength = maxContentLength;
    }

    @GetMapping({"/api/taxii2", "/api/taxii2/"})
    ResponseEntity<String> discovery(HttpServletRequest request) {
        accepts(request);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/taxii2/").toUriString();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", "FusionCell TAXII 2.1 server");
        d.put("description", "Collections shared under agreements with partner cells.");
        d.put("default", base + API_ROOT + "/");
        d.put("api_roots", List.of(base + API_ROOT + "/"));
        return taxii(200, d);
    }

    @GetMapping({"/api/taxii2/{root}", "/api/taxii2/{root}/"})
    ResponseEntity<String> apiRoot(@PathVariable String root, HttpServletRequest request) {
        accepts(request);
        root(root);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("title", "FusionCell");
        r.put("description", "Objects this cell shares with its partners, one collection per agreement or partner.");
        r.put("versions", List.of(TAXII));
        r.put("max_content_length", maxContentLength);
        return taxii(200, r);
    }

    @GetMapping({"/api/taxii2/{root}/status/{id}", "/api/taxii2/{root}/status/{id}/"})
    ResponseEntity<String> status(@PathVariable String root, @PathVariable String id, HttpServletRequest request) {
        accepts(request);
        root(root);
        String resource = store.status(readers.current(), id).orElseThrow(() -> notFound("status"));
        return raw(200, resource);
    }

    @GetMapping({"/api/taxii2/{root}/collections", "/api/taxii2/{root}/collections/"})
    ResponseEntity<String> collections(@PathVariable String root, HttpServletRequest request) {
        accepts(request);
        root(root);
        List<Map<String, Object>> list = store.collections(readers.current(), root).stream().map(this::describe).toList();
        return taxii(200, list.isEmpty() ? Map.of() : Map.of("collections", list));
    }

    @GetMapping({"/api/taxii2/{root}/collections/{id}", "/api/taxii2/{root}/collections/{id}/"})
    ResponseEntity<String> collection(@PathVariable String root, @PathVariable String id, HttpServletRequest request) {
        accepts(request);
        root(root);
        return taxii(200, describe(rights(root, id)));
    }

    @GetMapping({"/api/taxii2/{root}/collections/{id}/objects", "/api/taxii2/{root}/collections/{id}/objects/"})
    ResponseEntity<String> objects(@PathVariable String root, @PathVariable String id,
                                   @RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        accepts(request);
        return envelope(store.objects(readers.current(), readable(root, id).collection(), query(params), null));
    }

    @GetMapping({"/api/taxii2/{root}/collections/{id}/objects/{objectId}",
            "/api/taxii2/{root}/collections/{id}/objects/{objectId}/"})
    ResponseEntity<String> object(@PathVariable String root, @PathVariable String id, @PathVariable String objectId,
                                  @RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        accepts(request);
        TaxiiStore.Rights rights = readable(root, id);
        ObjectQuery q = query(params);
        TaxiiStore.Page page = store.objects(readers.current(), rights.collection(), q, objectId);
        if (page.rows().isEmpty() && q.next() == null) {
            throw notFound("object");
        }
        return envelope(page);
    }

    @GetMapping({"/api/taxii2/{root}/collections/{id}/objects/{objectId}/versions",
            "/api/taxii2/{root}/collections/{id}/objects/{objectId}/versions/"})
    ResponseEntity<String> versions(@PathVariable String root, @PathVariable String id, @PathVariable String objectId,
                                    @RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        accepts(request);
        TaxiiStore.Rights rights = readable(root, id);
        ObjectQuery q = query(params);
        ObjectQuery all = new ObjectQuery(q.addedAfter(), q.limit(), q.next(), List.of(), List.of(), List.of("all"),
                q.specVersions());
        TaxiiStore.Page page = store.objects(readers.current(), rights.collection(), all, objectId);
        if (page.rows().isEmpty() && q.next() == null && q.addedAfter() == null) {
            throw notFound("object");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("more", page.more());
        if (page.more()) {
            body.put("next", cursor(page.next()));
        }
        body.put("versions", page.rows().stream().map(TaxiiStore.Row::version).toList());
        return withDates(taxiiBuilder(200), page).body(json.writeValueAsString(body));
    }

    @GetMapping({"/api/taxii2/{root}/collections/{id}/manifest", "/api/taxii2/{root}/collections/{id}/manifest/"})
    ResponseEntity<String> manifest(@PathVariable String root, @PathVariable String id,
                                    @RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        accepts(request);
        TaxiiStore.Rights rights = readable(root, id);
        TaxiiStore.Page page = store.objects(readers.current(), rights.collection(), query(params), null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("more", page.more());
        if (page.more()) {
            body.put("next", cursor(page.next()));
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (TaxiiStore.Row r : page.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("date_added", timestamp(r.dateAdded()));
            m.put("version", r.version());
            m.put("media_type", "application/stix+json;version=" + r.specVersion());
            records.add(m);
        }
        if (!records.isEmpty()) {
            body.put("objects", records);
        }
        return withDates(taxiiBuilder(200), page).body(json.writeValueAsString(body));
    }

    @PostMapping({"/api/taxii2/{root}/collections/{id}/objects", "/api/taxii2/{root}/collections/{id}/objects/"})
    ResponseEntity<String> add(@PathVariable String root, @PathVariable String id, @RequestBody(required = false) String body,
                               HttpServletRequest request) {
        accepts(request);
        String type = request.getContentType();
        if (type == null || !type.replace(" ", "").toLowerCase(java.util.Locale.ROOT).startsWith("application/taxii+json")
                || type.contains("version=") && !type.replace(" ", "").contains("version=2.1")) {
            throw new TaxiiProblem(415, "Unsupported media type", "Send the envelope as " + TAXII + ".");
        }
        root(root);
        TaxiiStore.Rights rights = rights(root, id);
        if (!rights.canWrite()) {
            throw new TaxiiProblem(403, "Forbidden", "This collection does not accept objects from your organisation.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<StixObject> objects = reading.read(body == null ? "" : body, now);
        Reader reader = readers.current();
        // a partner cell pushing into one of our collections: what it sends is also applied here, with the
        // collection's additions, in one transaction (a bad object refuses both)
        Optional<PartnerCell> partner = partners.forOrganisation(rights.collection().ownerOrganisationId(),
                reader.organisationId());
        tx.executeWithoutResult(s -> {
            List<StixObject> added = store.add(reader, rights.collection(), objects, now);
            if (partner.isPresent() && !added.isEmpty()) {
                List<Map<String, Object>> maps = new java.util.ArrayList<>();
                for (StixObject o : added) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = json.readValue(o.json(), Map.class);
                    maps.add(m);
                }
                received.apply(partner.get(), maps);
            }
        });
        String statusId = UUID.randomUUID().toString();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", statusId);
        status.put("status", "complete");
        status.put("request_timestamp", timestamp(now));
        status.put("total_count", objects.size());
        status.put("success_count", objects.size());
        status.put("successes", objects.stream().map(o -> Map.of("id", o.id(), "version", o.version())).toList());
        status.put("failure_count", 0);
        status.put("failures", List.of());
        status.put("pending_count", 0);
        status.put("pendings", List.of());
        String resource = json.writeValueAsString(status);
        store.saveStatus(reader, statusId, rights.collection().id(), now, resource);
        return raw(202, resource);
    }

    @DeleteMapping({"/api/taxii2/{root}/collections/{id}/objects/{objectId}",
            "/api/taxii2/{root}/collections/{id}/objects/{objectId}/"})
    ResponseEntity<String> delete(@PathVariable String root, @PathVariable String id, @PathVariable String objectId,
                                  @RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        accepts(request);
        root(root);
        TaxiiStore.Rights rights = rights(root, id);
        if (!rights.canWrite() || !rights.canRead()) {
            throw new TaxiiProblem(403, "Forbidden", "Only an organisation that reads and writes this collection deletes.");
        }
        if (store.delete(readers.current(), rights.collection(), objectId, query(params)) == 0) {
            throw notFound("object");
        }
        return taxiiBuilder(200).build();
    }

    // ------------------------------------------------------------------ pieces

    private ResponseEntity<String> envelope(TaxiiStore.Page page) {
        StringBuilder body = new StringBuilder(64 + page.rows().stream().mapToInt(r -> r.json().length() + 1).sum());
        body.append("{\"more\":").append(page.more());
        if (page.more()) {
            body.append(",\"next\":\"").append(cursor(page.next())).append('"');
        }
        body.append(",\"objects\":[");
        for (int i = 0; i < page.rows().size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(page.rows().get(i).json());
        }
        body.append("]}");
        return withDates(taxiiBuilder(200), page).body(body.toString());
    }

    private static ResponseEntity.BodyBuilder withDates(ResponseEntity.BodyBuilder b, TaxiiStore.Page page) {
        if (!page.rows().isEmpty()) {
            b.header("X-TAXII-Date-Added-First", timestamp(page.rows().getFirst().dateAdded()));
            b.header("X-TAXII-Date-Added-Last", timestamp(page.rows().getLast().dateAdded()));
        }
        return b;
    }

    private Map<String, Object> describe(TaxiiStore.Rights r) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", r.collection().id());
        c.put("title", r.collection().title());
        if (r.collection().description() != null) {
            c.put("description", r.collection().description());
        }
        if (r.collection().alias() != null) {
            c.put("alias", r.collection().alias());
        }
        c.put("can_read", r.canRead());
        c.put("can_write", r.canWrite());
        c.put("media_types", List.of(STIX));
        return c;
    }

    private TaxiiStore.Rights rights(String root, String id) {
        root(root);
        return store.collection(readers.current(), root, id).orElseThrow(() -> notFound("collection"));
    }

    private TaxiiStore.Rights readable(String root, String id) {
        TaxiiStore.Rights rights = rights(root, id);
        if (!rights.canRead()) {
            throw new TaxiiProblem(403, "Forbidden", "Your organisation may add to this collection but not read it.");
        }
        return rights;
    }

    private static void root(String root) {
        if (!API_ROOT.equals(root)) {
            throw notFound("API root");
        }
    }

    /** The filters of the query string; a malformed one is refused naming it. */
    static ObjectQuery query(MultiValueMap<String, String> params) {
        Instant after = null;
        String added = params.getFirst("added_after");
        if (added != null) {
            try {
                after = Instant.parse(added);
            } catch (DateTimeParseException e) {
                throw new TaxiiProblem(400, "Malformed filter", "added_after: '" + added + "' is not a timestamp such as"
                        + " 2026-11-22T10:00:00.000Z");
            }
        }
        int limit = DEFAULT_LIMIT;
        String l = params.getFirst("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1) {
                throw new TaxiiProblem(400, "Malformed filter", "limit: '" + l + "' is not a positive whole number");
            }
            limit = Math.min(limit, MAX_LIMIT);
        }
        ObjectQuery.Cursor next = null;
        String n = params.getFirst("next");
        if (n != null) {
            next = cursor(n);
        }
        for (String key : params.keySet()) {
            if (key.startsWith("match[") && !List.of("match[id]", "match[type]", "match[version]", "match[spec_version]")
                    .contains(key)) {
                throw new TaxiiProblem(400, "Malformed filter", key + " is not a filter of this server: match[id],"
                        + " match[type], match[version], match[spec_version]");
            }
        }
        List<String> versions = values(params, "match[version]");
        for (String v : versions) {
            if (!List.of("last", "first", "all").contains(v)) {
                try {
                    Instant.parse(v);
                } catch (DateTimeParseException e) {
                    throw new TaxiiProblem(400, "Malformed filter", "match[version]: '" + v
                            + "' is not last, first, all or a timestamp");
                }
            }
        }
        return new ObjectQuery(after, limit, next, values(params, "match[id]"), values(params, "match[type]"), versions,
                values(params, "match[spec_version]"));
    }

    private static List<String> values(MultiValueMap<String, String> params, String key) {
        List<String> raw = params.get(key);
        if (raw == null) {
            return List.of();
        }
        return raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    static String cursor(ObjectQuery.Cursor c) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, c.dateAdded());
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + ":" + c.seq())
                .getBytes(StandardCharsets.US_ASCII));
    }

    static ObjectQuery.Cursor cursor(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            return new ObjectQuery.Cursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
                    Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new TaxiiProblem(400, "Malformed filter", "next: not a value this server gave");
        }
    }

    /** A STIX timestamp with microseconds: {@code 2026-11-22T10:00:00.123456Z}. */
    static String timestamp(Instant t) {
        return TaxiiStore.timestamp(t);
    }

    /** TAXII clients ask for {@code application/taxii+json} (any version parameter but 2.1 is refused). */
    private static void accepts(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String part : accept.split(",")) {
            String p = part.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
            if (p.startsWith("*/*") || p.startsWith("application/*")
                    || p.startsWith("application/taxii+json") && (!p.contains("version=") || p.contains("version=2.1"))) {
                return;
            }
        }
        throw new TaxiiProblem(406, "Not acceptable", "This server answers " + TAXII + " only.");
    }

    private static TaxiiProblem notFound(String what) {
        return new TaxiiProblem(404, "Not found", "No " + what + " here that you may see.");
    }

    private ResponseEntity<String> taxii(int status, Object body) {
        return taxiiBuilder(status).body(json.writeValueAsString(body));
    }

    private static ResponseEntity<String> raw(int status, String body) {
        return taxiiBuilder(status).body(body);
    }

    private static ResponseEntity.BodyBuilder taxiiBuilder(int status) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, TAXII);
    }

    @ExceptionHandler(TaxiiProblem.class)
    ResponseEntity<String> problem(TaxiiProblem p) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("title", p.title);
        e.put("description", p.getMessage());
        e.put("http_status", String.valueOf(p.status));
        if (!p.details.isEmpty()) {
            e.put("details", Map.of("failures", p.details));
        }
        return taxii(p.status, e);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e) {
        return problem(new TaxiiProblem(400, "Malformed filter", e.getMessage()));
    }
}
