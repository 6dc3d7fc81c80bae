package org.fusioncell.exchange.taxii.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.exchange.partners.ExchangeLog;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.exchange.partners.ReceivedObjects;
import org.fusioncell.exchange.partners.internal.PartnerSettings;
import org.fusioncell.exchange.taxii.ObjectQuery;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiFeed;
import org.fusioncell.exchange.taxii.TaxiiFeeds;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link TaxiiFeeds}: feeds in {@code exchange_taxii_feed}, run on a schedule (every
 * {@code fusioncell.exchange.taxii-client.sweep-interval}, each feed at its own interval) or on request. A pull
 * asks the partner for {@code added_after} the cursor with {@code match[version]=all} (so corrections and
 * revocations arrive as the new versions they are), and applies each page and moves the cursor to the page's
 * {@code X-TAXII-Date-Added-Last} in one transaction. A push reads our collection as the partner may read it,
 * sends each page, and moves the cursor once the partner's status resource says every object was accepted.
 * A run holds its feed (a claim in the database), so one feed never runs twice at once, on any node.
 */
@Service
class TaxiiClient implements TaxiiFeeds {

    private static final Logger log = LoggerFactory.getLogger(TaxiiClient.class);
    static final String OBJECT_TYPE = "taxii-feed";
    static final String ACTOR = "processing:taxii-client";
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final int MAX_PAGES_PER_RUN = 10_000;

    private final JdbcClient jdbc;
    private final PartnerCells partners;
    private final ReceivedObjects received;
    private final TaxiiStore store;
    private final Readers readers;
    private final ExchangeLog exchangeLog;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;
    private final int pageSize;

    TaxiiClient(JdbcClient jdbc, PartnerCells partners, ReceivedObjects received, TaxiiStore store, Readers readers,
                ExchangeLog exchangeLog, AuditLog audit, TransactionTemplate tx, JsonMapper json, Clock clock,
                PartnerSettings settings, @Value("${fusioncell.exchange.taxii-client.page-size:1000}") int pageSize) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.received = received;
        this.store = store;
        this.readers = readers;
        this.exchangeLog = exchangeLog;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.timeout = settings.timeout();
        this.pageSize = pageSize;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    // ------------------------------------------------------------------ administration

    @Override
    public List<TaxiiFeed> list(Reader admin) {
        return jdbc.sql("SELECT * FROM exchange_taxii_feed WHERE owner_organisation_id = :o ORDER BY created_at, id")
                .param("o", admin.organisationId()).query(TaxiiClient::feed).list();
    }

    @Override
    public Optional<TaxiiFeed> find(Reader admin, String id) {
        return load(id).filter(f -> f.ownerOrganisationId().equals(admin.organisationId()));
    }

    private Optional<TaxiiFeed> load(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM exchange_taxii_feed WHERE id = :id").param("id", id).query(TaxiiClient::feed)
                .optional();
    }

