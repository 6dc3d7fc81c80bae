package org.fusioncell.exchange.internal;

import static org.fusioncell.exchange.internal.StixBundleCheck.at;
import static org.fusioncell.exchange.internal.StixVocabulary.EXTENSION_ID;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityDraft;
import org.fusioncell.entities.EntityLink;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.IdentifierKeys;
import org.fusioncell.entities.LinkType;
import org.fusioncell.entities.Recorded;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.exchange.StixBundles.Imported;
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.Place;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.intake.Taxonomies;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a bundle for the reader's organisation, in one transaction, after {@link StixBundleCheck}: every
 * object is first turned into what it will become (a report, an entity, a link, or a STIX object kept as
 * received) with its marking checked, and only then is anything written. Objects the organisation already
 * holds — its own items coming back, or items it imported before — are recognised by their STIX id and
 * left alone, so importing the same bundle twice creates nothing the second time.
 */
@Component
class StixImport {

    static final String JUSTIFICATION = "STIX import";
    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");

    private final Reports reports;
    private final Entities entities;
    private final ReportEntities reportEntities;
    private final IdentifierKeys identifierKeys;
    private final Taxonomies taxonomies;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final Markings markings;
    private final AuditLog audit;
    private final StixProvenance provenance;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxObjects;

    StixImport(Reports reports, Entities entities, ReportEntities reportEntities, IdentifierKeys identifierKeys,
               Taxonomies taxonomies, ClassificationScheme scheme, MarkingVocabulary vocabulary, Markings markings,
               AuditLog audit, StixProvenance provenance, JsonMapper json, Clock clock,
               @Value("${fusioncell.exchange.stix.max-objects:10000}") int maxObjects) {
        this.reports = reports;
        this.entities = entities;
        this.reportEntities = reportEntities;
        this.identifierKeys = identifierKeys;
        this.taxonomies = taxonomies;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.markings = markings;
        this.audit = audit;
        this.provenance = provenance;
        this.json = json;
        this.clock = clock;
        this.maxObjects = maxObjects;
    }

    private sealed interface Plan permits ReportPlan, EntityPlan, LinkPlan, KeptPlan {
        int index();

        Map<String, Object> object();
    }

    private record ReportPlan(int index, Map<String, Object> object, ReportDraft draft, List<String> mentions,
                              Map<String, Object> origin) implements Plan {
    }

    private record EntityPlan(int index, Map<String, Object> object, EntityDraft draft, Map<String, Object> origin)
            implements Plan {
    }

    private record LinkPlan(int index, Map<String, Object> object, String from, String to, String report, LinkType type,
                            double confidence, LocalDate validFrom, LocalDate validTo, Map<String, Object> origin)
            implements Plan {
    }

    private record KeptPlan(int index, Map<String, Object> object, Marking marking) implements Plan {
    }

