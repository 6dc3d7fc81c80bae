package org.fusioncell.exchange.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.exchange.StixBundles.Filter;
import org.fusioncell.exchange.partners.ExchangeLog;
import org.fusioncell.exchange.taxii.Publication.Published;
import org.fusioncell.exchange.taxii.StixObject;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Role;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the installation's own reports — with the entities they mention and the links they assert — into
 * the collections that publish ({@link TaxiiCollection#publishes()}), as STIX objects under the item's own
 * marking (the TAXII store serves each reader only what that marking lets them see). What never goes:
 * items imported from another installation (no onward sharing), items no reader organisation of the
 * collection may see, and TLP:RED or originator-controlled items without the originator's approval for that
 * collection. An item published before that no longer qualifies — erased, re-marked RED, out of every
 * reader's reach — is revoked: a new version of its STIX object with {@code revoked: true}, under the marking
 * of the version it revokes, which every reader who could read the object receives, so that partners erase
 * their copy.
 */
@Component
class CollectionPublication {

    static final String ACTOR = "processing:publication";

    private final TaxiiStore store;
    private final StixExport export;
    private final Organisations organisations;
    private final Readers readers;
    private final ClassificationScheme scheme;
    private final Markings markings;
    private final Colleagues colleagues;
    private final ExchangeLog log;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ErasedContent erasedContent;

    CollectionPublication(TaxiiStore store, StixExport export, Organisations organisations, Readers readers,
                          ClassificationScheme scheme, Markings markings, Colleagues colleagues, ExchangeLog log,
                          JdbcClient jdbc, JsonMapper json, Clock clock, ErasedContent erasedContent) {
        this.erasedContent = erasedContent;
        this.colleagues = colleagues;
        this.store = store;
        this.export = export;
        this.organisations = organisations;
        this.readers = readers;
        this.scheme = scheme;
        this.markings = markings;
        this.log = log;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The report (and what it carries) in every publishing collection. */
    @Transactional
    void report(String reportId) {
        for (TaxiiCollection c : store.publishing()) {
            publish(c, new Filter(null, Set.of(reportId)), Set.of(reportId));
        }
    }

    /**
     * The report (and what it carries) in one collection, read by {@code reader} — the approver of a TLP:RED
     * report, which only its named recipients can read.
     */
    @Transactional
    Published report(TaxiiCollection c, String reportId, Reader reader) {
        return publish(c, new Filter(null, Set.of(reportId)), Set.of(reportId), reader);
    }

    /** Everything the collection may hold now (when a collection starts publishing, or on request). */
    @Transactional
    Published all(TaxiiCollection c) {
        return publish(c, Filter.ALL, null);
    }

    /**
     * Items of the local id set gone for good (erased): their published objects are revoked everywhere.
     */
    @Transactional
    void erased(String itemId) {
        List<String[]> rows = jdbc.sql("SELECT collection_id, stix_id FROM exchange_published_item"
                        + " WHERE item_id = :i AND NOT revoked").param("i", itemId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        Map<String, List<String>> byCollection = new LinkedHashMap<>();
        rows.forEach(r -> byCollection.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]));
        byCollection.forEach((collectionId, stixIds) -> store.forProcessing(collectionId)
                .ifPresent(c -> revoke(c, stixIds, "erased", true)));
    }

    /** Revokes objects of the collection by STIX id (administrator's decision); answers how many were revoked. */
    @Transactional
    int revoke(TaxiiCollection c, List<String> stixIds, String why) {
        return revoke(c, stixIds, why, false);
    }

    /** {@code erased}: the item is gone for good, so no stored version of its objects keeps its content. */
    private int revoke(TaxiiCollection c, List<String> stixIds, String why, boolean erased) {
        Reader owner = processing(c.ownerOrganisationId());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<StixObject> tombstones = new ArrayList<>();
        for (String stixId : stixIds) {
            Optional<TaxiiStore.Row> last = lastVersion(owner, c, stixId);
            // cyber-observables cannot be revoked: the object that carries them (observed-data) is
            if (last.isEmpty() || last.get().json().contains("\"revoked\":true") || !last.get().json().contains("\"created\"")) {
                continue;
            }
            tombstones.add(tombstone(c, last.get(), now, erased));
        }
        List<StixObject> added = store.add(owner, c, tombstones, now);
        for (StixObject t : added) {
            jdbc.sql("UPDATE exchange_published_item SET revoked = TRUE, last_version = :v WHERE collection_id = :c"
                    + " AND stix_id = :s").param("v", t.version()).param("c", c.id()).param("s", t.id()).update();
        }
        if (erased) {
            erasedContent.scrub(c.id(), stixIds);
        }
        if (!added.isEmpty()) {
            log.recordAlongside(c.ownerOrganisationId(), null, ExchangeLog.Kind.PUBLICATION, added.size(), "OK",
                    "collection " + c.id() + ": " + added.size() + " revoked (" + why + ")");
        }
        return added.size();
    }

    private Published publish(TaxiiCollection c, Filter filter, Set<String> onlyReports) {
        return publish(c, filter, onlyReports, processing(c.ownerOrganisationId()));
    }

    private Published publish(TaxiiCollection c, Filter filter, Set<String> onlyReports, Reader exporter) {
        Reader owner = processing(c.ownerOrganisationId());
        StixExport.Built built = export.build(exporter, filter);
        List<Reader> audience = audience(c);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<StixObject> out = new ArrayList<>();
        Map<String, StixExport.Source> published = new LinkedHashMap<>();
        Set<String> refused = new LinkedHashSet<>();
        Set<String> creators = new HashSet<>();
        List<Map<String, Object>> scaffolding = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> objects = (List<Map<String, Object>>) built.bundle().get("objects");
        for (Map<String, Object> o : objects) {
            String id = (String) o.get("id");
            StixExport.Source src = built.sources().get(id);
            if (src == null) {
                scaffolding.add(o);
                continue;
            }
            if (src.imported()) {
                continue; // what partners gave us does not flow on
            }
            String type = "report".equals(src.itemType()) ? "report" : "entity";
            Optional<Marking> marking = published(c, src, type, audience);
            if (marking.isEmpty()) {
                refused.add(id);
                continue;
            }
            out.add(object(o, markings.save(marking.get()), type));
            published.put(id, src);
            creators.add((String) o.get("created_by_ref"));
        }
        for (Map<String, Object> o : scaffolding) {
            String type = (String) o.get("type");
            boolean standard = "marking-definition".equals(type) || "extension-definition".equals(type)
                    || "identity".equals(type) && (StixVocabulary.INSTALLATION_IDENTITY.equals(o.get("id"))
                    || creators.contains((String) o.get("id")));
            if (standard && !published.isEmpty()) {
                out.add(object(o, null, null));
            }
        }
        List<StixObject> added = store.add(owner, c, out, now);
        for (StixObject a : added) {
            StixExport.Source src = published.get(a.id());
            if (src != null) {
                jdbc.sql("DELETE FROM exchange_published_item WHERE collection_id = :c AND stix_id = :s")
                        .param("c", c.id()).param("s", a.id()).update();
                jdbc.sql("INSERT INTO exchange_published_item (collection_id, stix_id, item_type, item_id, last_version,"
                                + " revoked) VALUES (:c, :s, :t, :i, :v, FALSE)")
                        .param("c", c.id()).param("s", a.id()).param("t", src.itemType()).param("i", src.itemId())
                        .param("v", a.version()).update();
            }
        }
        // an object already published keeps answering to its item's current marking, in every version
        for (StixObject o : out) {
            if (o.markingId() != null) {
                jdbc.sql("UPDATE exchange_taxii_object SET marking_id = :m, information_type = :t WHERE collection_id = :c"
                                + " AND stix_id = :s AND marking_id IS NOT NULL AND marking_id <> :m")
                        .param("m", o.markingId()).param("t", o.informationType()).param("c", c.id())
                        .param("s", o.id()).update();
            }
        }
        List<String> withdraw = refused.isEmpty() ? List.of() : jdbc.sql("SELECT stix_id FROM exchange_published_item"
                        + " WHERE collection_id = :c AND stix_id IN (:ids) AND NOT revoked")
                .param("c", c.id()).param("ids", refused).query(String.class).list();
        int revoked = withdraw.isEmpty() ? 0 : revoke(c, withdraw, "no longer qualifies");
        int itemsAdded = (int) added.stream().filter(a -> published.containsKey(a.id())).count();
        if (itemsAdded > 0) {
            log.recordAlongside(c.ownerOrganisationId(), null, ExchangeLog.Kind.PUBLICATION, itemsAdded, "OK",
                    "collection " + c.id() + ": " + itemsAdded + " object versions published"
                            + (onlyReports == null ? "" : " (report " + String.join(", ", onlyReports) + ")"));
        }
        return new Published(itemsAdded, revoked);
    }

    /**
     * The marking under which the item goes into the collection, or empty when it may not: TLP:RED and
     * originator-controlled items need the originator's approval for this collection, which releases them to
     * its reader organisations (originator control: the organisations are named; TLP:RED: the accounts those
     * organisations use here are named recipients, TLP:RED being for individuals); then some reader
     * organisation of the collection must be able to see the item under that marking. Links and mentions go
     * under their report's approval, entities under their own.
     */
    private Optional<Marking> published(TaxiiCollection c, StixExport.Source src, String informationType,
                                        List<Reader> audience) {
        Marking m = src.marking();
        if (m.tlp() == Tlp.RED || m.originatorControl()) {
            String approvalItem = "entity".equals(src.itemType()) ? src.itemId() : src.reportId();
            boolean approved = jdbc.sql("SELECT COUNT(*) FROM exchange_release_approval WHERE collection_id = :c"
                    + " AND item_id = :i").param("c", c.id()).param("i", approvalItem).query(Long.class).single() > 0;
            if (!approved) {
                return Optional.empty();
            }
            Set<String> orgs = new LinkedHashSet<>(m.releasability().organisations());
            Set<String> users = new LinkedHashSet<>(m.releasability().users());
            for (Reader r : audience) {
                orgs.add(r.organisationId());
                if (m.tlp() == Tlp.RED) {
                    for (Role role : Role.values()) {
                        users.addAll(colleagues.members(r.organisationId(), role));
                    }
                }
            }
            m = new Marking(m.classificationRank(), m.tlp(), new Releasability(orgs, m.releasability().organisationTypes(),
                    m.releasability().agreements(), users), m.originatorControl(), m.caveats(), m.ownerOrganisation());
        }
        for (Reader r : audience) {
            boolean sees = m.tlp() != Tlp.RED
                    ? AccessPolicy.decide(r, informationType, m).visibility() == Decision.Visibility.VISIBLE
                    // TLP:RED reaches named accounts only: one of the organisation's accounts must be named
                    : m.releasability().users().stream().anyMatch(colleaguesOf(r.organisationId())::contains)
                            && r.clearanceRank() >= m.classificationRank() && r.caveats().containsAll(m.caveats());
            if (sees) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private Set<String> colleaguesOf(String organisationId) {
        Set<String> all = new HashSet<>();
        for (Role role : Role.values()) {
            all.addAll(colleagues.members(organisationId, role));
        }
        return all;
    }

    /** The organisations that read the collection besides its owner, each as it reads when none of its users is signed in. */
    List<Reader> audience(TaxiiCollection c) {
        Set<String> orgs = new LinkedHashSet<>(c.readerOrganisationIds());
        if (c.agreementId() != null) {
            Reader owner = readers.forOrganisation(c.ownerOrganisationId(), ACTOR, "publication");
            owner.agreements().stream().filter(a -> a.agreementId().equals(c.agreementId()))
                    .forEach(a -> orgs.addAll(a.parties()));
        }
        orgs.remove(c.ownerOrganisationId());
        return orgs.stream().map(o -> readers.forOrganisation(o, ACTOR, "publication")).toList();
    }

    Reader processing(String organisationId) {
        OrganisationSummary org = organisations.find(organisationId).orElseThrow();
        return new Reader(ACTOR, org.id(), org.type(), scheme.levels().size() - 1, Set.of(), List.of(),
                "publication into TAXII collections");
    }

    private Optional<TaxiiStore.Row> lastVersion(Reader owner, TaxiiCollection c, String stixId) {
        var q = new org.fusioncell.exchange.taxii.ObjectQuery(null, 1, null, List.of(), List.of(), List.of("last"),
                List.of());
        List<TaxiiStore.Row> rows = store.objects(owner, c, q, stixId).rows();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /**
     * The revoked version of a stored object: the last version as it was, {@code revoked: true}, a later
     * {@code modified} — a complete object, so that it still validates and every STIX consumer can read it — under
     * the last version's own marking: exactly the readers who could read the object receive its revocation, and
     * nobody learns anything new from it. Of an erased item, the revoked version keeps only what identifies it
     * ({@link ErasedContent}): the erasure must not live on in the collection.
     */
    private StixObject tombstone(TaxiiCollection c, TaxiiStore.Row last, Instant now, boolean erased) {
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = json.readValue(last.json(), Map.class);
        Map<String, Object> o = new LinkedHashMap<>(erased ? ErasedContent.stripped(stored) : stored);
        Instant modified = Instant.parse((String) o.get("modified"));
        o.put("modified", StixVocabulary.stamp(now.isAfter(modified) ? now : modified.plusMillis(1)));
        o.put("revoked", true);
        String[] marking = jdbc.sql("SELECT marking_id, information_type FROM exchange_taxii_object WHERE seq = :seq")
                .param("seq", last.seq()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        return object(o, marking[0], marking[1]);
    }

    private StixObject object(Map<String, Object> o, String markingId, String informationType) {
        String created = (String) o.get("created");
        String version = o.get("modified") instanceof String m ? m : created != null ? created : StixObject.UNVERSIONED;
        return new StixObject((String) o.get("id"), (String) o.get("type"), version,
                o.get("spec_version") instanceof String s ? s : "2.1", json.writeValueAsString(o), markingId,
                informationType);
    }
}