    @Override
    public TaxiiFeed create(Reader admin, Draft d) {
        if (d.partnerId() == null || d.partnerId().isBlank()) {
            throw new InvalidInputException("partnerId", "is required");
        }
        PartnerCell partner = partners.find(admin, d.partnerId().strip())
                .orElseThrow(() -> new InvalidInputException("partnerId", "no partner cell of your organisation has this id"));
        if (d.direction() == null) {
            throw new InvalidInputException("direction", "PULL or PUSH");
        }
        String remote = d.remoteCollectionId() == null ? "" : d.remoteCollectionId().strip();
        if (remote.isEmpty() || remote.length() > 100 || !remote.matches("[A-Za-z0-9._~-]+")) {
            throw new InvalidInputException("remoteCollectionId", "the partner's collection id (letters, digits, '.', '_', '~', '-')");
        }
        String local = null;
        if (d.direction() == TaxiiFeed.Direction.PUSH) {
            local = d.localCollectionId() == null ? null : d.localCollectionId().strip();
            TaxiiCollection c = local == null ? null : store.forProcessing(local)
                    .filter(x -> x.ownerOrganisationId().equals(admin.organisationId())).orElse(null);
            if (c == null) {
                throw new InvalidInputException("localCollectionId", "a collection of your organisation to push from");
            }
        }
        int interval = d.intervalSeconds() == null ? 900 : d.intervalSeconds();
        if (interval < 30 || interval > 7 * 86_400) {
            throw new InvalidInputException("intervalSeconds", "between 30 seconds and 7 days");
        }
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                INSERT INTO exchange_taxii_feed (id, owner_organisation_id, partner_id, direction, remote_collection_id,
                    local_collection_id, interval_seconds, enabled, cursor_added, next_run_at, objects_total, created_by,
                    created_at)
                VALUES (:id, :o, :p, :d, :r, :l, :i, :e, NULL, :now, 0, :by, :now)""")
                .param("id", id).param("o", admin.organisationId()).param("p", partner.id())
                .param("d", d.direction().name()).param("r", remote).param("l", local).param("i", interval)
                .param("e", d.enabled() == null || d.enabled()).param("now", now).param("by", admin.userId()).update();
        administered(admin, id, "CREATED");
        return load(id).orElseThrow();
    }

    @Override
    public TaxiiFeed update(Reader admin, String id, Integer intervalSeconds, Boolean enabled, boolean resetCursor) {
        TaxiiFeed f = find(admin, id).orElseThrow(() -> new NotFoundException("feed"));
        int interval = intervalSeconds == null ? f.intervalSeconds() : intervalSeconds;
        if (interval < 30 || interval > 7 * 86_400) {
            throw new InvalidInputException("intervalSeconds", "between 30 seconds and 7 days");
        }
        jdbc.sql("UPDATE exchange_taxii_feed SET interval_seconds = :i, enabled = :e"
                        + (resetCursor ? ", cursor_added = NULL" : "") + " WHERE id = :id")
                .param("i", interval).param("e", enabled == null ? f.enabled() : enabled).param("id", id).update();
        administered(admin, id, resetCursor ? "UPDATED, CURSOR RESET" : "UPDATED");
        return load(id).orElseThrow();
    }

    private void administered(Reader admin, String id, String outcome) {
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, admin.userId(), admin.organisationId(), OBJECT_TYPE,
                List.of(id)).withPurpose(admin.purpose()).withOutcome(outcome));
    }

    // ------------------------------------------------------------------ runs

    @Override
    public Run run(Reader admin, String id) {
        TaxiiFeed f = find(admin, id).orElseThrow(() -> new NotFoundException("feed"));
        return claimed(f, false);
    }

    @Scheduled(fixedDelayString = "${fusioncell.exchange.taxii-client.sweep-interval:30s}",
            initialDelayString = "${fusioncell.exchange.taxii-client.sweep-interval:30s}")
    void sweep() {
        List<TaxiiFeed> due = jdbc.sql("SELECT * FROM exchange_taxii_feed WHERE enabled AND next_run_at <= :now"
                        + " ORDER BY next_run_at").param("now", Timestamp.from(Instant.now(clock)))
                .query(TaxiiClient::feed).list();
        for (TaxiiFeed f : due) {
            try {
                claimed(f, true);
            } catch (RuntimeException e) {
                log.warn("TAXII feed {} failed: {}", f.id(), e.toString());
            }
        }
    }

    /** Runs the feed if nobody else is running it (a claim row update); always releases the claim. */
    private Run claimed(TaxiiFeed f, boolean scheduled) {
        Instant now = Instant.now(clock);
        int claimed = jdbc.sql("UPDATE exchange_taxii_feed SET claimed_until = :until, next_run_at = :next WHERE id = :id"
                        + " AND (claimed_until IS NULL OR claimed_until < :now)" + (scheduled ? " AND next_run_at <= :now" : ""))
                .param("until", Timestamp.from(now.plus(timeout.multipliedBy(4)).plusSeconds(600)))
                .param("next", Timestamp.from(now.plusSeconds(f.intervalSeconds()))).param("id", f.id())
                .param("now", Timestamp.from(now)).update();
        if (claimed == 0) {
            return new Run("BUSY", 0, 0, 0, 0, 0, "the feed is running");
        }
        Run run;
        try {
            run = f.direction() == TaxiiFeed.Direction.PULL ? pull(f) : push(f);
        } catch (RuntimeException e) {
            run = new Run("FAILED", 0, 0, 0, 0, 0, e.getMessage());
        }
        String error = run.error() == null ? null : run.error().length() > 2000 ? run.error().substring(0, 2000) : run.error();
        jdbc.sql("UPDATE exchange_taxii_feed SET claimed_until = NULL, last_run_at = :now, last_outcome = :o,"
                        + " last_error = :e WHERE id = :id").param("now", Timestamp.from(Instant.now(clock)))
                .param("o", run.outcome()).param("e", error).param("id", f.id()).update();
        exchangeLog.record(f.ownerOrganisationId(), f.partnerId(), f.direction() == TaxiiFeed.Direction.PULL
                        ? ExchangeLog.Kind.TAXII_PULL : ExchangeLog.Kind.TAXII_PUSH, run.objects(),
                run.outcome().equals("OK") ? "OK" : run.pages() > 0 ? "PARTIAL" : "FAILED",
                run.pages() + " pages, " + run.objects() + " objects" + (f.direction() == TaxiiFeed.Direction.PULL
                        ? " (" + run.added() + " new, " + run.corrected() + " corrected, " + run.revoked() + " revoked)" : "")
                        + (error == null ? "" : "; " + error));
        return run;
    }

    private Run pull(TaxiiFeed f) {
        PartnerCell partner = partners.forProcessing(f.partnerId()).orElseThrow();
        PartnerCells.Connection conn = partners.connection(partner.id())
                .orElseThrow(() -> new IllegalStateException("the partner cell has no base URL or no token"));
        String cursor = f.cursor();
        int pages = 0;
        int objects = 0;
        int added = 0;
        int corrected = 0;
        int revoked = 0;
        while (pages < MAX_PAGES_PER_RUN) {
            String path = "/api/taxii2/" + partner.apiRoot() + "/collections/" + f.remoteCollectionId()
                    + "/objects/?match%5Bversion%5D=all&limit=" + pageSize
                    + (cursor == null ? "" : "&added_after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(conn.resolve(path)).timeout(timeout).header("Accept", TAXII)
                        .header("Authorization", "Bearer " + conn.token()).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return new Run("FAILED", pages, objects, added, corrected, revoked, "link to the partner: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Run("FAILED", pages, objects, added, corrected, revoked, "interrupted");
            }
            if (r.statusCode() != 200) {
                return new Run("FAILED", pages, objects, added, corrected, revoked,
                        "the partner answered " + r.statusCode() + ": " + abbreviated(r.body()));
            }
            Map<String, Object> envelope;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> parsed = json.readValue(r.body(), Map.class);
                envelope = parsed;
            } catch (JacksonException e) {
                return new Run("FAILED", pages, objects, added, corrected, revoked,
                        "the partner's page is not a TAXII envelope (cut short?): " + e.getOriginalMessage());
            }
            List<Map<String, Object>> page = envelopeObjects(envelope);
            if (page.isEmpty()) {
                break;
            }
            String last = r.headers().firstValue("X-TAXII-Date-Added-Last").orElse(null);
            if (last == null || !isTimestamp(last)) {
                return new Run("FAILED", pages, objects, added, corrected, revoked,
                        "the partner's page has no X-TAXII-Date-Added-Last header to resume from");
            }
            String from = cursor;
            ReceivedObjects.Applied applied;
            try {
                applied = tx.execute(s -> {
                    ReceivedObjects.Applied a = received.apply(partner, page);
                    var update = jdbc.sql("UPDATE exchange_taxii_feed SET cursor_added = :c, objects_total = objects_total + :n"
                                    + " WHERE id = :id AND " + (from == null ? "cursor_added IS NULL" : "cursor_added = :from"))
                            .param("c", last).param("n", page.size()).param("id", f.id());
                    int moved = (from == null ? update : update.param("from", from)).update();
                    if (moved != 1) {
                        throw new IllegalStateException("the feed's cursor moved under this run");
                    }
                    return a;
                });
            } catch (InvalidInputException e) {
                return new Run("FAILED", pages, objects, added, corrected, revoked,
                        "refused page after " + (cursor == null ? "the start" : cursor) + ": " + e.getMessage());
            }
            cursor = last;
            pages++;
            objects += page.size();
            added += applied.added();
            corrected += applied.corrected();
            revoked += applied.revoked();
            if (!Boolean.TRUE.equals(envelope.get("more"))) {
                break;
            }
        }
        return new Run("OK", pages, objects, added, corrected, revoked, null);
    }

    private Run push(TaxiiFeed f) {
        PartnerCell partner = partners.forProcessing(f.partnerId()).orElseThrow();
        PartnerCells.Connection conn = partners.connection(partner.id())
                .orElseThrow(() -> new IllegalStateException("the partner cell has no base URL or no token"));
        TaxiiCollection local = store.forProcessing(f.localCollectionId())
                .orElseThrow(() -> new IllegalStateException("the local collection is gone"));
        Reader asPartner = readers.forOrganisation(partner.organisationId(), ACTOR,
                "push to partner cell " + partner.name());
        String cursor = f.cursor();
        int pages = 0;
        int objects = 0;
        while (pages < MAX_PAGES_PER_RUN) {
            ObjectQuery q = new ObjectQuery(cursor == null ? null : Instant.parse(cursor), pageSize, null, List.of(),
                    List.of(), List.of("all"), List.of());
            TaxiiStore.Page page = store.objects(asPartner, local, q, null);
            if (page.rows().isEmpty()) {
                break;
            }
            StringBuilder body = new StringBuilder("{\"objects\":[");
            for (int i = 0; i < page.rows().size(); i++) {
                body.append(i == 0 ? "" : ",").append(page.rows().get(i).json());
            }
            body.append("]}");
            String path = "/api/taxii2/" + partner.apiRoot() + "/collections/" + f.remoteCollectionId() + "/objects/";
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(conn.resolve(path)).timeout(timeout).header("Accept", TAXII)
                        .header("Content-Type", TAXII).header("Authorization", "Bearer " + conn.token())
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return new Run("FAILED", pages, objects, 0, 0, 0, "link to the partner: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Run("FAILED", pages, objects, 0, 0, 0, "interrupted");
            }
            if (r.statusCode() != 202) {
                return new Run("FAILED", pages, objects, 0, 0, 0,
                        "the partner answered " + r.statusCode() + ": " + abbreviated(r.body()));
            }
            Object failures;
            try {
                failures = json.readValue(r.body(), Map.class).get("failure_count");
            } catch (JacksonException e) {
                return new Run("FAILED", pages, objects, 0, 0, 0, "the partner's status resource is not JSON");
            }
            if (!(failures instanceof Number n) || n.intValue() != 0) {
                return new Run("FAILED", pages, objects, 0, 0, 0, "the partner refused objects: " + abbreviated(r.body()));
            }
            String last = TaxiiStore.timestamp(page.rows().getLast().dateAdded());
            jdbc.sql("UPDATE exchange_taxii_feed SET cursor_added = :c, objects_total = objects_total + :n WHERE id = :id")
                    .param("c", last).param("n", page.rows().size()).param("id", f.id()).update();
            cursor = last;
            pages++;
            objects += page.rows().size();
            if (!page.more()) {
                break;
            }
        }
        return new Run("OK", pages, objects, 0, 0, 0, null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> envelopeObjects(Map<String, Object> envelope) {
        if (!(envelope.get("objects") instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            } else {
                throw new InvalidInputException("objects[" + out.size() + "]", "not a JSON object");
            }
        }
        return out;
    }

    private static boolean isTimestamp(String s) {
        try {
            Instant.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String abbreviated(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return b.length() > 300 ? b.substring(0, 300) + "…" : b;
    }

    private static TaxiiFeed feed(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_run_at");
        return new TaxiiFeed(rs.getString("id"), rs.getString("owner_organisation_id"), rs.getString("partner_id"),
                TaxiiFeed.Direction.valueOf(rs.getString("direction")), rs.getString("remote_collection_id"),
                rs.getString("local_collection_id"), rs.getInt("interval_seconds"), rs.getBoolean("enabled"),
                rs.getString("cursor_added"), rs.getTimestamp("next_run_at").toInstant(),
                last == null ? null : last.toInstant(), rs.getString("last_outcome"), rs.getString("last_error"),
                rs.getLong("objects_total"), rs.getTimestamp("created_at").toInstant());
    }
}
