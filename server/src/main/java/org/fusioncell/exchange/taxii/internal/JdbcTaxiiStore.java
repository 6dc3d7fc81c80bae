package org.fusioncell.exchange.taxii.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fusioncell.access.AgreementGrant;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.exchange.taxii.ObjectQuery;
import org.fusioncell.exchange.taxii.StixObject;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TAXII objects in the database. Each version is a row holding its JSON as served; a page is
 * {@code ORDER BY date_added, seq LIMIT n + 1} after the cursor, with the reader's visible marking ids
 * (per information type) inside the query. Dates added are strictly increasing within a collection (adds
 * to one collection are serialised by a lock on its row), so a client that resumes from the last date it
 * saw — with {@code added_after} or {@code next} — gets every object once.
 */
@Service
class JdbcTaxiiStore implements TaxiiStore {

    static final String OBJECT_TYPE = "taxii-collection";
    /** The information types whose items are published as STIX objects, each checked under its own rules. */
    static final List<String> INFORMATION_TYPES = List.of("report", "entity", "assessment");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final org.fusioncell.identity.Organisations organisations;

    JdbcTaxiiStore(JdbcClient jdbc, AuditLog audit, org.fusioncell.identity.Organisations organisations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organisations = organisations;
    }

    // ------------------------------------------------------------------ collections

