package org.fusioncell.exchange.packages.internal;

import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.exchange.StixBundles;
import org.fusioncell.exchange.packages.OfflinePackages;
import org.fusioncell.exchange.packages.PackageManifest;
import org.fusioncell.exchange.packages.PackageSummary;
import org.fusioncell.exchange.packages.PackageSummary.Direction;
import org.fusioncell.exchange.packages.PackageTooLargeException;
import org.fusioncell.exchange.partners.ExchangeLog;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.exchange.partners.ReceivedObjects;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link OfflinePackages}: packages are built from the TAXII store as the partner's organisation reads it and
 * recorded in {@code exchange_package}; an import is checked whole (size, ZIP, signature, digest, objects)
 * before one transaction records it and applies its objects through {@link ReceivedObjects}.
 */
@Service
class JdbcOfflinePackages implements OfflinePackages {

    static final String API_ROOT = "fusioncell";
    static final String OBJECT_TYPE = "offline-package";
    /** Who reads the collection as the partner's organisation (never a user id: see {@link #export}). */
    static final String ACTOR = "processing:offline-package";
    private static final List<Role> CARRIERS = List.of(Role.LIAISON_OFFICER, Role.SUPERVISOR, Role.ADMINISTRATOR);

    private final JdbcClient jdbc;
    private final InstallationKeys keys;
    private final PartnerCells partners;
    private final ReceivedObjects received;
    private final ExchangeLog log;
    private final TaxiiStore store;
    private final PackageContent content;
    private final Readers readers;
    private final Colleagues colleagues;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PackageFile.Limits limits;
    private final int maxObjects;