    @Transactional
    public Imported run(Reader reader, byte[] body) {
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "not JSON: " + e.getOriginalMessage());
        }
        String org = reader.organisationId();
        List<Map<String, Object>> objects = StixBundleCheck.objects(parsed, maxObjects, id -> provenance.keeps(id, org));
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            // several versions of one object in a bundle: the latest modified is the object (STIX 2.1 §3.6)
            indexOf.merge((String) objects.get(i).get("id"), i, (earlier, later) ->
                    modified(objects.get(later)).isAfter(modified(objects.get(earlier))) ? later : earlier);
        }
        // what the organisation already holds, by STIX id: its own items and earlier imports
        Map<String, String> held = new HashMap<>();
        Set<String> absorbed = new HashSet<>(); // observables carried by an entity of ours
        int alreadyHeld = 0;
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            Map<String, Object> o = objects.get(i);
            String id = (String) o.get("id");
            if (indexOf.get(id) != i) {
                continue; // another version of the same object in this bundle is the current one
            }
            if (standard(id, org)) {
                continue;
            }
            Map<String, Object> ext = extension(o, i);
            Optional<String> local = provenance.heldItem(id, org).or(() -> ownItem(id, ext, org, ref -> {
                Integer at = indexOf.get(ref);
                return at == null ? null : extensionOrNull(objects.get(at));
            }));
            if (local.isPresent()) {
                held.put(id, local.get());
                alreadyHeld++;
                absorb(o, ext, absorbed);
                continue;
            }
            if (provenance.keeps(id, org)) {
                alreadyHeld++;
                continue;
            }
            absorb(o, ext, absorbed);
            plans.add(plan(reader, o, ext, i, objects, indexOf));
        }
        for (Plan p : plans) {
            if (p instanceof EntityPlan e && e.origin().get("observable") instanceof Map<?, ?> sco) {
                absorbed.add((String) sco.get("id"));
            }
        }
        // links and mentions need both ends: relationships without a report or ends of ours are kept
        Set<String> entityIds = new HashSet<>();
        Set<String> reportIds = new HashSet<>();
        for (Plan p : plans) {
            if (p instanceof EntityPlan) {
                entityIds.add((String) p.object().get("id"));
            } else if (p instanceof ReportPlan) {
                reportIds.add((String) p.object().get("id"));
            }
        }
        held.forEach((stix, local) -> {
            if (stix.startsWith("report--")) {
                reportIds.add(stix);
            } else if (!stix.startsWith("relationship--")) {
                entityIds.add(stix);
            }
        });
        List<Plan> resolved = new ArrayList<>();
        for (Plan p : plans) {
            if (p instanceof LinkPlan l && !(entityIds.contains(l.from()) && entityIds.contains(l.to())
                    && reportIds.contains(l.report()))) {
                if (l.origin().get("extension") != null) {
                    throw new InvalidInputException(at(l.index(), "source_ref"),
                            "a FusionCell link needs both its entities and its report in the bundle or already held");
                }
                resolved.add(new KeptPlan(l.index(), l.object(), marking(reader, l.object(), null, l.index())));
            } else if (p instanceof KeptPlan k && absorbed.contains((String) k.object().get("id"))) {
                continue;
            } else {
                resolved.add(p);
            }
        }

        // everything checked: write
        String importId = Ids.newId();
        Instant now = Instant.now(clock);
        Map<String, String> localOf = new HashMap<>(held);
        List<String> written = new ArrayList<>();
        int reportCount = 0;
        int entityCount = 0;
        int linkCount = 0;
        int mentionCount = 0;
        int kept = 0;
        for (Plan p : resolved) {
            if (p instanceof ReportPlan r) {
                Report report = reports.contribute(reader, r.draft());
                localOf.put((String) r.object().get("id"), report.id());
                record("report", report.id(), r.object(), r.origin(), org, importId, now);
                written.add(report.id());
                reportCount++;
            }
        }
        for (Plan p : resolved) {
            if (p instanceof EntityPlan e) {
                Recorded rec = guarded(e.index(), () -> entities.record(reader, e.draft()));
                localOf.put((String) e.object().get("id"), rec.entity().id());
                if (!rec.reused()) {
                    record("entity", rec.entity().id(), e.object(), e.origin(), org, importId, now);
                    entityCount++;
                }
                written.add(rec.entity().id());
            }
        }
        for (Plan p : resolved) {
            if (p instanceof ReportPlan r) {
                String reportId = localOf.get((String) r.object().get("id"));
                for (String ref : r.mentions()) {
                    String entityId = localOf.get(ref);
                    if (entityId != null && entityIds.contains(ref)
                            && reportEntities.mention(reader, reportId, entityId, JUSTIFICATION)) {
                        mentionCount++;
                    }
                }
            } else if (p instanceof LinkPlan l) {
                Optional<EntityLink> link = reportEntities.link(reader, new ReportEntities.LinkDraft(localOf.get(l.from()),
                        localOf.get(l.to()), l.type(), localOf.get(l.report()), l.confidence(), l.validFrom(), l.validTo()),
                        JUSTIFICATION);
                if (link.isEmpty()) {
                    throw new InvalidInputException(at(l.index(), null), "the link's report or entities are not visible to you");
                }
                record("link", link.get().id(), l.object(), l.origin(), org, importId, now);
                written.add(link.get().id());
                linkCount++;
            } else if (p instanceof KeptPlan k) {
                provenance.keep((String) k.object().get("id"), (String) k.object().get("type"), org,
                        markings.save(k.marking()), k.object(), importId, now);
                kept++;
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("format", "STIX 2.1");
        details.put("bundle", String.valueOf(((Map<?, ?>) parsed).get("id")));
        details.put("objects", String.valueOf(objects.size()));
        details.put("reports", String.valueOf(reportCount));
        details.put("entities", String.valueOf(entityCount));
        details.put("links", String.valueOf(linkCount));
        details.put("mentions", String.valueOf(mentionCount));
        details.put("kept", String.valueOf(kept));
        details.put("alreadyHeld", String.valueOf(alreadyHeld));
        audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(), org, "stix-bundle",
                List.copyOf(written)).withPurpose(reader.purpose()).withDetails(details));
        return new Imported(importId, reportCount, entityCount, linkCount, mentionCount, kept, alreadyHeld);
    }

    /**
     * The report a received STIX report object describes — a newer version of one already imported, applied as
     * a revision. The object has passed {@link #run}'s checks (it came in the same page); bad content throws
     * naming {@code objects[index]…}.
     */
    ReportDraft reportDraft(Reader reader, Map<String, Object> o, int index) {
        Map<String, Object> ext = extension(o, index);
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("reported_at", o.get("published"));
        return reportPlan(reader, o, ext, index, origin).draft();
    }

    private void record(String localType, String localId, Map<String, Object> o, Map<String, Object> origin, String org,
                        String importId, Instant now) {
        String created = (String) o.get("created");
        provenance.recordItem(new StixProvenance.Origin(localType, localId, (String) o.get("id"),
                (String) o.get("created_by_ref"), created, o.get("modified") == null ? created : (String) o.get("modified"),
                origin), org, importId, now);
    }

    /**
     * Objects every FusionCell bundle carries and every installation has: the TLP marking definitions,
     * FusionCell's extension definition and installation identity, and the importing organisation's own identity.
     */
    private static boolean standard(String id, String org) {
        return StixVocabulary.tlpOf(id).isPresent() || id.equals(EXTENSION_ID) || id.equals(StixVocabulary.INSTALLATION_IDENTITY)
                || id.equals(StixVocabulary.stixId("identity", "organisation:" + org));
    }

    /** Observables an observed-data of ours carries are part of its entity, not objects of their own. */
    private static void absorb(Map<String, Object> o, Map<String, Object> ext, Set<String> absorbed) {
        if (ext != null && "observed-data".equals(o.get("type")) && o.get("object_refs") instanceof List<?> refs) {
            refs.forEach(r -> absorbed.add((String) r));
        }
    }

    /** One of the organisation's own items coming back: its id is the one FusionCell gives the item named in the extension. */
    private Optional<String> ownItem(String stixId, Map<String, Object> ext, String org,
                                     java.util.function.Function<String, Map<String, Object>> extensionInBundle) {
        if (ext == null || !(ext.get("item_id") instanceof String itemId) || !Ids.isWellFormed(itemId)
                || !stixId.endsWith("--" + StixVocabulary.uuid5(itemId))) {
            return Optional.empty();
        }
        boolean ours = switch (String.valueOf(ext.get("item_type"))) {
            case "report" -> reports.forProcessing(itemId).filter(r -> r.marking().ownerOrganisation().equals(org)).isPresent();
            case "entity" -> entities.forProcessing(itemId).filter(e -> e.ownerOrganisationId().equals(org)).isPresent();
            // a link is ours when the report asserting it is: links exist only under their report
            case "link" -> ext.get("report_ref") instanceof String ref
                    && extensionInBundle.apply(ref) instanceof Map<String, Object> reportExt
                    && reportExt.get("item_id") instanceof String reportItem && Ids.isWellFormed(reportItem)
                    && ref.equals("report--" + StixVocabulary.uuid5(reportItem))
                    && reports.forProcessing(reportItem).filter(r -> r.marking().ownerOrganisation().equals(org)).isPresent();
            default -> false;
        };
        return ours ? Optional.of(itemId) : Optional.empty();
    }

    private static Map<String, Object> extensionOrNull(Map<String, Object> o) {
        try {
            return extension(o, 0);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extension(Map<String, Object> o, int i) {
        if (!(o.get("extensions") instanceof Map<?, ?> exts) || exts.get(EXTENSION_ID) == null) {
            return null;
        }
        if (!(exts.get(EXTENSION_ID) instanceof Map<?, ?> ext)) {
            throw new InvalidInputException(at(i, "extensions." + EXTENSION_ID), "an object");
        }
        if ("new-sco".equals(ext.get("extension_type"))) {
            return null; // FusionCell's identifier observable declaring its type, not an item's properties
        }
        return (Map<String, Object>) ext;
    }

    /**
     * An observation of one e-mail address, URL or online account becomes that identifier's entity; the
     * observable and the observation's times are kept in the provenance and exported again as they came.
     * Anything else observed (files, registry keys, several observables…) is kept as received.
     */
    private Optional<EntityPlan> observedIdentifier(Reader reader, Map<String, Object> o, int i,
                                                    List<Map<String, Object>> objects, Map<String, Integer> indexOf,
                                                    Map<String, Object> origin) {
        List<String> refs = strings(o.get("object_refs"));
        Integer at = refs.size() == 1 ? indexOf.get(refs.getFirst()) : null;
        if (at == null) {
            return Optional.empty();
        }
        Map<String, Object> sco = objects.get(at);
        Map<String, Object> attributes = new LinkedHashMap<>();
        EntityType type;
        String label;
        switch ((String) sco.get("type")) {
            case "email-addr" -> {
                type = EntityType.EMAIL;
                label = sco.get("value") instanceof String v ? v.strip() : null;
                attributes.put("address", label);
            }
            case "url" -> {
                type = EntityType.URL;
                label = sco.get("value") instanceof String v ? v.strip() : null;
                attributes.put("url", label);
            }
            case "user-account" -> {
                if (!(sco.get("account_type") instanceof String platform) || !(sco.get("account_login") instanceof String login)) {
                    return Optional.empty();
                }
                type = EntityType.ONLINE_ACCOUNT;
                String handle = login.strip().toLowerCase(java.util.Locale.ROOT);
                handle = handle.startsWith("@") ? handle.substring(1) : handle;
                attributes.put("platform", platform.strip().toLowerCase(java.util.Locale.ROOT));
                attributes.put("handle", handle);
                label = attributes.get("platform") + ":@" + handle;
            }
            default -> {
                return Optional.empty();
            }
        }
        if (label == null || label.isEmpty()) {
            return Optional.empty();
        }
        String key;
        try {
            key = identifierKeys.keyOf(type, attributes, at(at, null));
        } catch (InvalidInputException e) {
            return Optional.empty(); // not an identifier FusionCell can key: the observation is kept as received
        }
        origin.put("observable", sco);
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("first_observed", o.get("first_observed"));
        observed.put("last_observed", o.get("last_observed"));
        observed.put("number_observed", o.get("number_observed"));
        origin.put("observed", observed);
        return Optional.of(new EntityPlan(i, o, new EntityDraft(type, label, key, attributes, marking(reader, o, null, i)),
                origin));
    }

    private Plan plan(Reader reader, Map<String, Object> o, Map<String, Object> ext, int i,
                      List<Map<String, Object>> objects, Map<String, Integer> indexOf) {
        String type = (String) o.get("type");
        String extField = at(i, "extensions." + EXTENSION_ID);
        Map<String, Object> origin = new LinkedHashMap<>();
        if (ext != null) {
            origin.put("item_id", ext.get("item_id"));
            origin.put("originator_organisation", ext.get("originator_organisation"));
            origin.put("extension", ext);
        }
        String itemType = ext == null ? null : String.valueOf(ext.get("item_type"));
        if (type.equals("report")) {
            if (ext != null && !"report".equals(itemType)) {
                throw new InvalidInputException(extField + ".item_type", "must be report on a report");
            }
            origin.put("reported_at", o.get("published"));
            return reportPlan(reader, o, ext, i, origin);
        }
        if (type.equals("relationship") && (ext != null || LinkType.parse((String) o.get("relationship_type")).isPresent())) {
            return linkPlan(o, ext, i, objects, origin);
        }
        if (type.equals("observed-data") && ext == null) {
            Optional<EntityPlan> identifier = observedIdentifier(reader, o, i, objects, indexOf, origin);
            if (identifier.isPresent()) {
                return identifier.get();
            }
        }
        Optional<EntityType> entityType = entityType(o, ext, i);
        if (entityType.isPresent()) {
            return entityPlan(reader, o, ext, i, entityType.get(), origin);
        }
        return new KeptPlan(i, o, marking(reader, o, null, i));
    }

    private Optional<EntityType> entityType(Map<String, Object> o, Map<String, Object> ext, int i) {
        if (ext != null) {
            if (!"entity".equals(ext.get("item_type"))) {
                throw new InvalidInputException(at(i, "extensions." + EXTENSION_ID + ".item_type"),
                        "must be entity on a " + o.get("type"));
            }
            return Optional.of(EntityType.parse(String.valueOf(ext.get("entity_type"))).orElseThrow(() ->
                    new InvalidInputException(at(i, "extensions." + EXTENSION_ID + ".entity_type"), "unknown entity type")));
        }
        return switch ((String) o.get("type")) {
            case "identity" -> "individual".equals(o.get("identity_class")) ? Optional.of(EntityType.PERSON) : Optional.empty();
            case "threat-actor", "intrusion-set" -> Optional.of(EntityType.GROUP);
            case "location" -> Optional.of(EntityType.LOCATION);
            case "incident" -> Optional.of(EntityType.INCIDENT);
            default -> Optional.empty();
        };
    }

    private ReportPlan reportPlan(Reader reader, Map<String, Object> o, Map<String, Object> ext, int i,
                                  Map<String, Object> origin) {
        String xf = at(i, "extensions." + EXTENSION_ID);
        String title = text(o.get("name"), at(i, "name"), 500);
        String body = o.get("description") == null ? title : text(o.get("description"), at(i, "description"), 200_000);
        Instant published = Instant.parse((String) o.get("published"));
        Grading grading = new Grading(SourceReliability.F, 6); // an untested source, credibility cannot be judged
        Instant occurred = published;
        Place place = null;
        LocalDate retention = null;
        List<String> tags = List.of();
        List<String> mentions = strings(o.get("object_refs"));
        if (ext != null) {
            try {
                grading = new Grading(SourceReliability.valueOf(String.valueOf(ext.get("source_reliability"))),
                        ext.get("information_credibility") instanceof Number n ? n.intValue() : 0);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(xf + ".source_reliability", "Admiralty grading A-F and 1-6");
            }
            if (ext.get("occurred_at") != null) {
                occurred = instant(ext.get("occurred_at"), xf + ".occurred_at");
            }
            if (ext.get("place") instanceof Map<?, ?> p) {
                place = new Place((String) p.get("name"), p.get("latitude") instanceof Number la ? la.doubleValue() : null,
                        p.get("longitude") instanceof Number lo ? lo.doubleValue() : null);
            }
            if (ext.get("retention_until") != null) {
                try {
                    retention = LocalDate.parse(String.valueOf(ext.get("retention_until")));
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException(xf + ".retention_until", "a date yyyy-mm-dd");
                }
            }
            tags = strings(ext.get("tags"));
            for (int t = 0; t < tags.size(); t++) {
                if (!taxonomies.knows(tags.get(t))) {
                    throw new InvalidInputException(xf + ".tags[" + t + "]", "not a tag of this installation's taxonomies");
                }
            }
            if (ext.get("mentions") != null) {
                mentions = strings(ext.get("mentions"));
            }
        }
        Marking marking = marking(reader, o, ext, i);
        return new ReportPlan(i, o, new ReportDraft(title, body, occurred, place, grading, marking, retention, tags),
                mentions, origin);
    }

    @SuppressWarnings("unchecked")
    private EntityPlan entityPlan(Reader reader, Map<String, Object> o, Map<String, Object> ext, int i, EntityType type,
                                  Map<String, Object> origin) {
        String xf = at(i, "extensions." + EXTENSION_ID);
        Map<String, Object> attributes;
        String label;
        if (ext != null) {
            if (!(ext.get("attributes") instanceof Map<?, ?> a)) {
                throw new InvalidInputException(xf + ".attributes", "the entity's attributes (an object)");
            }
            attributes = new LinkedHashMap<>((Map<String, Object>) a);
            label = text(ext.get("label"), xf + ".label", 500);
        } else {
            String name = o.get("name") == null ? null : text(o.get("name"), at(i, "name"), 300);
            attributes = new LinkedHashMap<>();
            switch (type) {
                case PERSON -> attributes.put("names", List.of(Map.of("value", name, "script", script(name))));
                case GROUP -> attributes.put("name", name);
                case INCIDENT -> attributes.put("title", name);
                default -> { // LOCATION
                    String place = name != null ? name : o.get("region") != null ? String.valueOf(o.get("region"))
                            : o.get("country") != null ? String.valueOf(o.get("country")) : null;
                    if (place != null) {
                        attributes.put("name", place.length() > 300 ? place.substring(0, 300) : place);
                    }
                    if (o.get("latitude") instanceof Number la && o.get("longitude") instanceof Number lo) {
                        attributes.put("latitude", la.doubleValue());
                        attributes.put("longitude", lo.doubleValue());
                    }
                    if (attributes.isEmpty()) {
                        throw new InvalidInputException(at(i, "name"), "a location needs a name, region, country or coordinates");
                    }
                    name = place != null ? place : attributes.get("latitude") + ", " + attributes.get("longitude");
                }
            }
            label = name;
        }
        if (label == null || label.isBlank()) {
            throw new InvalidInputException(ext != null ? xf + ".label" : at(i, "name"), "is required");
        }
        boolean keyed = switch (type) {
            case PERSON, GROUP, INCIDENT -> false;
            case LOCATION -> attributes.get("latitude") != null;
            default -> true;
        };
        if (ext != null && !keyed) {
            ReceivedAttributes.check(type, attributes, xf + ".attributes", identifierKeys);
        }
        String key = keyed ? identifierKeys.keyOf(type, attributes, xf + ".attributes") : null;
        return new EntityPlan(i, o, new EntityDraft(type, label, key, attributes, marking(reader, o, ext, i)), origin);
    }

    private LinkPlan linkPlan(Map<String, Object> o, Map<String, Object> ext, int i, List<Map<String, Object>> objects,
                              Map<String, Object> origin) {
        String xf = at(i, "extensions." + EXTENSION_ID);
        String id = (String) o.get("id");
        LinkType type;
        double confidence;
        LocalDate from = null;
        LocalDate to = null;
        String report = null;
        if (ext != null) {
            if (!"link".equals(ext.get("item_type"))) {
                throw new InvalidInputException(xf + ".item_type", "must be link on a relationship");
            }
            type = LinkType.parse(String.valueOf(ext.get("link_type")))
                    .orElseThrow(() -> new InvalidInputException(xf + ".link_type", "unknown link type"));
            confidence = ext.get("confidence") instanceof Number n ? n.doubleValue() : -1;
            if (ext.get("valid_from") != null) {
                from = date(ext.get("valid_from"), xf + ".valid_from");
            }
            if (ext.get("valid_to") != null) {
                to = date(ext.get("valid_to"), xf + ".valid_to");
            }
            report = ext.get("report_ref") instanceof String r ? r : null;
        } else {
            type = LinkType.parse((String) o.get("relationship_type")).orElseThrow();
            confidence = o.get("confidence") instanceof Number n ? n.doubleValue() / 100 : 1.0;
            for (Map<String, Object> other : objects) {
                if ("report".equals(other.get("type")) && strings(other.get("object_refs")).contains(id)) {
                    report = (String) other.get("id");
                    break;
                }
            }
        }
        if (Double.isNaN(confidence) || confidence < 0 || confidence > 1) {
            throw new InvalidInputException(ext != null ? xf + ".confidence" : at(i, "confidence"), "a confidence from 0 to 1 (0 to 100 in STIX)");
        }
        return new LinkPlan(i, o, (String) o.get("source_ref"), (String) o.get("target_ref"), report == null ? "" : report,
                type, confidence, from, to, origin);
    }

    /**
     * The marking of an incoming object: TLP from its marking references (TLP 2.0 or 1.0; none: AMBER), owned by the
     * importing organisation. With the FusionCell extension, its classification, releasability (what this
     * installation knows of it), originator control and caveats; without it, the lowest classification level.
     */
    @SuppressWarnings("unchecked")
    private Marking marking(Reader reader, Map<String, Object> o, Map<String, Object> ext, int i) {
        Tlp tlp = Tlp.AMBER;
        for (String ref : strings(o.get("object_marking_refs"))) {
            Optional<Tlp> t = StixVocabulary.tlpOf(ref);
            if (t.isPresent()) {
                tlp = t.get();
                break;
            }
        }
        String xf = at(i, "extensions." + EXTENSION_ID);
        MarkingForm form;
        if (ext == null) {
            form = new MarkingForm(scheme.lowest(), tlp.label(), null, false, List.of());
        } else {
            Map<String, Object> rel = ext.get("releasability") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
            List<String> unknownHere = new ArrayList<>();
            form = new MarkingForm(ext.get("classification") == null ? null : String.valueOf(ext.get("classification")),
                    tlp.label(), new MarkingForm.ReleasabilityForm(
                            known(strings(rel.get("organisations")), vocabulary::isOrganisation, unknownHere),
                            strings(rel.get("organisation_types")),
                            known(strings(rel.get("agreements")), vocabulary::isAgreement, unknownHere),
                            known(strings(rel.get("users")), vocabulary::isUser, unknownHere)),
                    Boolean.TRUE.equals(ext.get("originator_control")), strings(ext.get("caveats")));
            if (!unknownHere.isEmpty()) {
                ext.put("releasability_not_known_here", unknownHere);
            }
        }
        Marking m = form.toMarking(scheme, vocabulary, reader.organisationId(), reader.userId(), xf);
        if (m.classificationRank() > reader.clearanceRank()) {
            throw new InvalidInputException(xf + ".classification", "above your own clearance");
        }
        return m;
    }

    private static List<String> known(List<String> ids, java.util.function.Predicate<String> known, List<String> unknown) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (Ids.isWellFormed(id) && known.test(id)) {
                out.add(id);
            } else {
                unknown.add(id);
            }
        }
        return out;
    }

    private static <T> T guarded(int i, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(at(i, e.field()), e.problem());
        }
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object v : list) {
            if (v instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }

    private static String text(Object value, String field, int max) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidInputException(field, "is required (text)");
        }
        if (s.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return s.strip();
    }

    private static Instant modified(Map<String, Object> o) {
        Object stamp = o.get("modified") != null ? o.get("modified") : o.get("created");
        return stamp == null ? Instant.MIN : Instant.parse((String) stamp);
    }

    private static Instant instant(Object value, String field) {
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a UTC timestamp");
        }
    }

    private static LocalDate date(Object value, String field) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date yyyy-mm-dd");
        }
    }

    private static String script(String s) {
        boolean arabic = ARABIC.matcher(s).find();
        boolean latin = LATIN.matcher(s).find();
        return arabic && latin ? "Mixed" : arabic ? "Arabic" : latin ? "Latin" : "Other";
    }
}