    @Override
    @Transactional
    public TaxiiCollection create(Reader admin, TaxiiCollection d) {
        check(admin, d);
        String id = d.id() != null ? d.id() : java.util.UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("""
                INSERT INTO exchange_taxii_collection (id, api_root, title, description, alias, owner_organisation_id,
                    agreement_id, reader_organisations, writer_organisations, created_by, created_at, publishes)
                VALUES (:id, :root, :title, :description, :alias, :owner, :agreement, :readers, :writers, :by, :now,
                    :publishes)""")
                .param("id", id).param("root", d.apiRoot()).param("title", d.title()).param("description", d.description())
                .param("alias", d.alias()).param("owner", admin.organisationId()).param("agreement", d.agreementId())
                .param("readers", String.join(",", new TreeSet<>(d.readerOrganisationIds())))
                .param("writers", String.join(",", new TreeSet<>(d.writerOrganisationIds())))
                .param("by", admin.userId()).param("now", Timestamp.from(now)).param("publishes", d.publishes()).update();
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, admin.userId(), admin.organisationId(), OBJECT_TYPE,
                List.of(id)).withPurpose(admin.purpose()).withOutcome("CREATED"));
        return load(id).orElseThrow();
    }

    /**
     * What a collection needs before it is opened: a title (at most 200 characters), a description of at most 2,000,
     * an agreement in force for the administrator's organisation, organisations that exist, and an agreement or
     * at least one reader or writer. Each refusal names the field of the API's form.
     */
    private void check(Reader admin, TaxiiCollection d) {
        if (d.title() == null || d.title().isBlank()) {
            throw new InvalidInputException("title", "is required");
        }
        if (d.title().length() > 200) {
            throw new InvalidInputException("title", "at most 200 characters");
        }
        if (d.description() != null && d.description().length() > 2000) {
            throw new InvalidInputException("description", "at most 2000 characters");
        }
        if (d.alias() != null && d.alias().length() > 100) {
            throw new InvalidInputException("alias", "at most 100 characters");
        }
        for (String org : d.readerOrganisationIds()) {
            if (org == null || organisations.find(org).isEmpty()) {
                throw new InvalidInputException("readerOrganisationIds", "no organisation has this id");
            }
        }
        for (String org : d.writerOrganisationIds()) {
            if (org == null || organisations.find(org).isEmpty()) {
                throw new InvalidInputException("writerOrganisationIds", "no organisation has this id");
            }
        }
        if (d.agreementId() != null
                && admin.agreements().stream().noneMatch(a -> a.agreementId().equals(d.agreementId()))) {
            throw new InvalidInputException("agreementId", "no agreement in force for your organisation has this id");
        }
        if (d.agreementId() == null && d.readerOrganisationIds().isEmpty() && d.writerOrganisationIds().isEmpty()) {
            throw new InvalidInputException("agreementId", "name an agreement or reader or writer organisations");
        }
    }

    @Override
    @Transactional
    public List<Rights> collections(Reader reader, String apiRoot) {
        List<Rights> out = jdbc.sql("SELECT * FROM exchange_taxii_collection WHERE api_root = :root ORDER BY title, id")
                .param("root", apiRoot).query(JdbcTaxiiStore::collection).list().stream()
                .map(c -> rights(reader, c)).filter(r -> r.canRead() || r.canWrite()).toList();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                out.stream().map(r -> r.collection().id()).toList()).withPurpose(reader.purpose()));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Rights> collection(Reader reader, String apiRoot, String collectionId) {
        return load(collectionId).filter(c -> c.apiRoot().equals(apiRoot)).map(c -> rights(reader, c))
                .filter(r -> r.canRead() || r.canWrite());
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaxiiCollection> publishing() {
        return jdbc.sql("SELECT * FROM exchange_taxii_collection WHERE publishes ORDER BY id").query(JdbcTaxiiStore::collection)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TaxiiCollection> forProcessing(String collectionId) {
        return load(collectionId);
    }

    private Optional<TaxiiCollection> load(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM exchange_taxii_collection WHERE id = :id").param("id", id)
                .query(JdbcTaxiiStore::collection).optional();
    }

    static Rights rights(Reader reader, TaxiiCollection c) {
        String org = reader.organisationId();
        boolean owner = c.ownerOrganisationId().equals(org);
        boolean party = c.agreementId() != null
                && reader.agreements().stream().map(AgreementGrant::agreementId).anyMatch(c.agreementId()::equals);
        boolean read = owner || party || c.readerOrganisationIds().contains(org);
        boolean write = owner || c.writerOrganisationIds().contains(org);
        return new Rights(c, read, write);
    }

    // ------------------------------------------------------------------ objects

    @Override
    @Transactional
    public Page objects(Reader reader, TaxiiCollection collection, ObjectQuery q, String objectId) {
        StringBuilder sql = new StringBuilder("SELECT seq, stix_id, version, spec_version, date_added, json"
                + " FROM exchange_taxii_object o WHERE o.collection_id = :c");
        Map<String, Object> params = new HashMap<>();
        params.put("c", collection.id());
        filters(reader, q, objectId, sql, params);
        if (q.next() != null) {
            // the range on date_added lets the page index start at the cursor instead of sorting the collection
            sql.append(" AND o.date_added >= :nd AND (o.date_added > :nd OR o.seq > :ns)");
            params.put("nd", Timestamp.from(q.next().dateAdded()));
            params.put("ns", q.next().seq());
        }
        // the collection leads the ORDER BY as it leads the index: H2 reads a page in index order only when the
        // ORDER BY is a prefix of the index, and would otherwise sort everything after the cursor
        sql.append(" ORDER BY o.collection_id, o.date_added, o.seq LIMIT :limit");
        params.put("limit", q.limit() + 1);
        var spec = jdbc.sql(sql.toString());
        params.forEach(spec::param);
        List<Row> rows = new ArrayList<>(spec.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6))).list());
        boolean more = rows.size() > q.limit();
        if (more) {
            rows.removeLast();
        }
        ObjectQuery.Cursor next = more ? new ObjectQuery.Cursor(rows.getLast().dateAdded(), rows.getLast().seq()) : null;
        audit.record(AuditRecord.of(AuditAction.DISCLOSURE, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                List.of(collection.id())).withPurpose(reader.purpose()).withDetails(Map.of("objects",
                String.valueOf(rows.size()), "first", rows.isEmpty() ? "" : String.valueOf(rows.getFirst().seq()),
                "last", rows.isEmpty() ? "" : String.valueOf(rows.getLast().seq()))));
        return new Page(List.copyOf(rows), more, next);
    }

    /** The query's filters and the reader's visible markings, AND-ed to {@code sql}. */
    private void filters(Reader reader, ObjectQuery q, String objectId, StringBuilder sql, Map<String, Object> params) {
        // objects under a FusionCell marking: only those whose marking the reader may see, for the information
        // type it marks; the access module's predicate inside this query (its parameters renamed per type)
        StringBuilder visible = new StringBuilder("o.marking_id IS NULL");
        for (int i = 0; i < INFORMATION_TYPES.size(); i++) {
            SqlPredicate p = VisibilityFilter.visibleMarking(reader, INFORMATION_TYPES.get(i));
            String prefix = "acc" + i + "_";
            visible.append(" OR (o.information_type = :it").append(i)
                    .append(" AND o.marking_id IN (SELECT m.id FROM access_marking m WHERE ")
                    .append(p.sql().replace(":acc_", ":" + prefix)).append("))");
            params.put("it" + i, INFORMATION_TYPES.get(i));
            p.params().forEach((k, v) -> params.put(prefix + k.substring("acc_".length()), v));
        }
        sql.append(" AND (").append(visible).append(')');
        if (objectId != null) {
            sql.append(" AND o.stix_id = :oid");
            params.put("oid", objectId);
        }
        if (q.addedAfter() != null) {
            sql.append(" AND o.date_added > :after");
            params.put("after", Timestamp.from(q.addedAfter()));
        }
        if (!q.ids().isEmpty()) {
            sql.append(" AND o.stix_id IN (:ids)");
            params.put("ids", q.ids());
        }
        if (!q.types().isEmpty()) {
            sql.append(" AND o.stix_type IN (:types)");
            params.put("types", q.types());
        }
        if (!q.specVersions().isEmpty()) {
            sql.append(" AND o.spec_version IN (:specs)");
            params.put("specs", q.specVersions());
        }
        List<String> versions = q.versions().isEmpty() ? List.of("last") : q.versions();
        if (!versions.contains("all")) {
            List<String> terms = new ArrayList<>();
            if (versions.contains("last")) {
                terms.add("o.is_last");
            }
            if (versions.contains("first")) {
                terms.add("o.is_first");
            }
            List<Timestamp> at = versions.stream().filter(v -> !v.equals("last") && !v.equals("first"))
                    .map(v -> Timestamp.from(instant(v))).toList();
            if (!at.isEmpty()) {
                terms.add("o.version_at IN (:vat)");
                params.put("vat", at);
            }
            sql.append(" AND (").append(String.join(" OR ", terms)).append(')');
        }
    }

    @Override
    @Transactional
    public List<StixObject> add(Reader reader, TaxiiCollection collection, List<StixObject> objects, Instant at) {
        // one writer at a time per collection: dates added then increase strictly
        jdbc.sql("SELECT id FROM exchange_taxii_collection WHERE id = :c FOR UPDATE").param("c", collection.id())
                .query(String.class).single();
        Timestamp latest = jdbc.sql("SELECT MAX(date_added) FROM exchange_taxii_object WHERE collection_id = :c")
                .param("c", collection.id()).query(Timestamp.class).optional().orElse(null);
        Instant next = at.truncatedTo(ChronoUnit.MICROS);
        if (latest != null && !next.isAfter(latest.toInstant())) {
            next = latest.toInstant().plus(1, ChronoUnit.MICROS);
        }
        Map<String, List<StixObject>> byId = new LinkedHashMap<>();
        objects.forEach(o -> byId.computeIfAbsent(o.id(), k -> new ArrayList<>()).add(o));
        Set<String> present = new java.util.HashSet<>();
        List<String> ids = List.copyOf(byId.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            present.addAll(jdbc.sql("SELECT DISTINCT stix_id FROM exchange_taxii_object WHERE collection_id = :c"
                            + " AND stix_id IN (:ids)").param("c", collection.id())
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500))).query(String.class).list());
        }
        List<StixObject> added = new ArrayList<>();
        for (Map.Entry<String, List<StixObject>> e : byId.entrySet()) {
            boolean fresh = !present.contains(e.getKey()) && e.getValue().size() == 1;
            for (StixObject o : e.getValue()) {
                int n = jdbc.sql("""
                        INSERT INTO exchange_taxii_object (collection_id, stix_id, stix_type, version, spec_version,
                            date_added, is_first, is_last, version_at, information_type, marking_id, json)
                        VALUES (:c, :id, :type, :version, :spec, :added, :fresh, :fresh, :vat, :itype, :marking, :json)
                        ON CONFLICT DO NOTHING""")
                        .param("c", collection.id()).param("id", o.id()).param("type", o.type())
                        .param("version", o.version()).param("spec", o.specVersion()).param("added", Timestamp.from(next))
                        .param("fresh", fresh).param("vat", Timestamp.from(instant(o.version())))
                        .param("itype", o.informationType()).param("marking", o.markingId()).param("json", o.json())
                        .update();
                if (n == 1) {
                    added.add(o);
                    next = next.plus(1, ChronoUnit.MICROS);
                }
            }
            if (!fresh) {
                markFirstAndLast(collection.id(), e.getKey());
            }
        }
        audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                List.of(collection.id())).withPurpose(reader.purpose()).withDetails(Map.of("received",
                String.valueOf(objects.size()), "added", String.valueOf(added.size()))));
        return added;
    }

    @Override
    @Transactional
    public int delete(Reader reader, TaxiiCollection collection, String objectId, ObjectQuery q) {
        StringBuilder sql = new StringBuilder("DELETE FROM exchange_taxii_object WHERE seq IN (SELECT o.seq"
                + " FROM exchange_taxii_object o WHERE o.collection_id = :c");
        Map<String, Object> params = new HashMap<>();
        params.put("c", collection.id());
        ObjectQuery all = new ObjectQuery(null, q.limit(), null, List.of(), List.of(),
                q.versions().isEmpty() ? List.of("all") : q.versions(), q.specVersions());
        filters(reader, all, objectId, sql, params);
        sql.append(')');
        var spec = jdbc.sql(sql.toString());
        params.forEach(spec::param);
        int removed = spec.update();
        if (removed > 0) {
            markFirstAndLast(collection.id(), objectId);
        }
        audit.record(AuditRecord.of(AuditAction.ERASURE, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                List.of(collection.id(), objectId)).withPurpose(reader.purpose())
                .withDetails(Map.of("removed", String.valueOf(removed))));
        return removed;
    }

    /** Recomputes which stored versions of the object are its first and its last (match[version]=first|last). */
    private void markFirstAndLast(String collectionId, String stixId) {
        jdbc.sql("""
                UPDATE exchange_taxii_object SET
                    is_last = (version_at = (SELECT MAX(x.version_at) FROM exchange_taxii_object x
                        WHERE x.collection_id = :c AND x.stix_id = :id)),
                    is_first = (version_at = (SELECT MIN(x.version_at) FROM exchange_taxii_object x
                        WHERE x.collection_id = :c AND x.stix_id = :id))
                WHERE collection_id = :c AND stix_id = :id""")
                .param("c", collectionId).param("id", stixId).update();
    }

    @Override
    @Transactional
    public void saveStatus(Reader reader, String statusId, String collectionId, Instant at, String resource) {
        jdbc.sql("INSERT INTO exchange_taxii_status (id, collection_id, requested_by, requested_at, resource)"
                        + " VALUES (:id, :c, :by, :at, :resource)")
                .param("id", statusId).param("c", collectionId).param("by", reader.userId())
                .param("at", Timestamp.from(at)).param("resource", resource).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> status(Reader reader, String statusId) {
        if (statusId == null || statusId.length() > 36) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT resource FROM exchange_taxii_status WHERE id = :id AND requested_by = :by")
                .param("id", statusId).param("by", reader.userId()).query(String.class).optional();
    }

    /** A STIX timestamp ({@code 2016-04-06T20:03:00.000Z}); a bad one is bad input naming the filter. */
    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("match[version]", "'" + text + "' is not last, first, all or a timestamp");
        }
    }

    private static TaxiiCollection collection(ResultSet rs, int n) throws SQLException {
        return new TaxiiCollection(rs.getString("id"), rs.getString("api_root"), rs.getString("title"),
                rs.getString("description"), rs.getString("alias"), rs.getString("owner_organisation_id"),
                rs.getString("agreement_id"), split(rs.getString("reader_organisations")),
                split(rs.getString("writer_organisations")), rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("publishes"));
    }

    private static Set<String> split(String csv) {
        return csv == null || csv.isBlank() ? Set.of()
                : Set.copyOf(new LinkedHashSet<>(Arrays.asList(csv.split(","))));
    }
}