    JdbcOfflinePackages(JdbcClient jdbc, InstallationKeys keys, PartnerCells partners, ReceivedObjects received,
                        ExchangeLog log, TaxiiStore store, Readers readers, Colleagues colleagues, AuditLog audit,
                        PlatformTransactionManager transactions, Clock clock,
                        @Value("${fusioncell.exchange.packages.max-bytes:10485760}") long maxBytes,
                        @Value("${fusioncell.exchange.packages.max-unpacked-bytes:104857600}") long maxUnpackedBytes,
                        @Value("${fusioncell.exchange.stix.max-objects:10000}") int maxObjects) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.partners = partners;
        this.received = received;
        this.log = log;
        this.store = store;
        this.content = new PackageContent(store);
        this.readers = readers;
        this.colleagues = colleagues;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.limits = new PackageFile.Limits(maxBytes, maxUnpackedBytes);
        this.maxObjects = maxObjects;
    }

    @Override
    public InstallationKey installationKey() {
        InstallationKeys.Pair pair = keys.current();
        return new InstallationKey(pair.publicBase64(), pair.fingerprint());
    }

    @Override
    public String sign(byte[] data) {
        return java.util.Base64.getEncoder().encodeToString(PackageFile.sign(data, keys.current().privateKey()));
    }

    // ------------------------------------------------------------------ export

    @Override
    @Transactional
    public Export export(Reader reader, ExportRequest request) {
        if (!carrier(reader)) {
            return refuse(reader, "role", "Packages are built by liaison officers, supervisors and administrators.");
        }
        PartnerCell partner = partner(reader, request.partnerId(), "partnerId");
        // the actor is no user: a TLP:RED marking naming the builder must not make the partner a named recipient
        Reader partnerReader = readers.forOrganisation(partner.organisationId(), ACTOR,
                "offline package for partner cell " + partner.id() + " built by " + reader.userId());
        TaxiiCollection collection = readable(partnerReader, request.collectionId())
                .filter(c -> readable(reader, c.id()).isPresent())
                .orElseThrow(() -> new InvalidInputException("collectionId",
                        "not a collection that both your organisation and the partner's may read"));
        Instant since = request.since() == null || request.since().isBlank()
                ? resumeAfter(reader.organisationId(), partner.id(), collection.id()) : instant(request.since());
        PackageContent.Content c = content.collect(partnerReader, collection, since, maxObjects);
        if (c.rows().isEmpty()) {
            if (c.more()) {
                throw new InvalidInputException("collectionId", "more than " + maxObjects
                        + " objects were added at one instant; raise fusioncell.exchange.stix.max-objects on both sides");
            }
            throw new InvalidInputException(since == null ? "collectionId" : "since", since == null
                    ? "the partner may read no objects in this collection: nothing to package"
                    : "nothing the partner may read was added to the collection after " + since + ": nothing to package");
        }
        int hidden = content.hiddenFrom(reader, collection, since, c);
        if (hidden > 0) {
            log.record(reader.organisationId(), partner.id(), ExchangeLog.Kind.PACKAGE_EXPORT, 0, "REFUSED",
                    hidden + " objects are not readable by the user who built the package");
            return refuse(reader, "exporter-clearance", hidden + " of the " + c.rows().size() + " objects the partner"
                    + " may read are not yours to read: whoever builds a package can open it. Ask a colleague cleared"
                    + " for them.");
        }
        InstallationKeys.Pair key = keys.current();
        byte[] objects = c.envelope();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        PackageManifest manifest = new PackageManifest(Ids.newId(), now, key.fingerprint(), recipient(partner),
                partner.id(), partner.name(), collection.id(), collection.title(), since, c.firstAdded(), c.lastAdded(),
                c.rows().size(), c.more(), PackageFile.sha256(objects));
        byte[] file = PackageFile.write(manifest, objects, key.privateKey());
        insert(reader, Direction.EXPORTED, manifest, null);
        log.record(reader.organisationId(), partner.id(), ExchangeLog.Kind.PACKAGE_EXPORT, manifest.objects(), "OK",
                "package " + manifest.id() + ", collection " + collection.id() + (c.more() ? ", more to follow" : ""));
        audit.record(AuditRecord.of(AuditAction.EXPORT, reader.userId(), reader.organisationId(), "stix-object",
                List.copyOf(c.stixIds())).withPurpose(reader.purpose()).withDetails(details(manifest)));
        String name = "fusioncell-package-" + now.toString().substring(0, 10) + "-" + manifest.id().substring(0, 8) + ".zip";
        return new Built(find(reader.organisationId(), manifest.id(), Direction.EXPORTED).orElseThrow(), file, name);
    }

    /** The fingerprint of the key registered for the partner: the package names whom it is for. */
    private static String recipient(PartnerCell partner) {
        if (partner.publicKey() == null) {
            return null;
        }
        try {
            return PackageFile.fingerprint(PackageFile.publicKey(partner.publicKey()));
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private Optional<TaxiiCollection> readable(Reader reader, String collectionId) {
        return collectionId == null ? Optional.empty() : store.collection(reader, API_ROOT, collectionId)
                .filter(TaxiiStore.Rights::canRead).map(TaxiiStore.Rights::collection);
    }

    private Instant resumeAfter(String org, String partnerId, String collectionId) {
        return jdbc.sql("""
                SELECT MAX(last_added) FROM exchange_package WHERE owner_organisation_id = :o AND partner_id = :p
                AND collection_id = :c AND direction = 'EXPORTED'""")
                .param("o", org).param("p", partnerId).param("c", collectionId)
                .query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant).orElse(null);
    }

    static Instant instant(String text) {
        try {
            String t = text.strip();
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since", "an ISO-8601 date (2026-11-01) or instant");
        }
    }

    // ------------------------------------------------------------------ import

    @Override
    public Import importPackage(Reader reader, String partnerId, byte[] file) {
        if (!carrier(reader)) {
            return tx.execute(s -> refuse(reader, "role",
                    "Packages are imported by liaison officers, supervisors and administrators."));
        }
        PartnerCell partner = partner(reader, partnerId, "partner");
        try {
            if (file.length > limits.maxBytes()) {
                throw new PackageTooLargeException("package", "larger than the limit of " + limits.maxBytes()
                        + " bytes; nothing was imported", limits.maxBytes());
            }
            if (partner.publicKey() == null) {
                throw new InvalidInputException("partner", "no package-signing key is registered for this partner"
                        + " cell: an administrator registers the public key its installation shows");
            }
            PublicKey key;
            try {
                key = PackageFile.publicKey(partner.publicKey());
            } catch (InvalidInputException e) {
                throw new InvalidInputException("partner", "the key registered for this partner cell is not an Ed25519 key");
            }
            PackageFile.Opened opened = PackageFile.open(file, limits);
            PackageManifest manifest = PackageFile.verify(opened, key);
            String self = keys.current().fingerprint();
            if (manifest.recipient() != null && !manifest.recipient().equals(self)) {
                throw new InvalidInputException("manifest.json", "recipient: the package is for the installation with"
                        + " key " + manifest.recipient() + ", not for this one (" + self + ")");
            }
            List<Map<String, Object>> objects = PackageFile.objects(opened, manifest);
            Import done = tx.execute(s -> apply(reader, partner, manifest, objects));
            log.record(reader.organisationId(), partner.id(), ExchangeLog.Kind.PACKAGE_IMPORT,
                    done instanceof Imported ? manifest.objects() : 0, "OK", "package " + manifest.id() + switch (done) {
                        case Imported i -> ": " + i.summary().added() + " added, " + i.summary().corrected()
                                + " corrected, " + i.summary().revoked() + " revoked, " + i.summary().unchanged()
                                + " already held";
                        case AlreadyImported a -> ": already imported, nothing applied";
                        case Refused r -> "";
                    });
            return done;
        } catch (InvalidInputException | PackageTooLargeException | StixBundles.BundleTooLargeException e) {
            refused(reader, partner, e.getMessage());
            if (e instanceof StixBundles.BundleTooLargeException big) {
                throw new PackageTooLargeException("objects.json", "more than " + big.limit()
                        + " objects; nothing was imported", big.limit());
            }
            throw e;
        }
    }

    private Import apply(Reader reader, PartnerCell partner, PackageManifest manifest, List<Map<String, Object>> objects) {
        if (!insert(reader, Direction.IMPORTED, manifest, partner)) {
            audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                    List.of(manifest.id())).withPurpose(reader.purpose()).withOutcome("ALREADY_IMPORTED"));
            return new AlreadyImported(find(reader.organisationId(), manifest.id(), Direction.IMPORTED).orElseThrow());
        }
        ReceivedObjects.Applied applied = received.apply(partner, objects);
        jdbc.sql("""
                UPDATE exchange_package SET added = :a, corrected = :c, revoked = :r, unchanged = :u
                WHERE package_id = :id AND owner_organisation_id = :o AND direction = 'IMPORTED'""")
                .param("a", applied.added()).param("c", applied.corrected())
                .param("r", applied.revoked()).param("u", applied.unchanged()).param("id", manifest.id())
                .param("o", reader.organisationId()).update();
        Map<String, String> details = details(manifest);
        details.put("added", String.valueOf(applied.added()));
        details.put("corrected", String.valueOf(applied.corrected()));
        details.put("revoked", String.valueOf(applied.revoked()));
        audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                List.of(manifest.id())).withPurpose(reader.purpose()).withDetails(details));
        return new Imported(find(reader.organisationId(), manifest.id(), Direction.IMPORTED).orElseThrow());
    }

    /** A refused import: in the exchange log and the audit log, in transactions of their own (nothing else is written). */
    private void refused(Reader reader, PartnerCell partner, String reason) {
        log.record(reader.organisationId(), partner.id(), ExchangeLog.Kind.PACKAGE_IMPORT, 0, "REFUSED", reason);
        tx.executeWithoutResult(s -> audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(),
                reader.organisationId(), OBJECT_TYPE, List.of()).withPurpose(reader.purpose()).withOutcome("REFUSED")
                .withDetails(Map.of("partner", partner.id(), "reason", reason.length() > 300
                        ? reason.substring(0, 300) : reason))));
    }

    // ------------------------------------------------------------------ shared

    private boolean carrier(Reader reader) {
        return CARRIERS.stream().anyMatch(r -> colleagues.holds(reader, r));
    }

    private Refused refuse(Reader reader, String code, String detail) {
        audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                List.of()).withPurpose(reader.purpose()).withOutcome("REFUSED").withDetails(Map.of("reason", code)));
        return new Refused(code, detail);
    }

    private PartnerCell partner(Reader reader, String id, String field) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return partners.find(reader, id.strip())
                .orElseThrow(() -> new InvalidInputException(field, "not one of your organisation's partner cells"));
    }

    private static Map<String, String> details(PackageManifest m) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("package", m.id());
        d.put("partner", m.partnerId());
        d.put("collection", m.collectionId());
        d.put("objects", String.valueOf(m.objects()));
        d.put("sha256", m.sha256());
        d.put("signer", m.signer());
        return d;
    }

    /**
     * Records a package; for an import, {@code partner} is the local partner cell it came from (the manifest names
     * the sender's view of us). False when the organisation already holds this package id in this direction.
     */
    private boolean insert(Reader reader, Direction direction, PackageManifest m, PartnerCell from) {
        String partnerId = from == null ? m.partnerId() : from.id();
        String partnerName = from == null ? m.partnerName() : from.name();
        return jdbc.sql("""
                INSERT INTO exchange_package (package_id, owner_organisation_id, direction, partner_id, partner_name,
                  collection_id, collection_title, created_at, since, first_added, last_added, objects, more_follow, sha256,
                  signer_fingerprint, by_user_id, at)
                VALUES (:id, :o, :dir, :p, :pn, :c, :ct, :created, :since, :first, :last, :n, :more, :sha, :signer,
                  :by, :at) ON CONFLICT DO NOTHING""")
                .param("id", m.id()).param("o", reader.organisationId()).param("dir", direction.name())
                .param("p", partnerId).param("pn", cut(partnerName)).param("c", m.collectionId())
                .param("ct", cut(m.collectionTitle())).param("created", Timestamp.from(m.created()))
                .param("since", ts(m.since())).param("first", ts(m.firstAdded())).param("last", ts(m.lastAdded()))
                .param("n", m.objects()).param("more", m.more()).param("sha", m.sha256()).param("signer", m.signer())
                .param("by", reader.userId()).param("at", Timestamp.from(Instant.now(clock)))
                .update() == 1;
    }

    private static String cut(String text) {
        return text.length() > 200 ? text.substring(0, 199) + "…" : text;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private Optional<PackageSummary> find(String org, String id, Direction direction) {
        return jdbc.sql("SELECT * FROM exchange_package WHERE package_id = :id AND owner_organisation_id = :o"
                        + " AND direction = :d").param("id", id).param("o", org).param("d", direction.name())
                .query(JdbcOfflinePackages::summary).optional();
    }

    @Override
    @Transactional
    public Page<PackageSummary> list(Reader reader, PageRequest page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM exchange_package WHERE owner_organisation_id = :o")
                .param("o", reader.organisationId()).query(Long.class).single();
        List<PackageSummary> items = jdbc.sql("""
                SELECT * FROM exchange_package WHERE owner_organisation_id = :o
                ORDER BY at DESC, package_id LIMIT :l OFFSET :f""")
                .param("o", reader.organisationId()).param("l", page.size()).param("f", page.offset())
                .query(JdbcOfflinePackages::summary).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT_TYPE,
                items.stream().map(PackageSummary::id).toList()).withPurpose(reader.purpose()));
        return Page.of(items, page, total);
    }

    @Override
    public List<TaxiiCollection> collections(Reader reader) {
        List<TaxiiCollection> out = new ArrayList<>();
        store.collections(reader, API_ROOT).stream().filter(TaxiiStore.Rights::canRead)
                .forEach(r -> out.add(r.collection()));
        return out;
    }

    private static PackageSummary summary(ResultSet rs, int n) throws SQLException {
        return new PackageSummary(rs.getString("package_id"), Direction.valueOf(rs.getString("direction")),
                rs.getString("partner_id"), rs.getString("partner_name"), rs.getString("collection_id"),
                rs.getString("collection_title"), at(rs, "created_at"), at(rs, "since"), at(rs, "first_added"),
                at(rs, "last_added"), rs.getInt("objects"), rs.getBoolean("more_follow"), rs.getString("sha256"),
                rs.getString("signer_fingerprint"), rs.getObject("added", Integer.class),
                rs.getObject("corrected", Integer.class), rs.getObject("revoked", Integer.class),
                rs.getObject("unchanged", Integer.class), rs.getString("by_user_id"), at(rs, "at"));
    }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
