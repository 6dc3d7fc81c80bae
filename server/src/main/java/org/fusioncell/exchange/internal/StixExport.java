package org.fusioncell.exchange.internal;

import static org.fusioncell.exchange.internal.StixVocabulary.EXTENSION_ID;
import static org.fusioncell.exchange.internal.StixVocabulary.stamp;
import static org.fusioncell.exchange.internal.StixVocabulary.stixId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentState;
import org.fusioncell.assessment.EvidenceLink;
import org.fusioncell.assessment.Indicator;
import org.fusioncell.assessment.KeyJudgment;
import org.fusioncell.assessment.Portion;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.entities.EntityLink;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.Mention;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.exchange.StixBundles.Filter;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.Reports;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Builds the bundle of what a reader may see: reports ({@link Reports#export}), the entities they may see
 * ({@link Entities#list}) and those the reports mention, the links between them, and the STIX objects kept
 * from earlier imports that the access predicate lets through. Objects are sorted by id and every id and
 * timestamp comes from the items themselves, so the same content gives the same bytes.
 */
@Component
class StixExport {

    static final String JUSTIFICATION = "STIX export";

    private final Reports reports;
    private final Entities entities;
    private final ReportEntities reportEntities;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final StixProvenance provenance;

    StixExport(Reports reports, Entities entities, ReportEntities reportEntities, Organisations organisations,
               ClassificationScheme scheme, StixProvenance provenance) {
        this.reports = reports;
        this.entities = entities;
        this.reportEntities = reportEntities;
        this.organisations = organisations;
        this.scheme = scheme;
        this.provenance = provenance;
    }

    /** The bundle, the local ids of what it holds (for the audit record), and which item each object stands for. */
    record Built(Map<String, Object> bundle, List<String> itemIds, Map<String, Source> sources) {

        Built(Map<String, Object> bundle, List<String> itemIds) {
            this(bundle, itemIds, Map.of());
        }
    }

    /**
     * The local item a STIX object of the bundle was made from: its type (report, entity, link), id, marking,
     * the report asserting it (links), and whether it was imported from another installation.
     */
    record Source(String itemType, String itemId, Marking marking, String reportId, boolean imported) {
    }

    Built build(Reader reader, Filter filter) {
        Instant since = filter.since();
        List<Report> chosen = new ArrayList<>();
        if (filter.reportIds().isEmpty()) {
            reports.export(reader, r -> {
                if (since == null || !r.reportedAt().isBefore(since)) {
                    chosen.add(r);
                }
            });
        } else {
            // named reports are opened one by one (publication asks for one report at a time)
            for (String id : new TreeSet<>(filter.reportIds())) {
                if (reports.open(reader, id, JUSTIFICATION) instanceof org.fusioncell.intake.ReportAccess.Opened opened
                        && (since == null || !opened.report().reportedAt().isBefore(since))) {
                    chosen.add(opened.report());
                }
            }
        }
        Map<String, Entity> shown = new TreeMap<>();
        Map<String, List<String>> mentioned = new LinkedHashMap<>();
        for (Report r : chosen) {
            List<Mention> ms = reportEntities.mentions(reader, r.id(), JUSTIFICATION).orElse(List.of());
            List<String> ids = new ArrayList<>();
            for (Mention m : ms) {
                shown.put(m.entity().id(), m.entity());
                ids.add(m.entity().id());
            }
            mentioned.put(r.id(), ids);
        }
        if (filter.reportIds().isEmpty()) {
            for (int page = 0; ; page++) {
                List<Entity> items = entities.list(reader, null, null, new PageRequest(page, PageRequest.MAX_SIZE)).items();
                for (Entity e : items) {
                    if (since == null || !e.createdAt().isBefore(since)) {
                        shown.put(e.id(), e);
                    }
                }
                if (items.size() < PageRequest.MAX_SIZE) {
                    break;
                }
            }
        }
        Set<String> reportIds = new TreeSet<>();
        chosen.forEach(r -> reportIds.add(r.id()));
        Map<String, EntityLink> links = new TreeMap<>();
        for (Entity e : List.copyOf(shown.values())) {
            for (EntityLink l : entities.links(reader, e)) {
                boolean inTime = since == null || !l.createdAt().isBefore(since);
                boolean inReports = filter.reportIds().isEmpty() || reportIds.contains(l.reportId());
                if (inTime && inReports) {
                    links.put(l.id(), l);
                }
            }
        }
        for (EntityLink l : links.values()) {
            for (String end : List.of(l.fromEntityId(), l.toEntityId())) {
                if (!shown.containsKey(end) && entities.open(reader, end) instanceof EntityAccess.Opened o) {
                    shown.put(end, o.entity());
                }
            }
        }

        Origins origins = new Origins(provenance, new java.util.HashMap<>());
        Map<String, Map<String, Object>> objects = new TreeMap<>();
        Set<Tlp> tlps = new TreeSet<>();
        Set<String> owners = new TreeSet<>();
        List<String> itemIds = new ArrayList<>();
        Map<String, String> entityStixIds = new LinkedHashMap<>();
        for (Entity e : shown.values()) {
            entityStixIds.put(e.id(), entityStixId(origins, e));
        }
        Map<String, Source> sources = new HashMap<>();
        for (Entity e : shown.values()) {
            for (Map<String, Object> o : entity(origins, e, entityStixIds.get(e.id()))) {
                objects.put((String) o.get("id"), o);
                sources.put((String) o.get("id"), new Source("entity", e.id(), e.marking(), null,
                        origins.of(e.id()).isPresent()));
            }
            tlps.add(e.marking().tlp());
            owners.add(e.marking().ownerOrganisation());
            itemIds.add(e.id());
        }
        Map<String, List<String>> linksByReport = new LinkedHashMap<>();
        for (EntityLink l : links.values()) {
            if (!entityStixIds.containsKey(l.fromEntityId()) || !entityStixIds.containsKey(l.toEntityId())) {
                continue;
            }
            Map<String, Object> o = link(origins, l, entityStixIds);
            objects.put((String) o.get("id"), o);
            sources.put((String) o.get("id"), new Source("link", l.id(), l.marking(), l.reportId(),
                    origins.of(l.id()).isPresent()));
            linksByReport.computeIfAbsent(l.reportId(), k -> new ArrayList<>()).add((String) o.get("id"));
            tlps.add(l.marking().tlp());
            owners.add(l.marking().ownerOrganisation());
            itemIds.add(l.id());
        }
        for (Report r : chosen) {
            List<String> refs = new ArrayList<>();
            mentioned.getOrDefault(r.id(), List.of()).forEach(id -> refs.add(entityStixIds.get(id)));
            refs.addAll(linksByReport.getOrDefault(r.id(), List.of()));
            Map<String, Object> o = report(origins, r, refs);
            objects.put((String) o.get("id"), o);
            sources.put((String) o.get("id"), new Source("report", r.id(), r.marking(), r.id(),
                    origins.of(r.id()).isPresent()));
            tlps.add(r.marking().tlp());
            owners.add(r.marking().ownerOrganisation());
            itemIds.add(r.id());
        }
        // creators: every created_by_ref must resolve to an identity in the bundle
        Set<String> creators = new TreeSet<>();
        for (Map<String, Object> o : objects.values()) {
            if (o.get("created_by_ref") instanceof String c) {
                creators.add(c);
            }
        }
        for (Map<String, Object> kept : provenance.keptVisible(reader, filter.reportIds().isEmpty() ? since : null)) {
            // with a report filter only the identities those reports' items name as creators come along
            if (filter.reportIds().isEmpty() || creators.contains((String) kept.get("id"))) {
                objects.putIfAbsent((String) kept.get("id"), kept);
                itemIds.add((String) kept.get("id"));
            }
        }
        for (Map<String, Object> o : objects.values()) {
            if (o.get("created_by_ref") instanceof String c) {
                creators.add(c);
            }
        }
        for (String owner : owners) {
            Map<String, Object> identity = organisation(owner);
            if (creators.contains((String) identity.get("id"))) {
                objects.putIfAbsent((String) identity.get("id"), identity);
            }
        }
        objects.putIfAbsent(StixVocabulary.INSTALLATION_IDENTITY, installation());
        objects.put(EXTENSION_ID, extensionDefinition());
        for (Tlp t : tlps) {
            Map<String, Object> md = StixVocabulary.tlpDefinition(t);
            objects.put((String) md.get("id"), md);
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + StixVocabulary.uuid5("bundle:" + String.join(",", objects.keySet())));
        bundle.put("objects", objects.values().stream()
                .sorted(Comparator.comparingInt(StixExport::rank).thenComparing(o -> (String) o.get("id"))).toList());
        return new Built(bundle, itemIds, sources);
    }

    /**
     * A disseminated product as a STIX {@code report} ({@code report_types: threat-report}) with the evidence
     * the reader may see: the cited reports with what they mention and link, and the cited entities. The
     * product's judgments, matrix reading and confidence travel in the FusionCell extension; evidence the
     * reader may not see is neither included nor referred to.
     */
    Built assessment(Reader reader, Assessment a) {
        Set<String> citedReports = new TreeSet<>();
        a.evidence().stream().filter(e -> e.type() == EvidenceLink.Type.REPORT).forEach(e -> citedReports.add(e.itemId()));
        // an empty report filter means every report: a product that cites none asks for a report that cannot exist
        Built base = build(reader, new Filter(null, citedReports.isEmpty() ? Set.of("-") : citedReports));
        Map<String, Map<String, Object>> objects = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> baseObjects = (List<Map<String, Object>>) base.bundle().get("objects");
        baseObjects.forEach(o -> objects.put((String) o.get("id"), o));
        List<String> itemIds = new ArrayList<>(base.itemIds());
        Origins origins = new Origins(provenance, new java.util.HashMap<>());
        Set<Tlp> tlps = new TreeSet<>();
        Set<String> refs = new TreeSet<>();
        for (EvidenceLink e : a.evidence()) {
            if (e.type() == EvidenceLink.Type.REPORT) {
                String id = origins.of(e.itemId()).map(StixProvenance.Origin::stixId).orElse(stixId("report", e.itemId()));
                if (objects.containsKey(id)) {
                    refs.add(id);
                }
            } else if (entities.open(reader, e.itemId()) instanceof EntityAccess.Opened opened) {
                Entity entity = opened.entity();
                String id = entityStixId(origins, entity);
                entity(origins, entity, id).forEach(o -> objects.putIfAbsent((String) o.get("id"), o));
                refs.add(id);
                tlps.add(entity.marking().tlp());
                itemIds.add(entity.id());
            }
        }
        Map<String, Object> o = common(origins, "report", stixId("report", "assessment:" + a.id()), a.id(),
                a.createdAt(), a.marking());
        o.put("modified", stamp(a.updatedAt()));
        o.put("name", a.title());
        o.put("description", String.join("\n\n", a.summary().stream().map(Portion::text).toList()));
        o.put("lang", a.language());
        o.put("report_types", List.of("threat-report"));
        Instant published = a.disseminatedAt() != null ? a.disseminatedAt()
                : a.approvedAt() != null ? a.approvedAt() : a.updatedAt();
        o.put("published", stamp(published));
        o.put("object_refs", refs.isEmpty() ? List.of(o.get("created_by_ref")) : List.copyOf(refs));
        Map<String, Object> x = extension(origins, "assessment", a.id(), a.marking());
        x.put("product_type", a.productType().name());
        x.put("state", a.state().name());
        x.put("version", a.version());
        x.put("subject", pruned(subject(a)));
        x.put("key_judgments", a.keyJudgments().stream().map(j -> pruned(judgment(j))).toList());
        x.put("likelihood", a.likelihood());
        x.put("impact", a.impact());
        x.put("threat_level", a.threatLevel());
        x.put("confidence", a.confidence() == null ? null : a.confidence().name());
        x.put("confidence_reasons", a.confidenceReasons());
        x.put("assumptions", a.assumptions());
        x.put("indicators", a.indicators().stream().map(Indicator::text).toList());
        x.put("valid_from", a.validFrom() == null ? null : a.validFrom().toString());
        x.put("valid_until", a.validUntil() == null ? null : a.validUntil().toString());
        x.put("withdrawal_reason", a.withdrawalReason());
        x.values().removeIf(java.util.Objects::isNull);
        finish(o, a.marking(), x);
        if (a.state() == AssessmentState.WITHDRAWN) {
            o.put("revoked", true);
        }
        objects.put((String) o.get("id"), o);
        itemIds.add(a.id());
        tlps.add(a.marking().tlp());
        for (Tlp t : tlps) {
            Map<String, Object> md = StixVocabulary.tlpDefinition(t);
            objects.putIfAbsent((String) md.get("id"), md);
        }
        Map<String, Object> creator = organisation(a.marking().ownerOrganisation());
        if (creator.get("id").equals(o.get("created_by_ref"))) {
            objects.putIfAbsent((String) creator.get("id"), creator);
        }
        objects.putIfAbsent(StixVocabulary.INSTALLATION_IDENTITY, installation());
        objects.putIfAbsent(EXTENSION_ID, extensionDefinition());
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + StixVocabulary.uuid5("bundle:" + String.join(",", objects.keySet())));
        bundle.put("objects", objects.values().stream()
                .sorted(Comparator.comparingInt(StixExport::rank).thenComparing(ob -> (String) ob.get("id"))).toList());
        return new Built(bundle, itemIds);
    }

    private static Map<String, Object> subject(Assessment a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", a.subject().type().name());
        s.put("reference", a.subject().reference());
        s.put("label", a.subject().label());
        s.put("from", a.subject().from() == null ? null : a.subject().from().toString());
        s.put("until", a.subject().until() == null ? null : a.subject().until().toString());
        return s;
    }

    private static Map<String, Object> judgment(KeyJudgment j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", j.text());
        m.put("probability", j.probability());
        m.put("level", j.level());
        return m;
    }

    /** Where imported items came from, looked up once per item and build. */
    private record Origins(StixProvenance provenance, Map<String, java.util.Optional<StixProvenance.Origin>> memo) {

        java.util.Optional<StixProvenance.Origin> of(String localId) {
            return memo.computeIfAbsent(localId, provenance::originOf);
        }
    }

    /** Definitions first, then identities, then the rest, each by id: readers resolve references in one pass. */
    private static int rank(Map<String, Object> o) {
        String type = (String) o.get("type");
        return switch (type) {
            case "marking-definition", "extension-definition" -> 0;
            case "identity" -> o.containsKey("extensions") && ((Map<?, ?>) o.get("extensions")).containsKey(EXTENSION_ID) ? 2 : 1;
            case "relationship", "sighting" -> 4;
            case "report", "note", "grouping", "opinion" -> 5;
            default -> 3;
        };
    }

    static String stixType(EntityType type) {
        return switch (type) {
            case PERSON -> "identity";
            case GROUP -> "threat-actor";
            case LOCATION -> "location";
            case INCIDENT -> "incident";
            default -> "observed-data";
        };
    }

    private String entityStixId(Origins origins, Entity e) {
        return origins.of(e.id()).map(StixProvenance.Origin::stixId).orElse(stixId(stixType(e.type()), e.id()));
    }

    private Map<String, Object> common(Origins origins, String type, String id, String localId, Instant created, Marking marking) {
        var origin = origins.of(localId);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created_by_ref", origin.map(StixProvenance.Origin::createdByRef)
                .orElse(StixVocabulary.stixId("identity", "organisation:" + marking.ownerOrganisation())));
        o.put("created", origin.map(StixProvenance.Origin::created).orElse(stamp(created)));
        o.put("modified", origin.map(StixProvenance.Origin::modified).orElse(stamp(created)));
        return o;
    }

    private Map<String, Object> extension(Origins origins, String itemType, String localId, Marking m) {
        var origin = origins.of(localId);
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("extension_type", "property-extension");
        x.put("item_type", itemType);
        x.put("item_id", origin.map(o -> (String) o.provenance().get("item_id")).orElse(localId));
        x.put("classification", m.classificationRank() < scheme.levels().size()
                ? scheme.level(m.classificationRank()) : scheme.highest());
        Map<String, Object> rel = new LinkedHashMap<>();
        rel.put("organisations", new TreeSet<>(m.releasability().organisations()));
        rel.put("organisation_types", new TreeSet<>(m.releasability().organisationTypes().stream().map(Enum::name).toList()));
        rel.put("agreements", new TreeSet<>(m.releasability().agreements()));
        rel.put("users", new TreeSet<>(m.releasability().users()));
        x.put("releasability", rel);
        x.put("originator_control", m.originatorControl());
        x.put("caveats", new TreeSet<>(m.caveats()));
        x.put("originator_organisation", origin.map(o -> (String) o.provenance().get("originator_organisation"))
                .orElse(m.ownerOrganisation()));
        return x;
    }

    private static void finish(Map<String, Object> o, Marking m, Map<String, Object> extension) {
        o.put("object_marking_refs", List.of(StixVocabulary.tlpMarking(m.tlp())));
        o.put("extensions", Map.of(EXTENSION_ID, pruned(extension)));
    }

    /** STIX lists and dictionaries are never empty (and properties never null): an absent one means none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> pruned(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Object value = v instanceof Map<?, ?> inner ? pruned((Map<String, Object>) inner) : v;
            boolean empty = value == null || (value instanceof java.util.Collection<?> c && c.isEmpty())
                    || (value instanceof Map<?, ?> im && im.isEmpty());
            if (!empty) {
                out.put(k, value instanceof java.util.Collection<?> c ? List.copyOf(c) : value);
            }
        });
        return out;
    }

    private Map<String, Object> report(Origins origins, Report r, List<String> refs) {
        String id = origins.of(r.id()).map(StixProvenance.Origin::stixId).orElse(stixId("report", r.id()));
        Map<String, Object> o = common(origins, "report", id, r.id(), r.reportedAt(), r.marking());
        if (origins.of(r.id()).isEmpty()) {
            // a revised report is a new version of its STIX object (modified never before created)
            o.put("modified", stamp(r.updatedAt().isAfter(r.reportedAt()) ? r.updatedAt() : r.reportedAt()));
        }
        o.put("name", r.title());
        if (r.body() != null && !r.body().isBlank()) {
            o.put("description", r.body());
        }
        if (List.of("ar", "fr", "en").contains(r.language())) {
            o.put("lang", r.language());
        }
        var origin = origins.of(r.id());
        String published = origin.map(or -> (String) or.provenance().get("reported_at")).orElse(stamp(r.reportedAt()));
        o.put("published", published);
        List<String> sorted = refs.stream().distinct().sorted().toList();
        o.put("object_refs", sorted.isEmpty() ? List.of(o.get("created_by_ref")) : sorted);
        Map<String, Object> x = extension(origins, "report", r.id(), r.marking());
        x.put("source_reliability", r.grading().reliability().name());
        x.put("information_credibility", r.grading().credibility());
        x.put("reported_at", published);
        if (r.occurredAt() != null) {
            x.put("occurred_at", stamp(r.occurredAt()));
        }
        if (r.place() != null) {
            Map<String, Object> place = new LinkedHashMap<>();
            if (r.place().name() != null) {
                place.put("name", r.place().name());
            }
            if (r.place().latitude() != null) {
                place.put("latitude", r.place().latitude());
                place.put("longitude", r.place().longitude());
            }
            x.put("place", place);
        }
        x.put("tags", r.tags().stream().sorted().toList());
        if (r.retentionUntil() != null) {
            x.put("retention_until", r.retentionUntil().toString());
        }
        x.put("mentions", refs.stream().filter(ref -> !ref.startsWith("relationship--")).distinct().sorted().toList());
        finish(o, r.marking(), x);
        return o;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entity(Origins origins, Entity e, String id) {
        String type = stixType(e.type());
        Map<String, Object> o = common(origins, type, id, e.id(), e.createdAt(), e.marking());
        List<Map<String, Object>> out = new ArrayList<>();
        switch (e.type()) {
            case PERSON -> {
                o.put("name", e.label());
                o.put("identity_class", "individual");
            }
            case GROUP, INCIDENT -> o.put("name", e.label());
            case LOCATION -> {
                if (e.attributes().get("name") instanceof String n) {
                    o.put("name", n);
                }
                if (e.attributes().get("latitude") instanceof Number la && e.attributes().get("longitude") instanceof Number lo) {
                    o.put("latitude", la.doubleValue());
                    o.put("longitude", lo.doubleValue());
                } else {
                    o.put("region", "unknown"); // STIX wants a region, a country or coordinates; FusionCell knows a name
                }
            }
            default -> {
                // an observation received from elsewhere keeps its observable and times
                var received = origins.of(e.id()).map(StixProvenance.Origin::provenance);
                Map<String, Object> sco = received.map(p -> (Map<String, Object>) p.get("observable")).orElse(observable(e, id));
                Map<String, Object> observed = received.map(p -> (Map<String, Object>) p.get("observed")).orElse(Map.of());
                o.put("first_observed", observed.getOrDefault("first_observed", o.get("created")));
                o.put("last_observed", observed.getOrDefault("last_observed", o.get("created")));
                o.put("number_observed", observed.getOrDefault("number_observed", 1));
                o.put("object_refs", List.of(sco.get("id")));
                out.add(sco);
            }
        }
        Map<String, Object> x = extension(origins, "entity", e.id(), e.marking());
        x.put("entity_type", e.type().name());
        x.put("label", e.label());
        x.put("attributes", new TreeMap<>(e.attributes()));
        finish(o, e.marking(), x);
        out.addFirst(o);
        return out;
    }

    /** The cyber-observable of an identifier entity: STIX's own where it has one, else FusionCell's new SCO. */
    private static Map<String, Object> observable(Entity e, String observedId) {
        Map<String, Object> a = e.attributes();
        String seed = "sco:" + observedId;
        Map<String, Object> s = new LinkedHashMap<>();
        switch (e.type()) {
            case EMAIL -> {
                s.put("type", "email-addr");
                s.put("spec_version", "2.1");
                s.put("id", "email-addr--" + StixVocabulary.uuid5(seed));
                s.put("value", a.get("address"));
            }
            case URL -> {
                s.put("type", "url");
                s.put("spec_version", "2.1");
                s.put("id", "url--" + StixVocabulary.uuid5(seed));
                s.put("value", a.get("url"));
            }
            case ONLINE_ACCOUNT -> {
                s.put("type", "user-account");
                s.put("spec_version", "2.1");
                s.put("id", "user-account--" + StixVocabulary.uuid5(seed));
                s.put("account_login", a.get("handle"));
                s.put("account_type", a.get("platform"));
            }
            default -> {
                s.put("type", StixVocabulary.IDENTIFIER_SCO);
                s.put("spec_version", "2.1");
                s.put("id", StixVocabulary.IDENTIFIER_SCO + "--" + StixVocabulary.uuid5(seed));
                s.put("identifier_type", e.type().name());
                s.put("value", e.identifierKey() == null ? e.label() : e.identifierKey());
                s.put("extensions", Map.of(EXTENSION_ID, Map.of("extension_type", "new-sco")));
            }
        }
        return s;
    }

    private Map<String, Object> link(Origins origins, EntityLink l, Map<String, String> entityStixIds) {
        String id = origins.of(l.id()).map(StixProvenance.Origin::stixId).orElse(stixId("relationship", l.id()));
        Map<String, Object> o = common(origins, "relationship", id, l.id(), l.createdAt(), l.marking());
        o.put("relationship_type", StixVocabulary.relationshipType(l.type()));
        o.put("source_ref", entityStixIds.get(l.fromEntityId()));
        o.put("target_ref", entityStixIds.get(l.toEntityId()));
        o.put("confidence", (int) Math.round(l.confidence() * 100));
        if (l.validFrom() != null) {
            o.put("start_time", stamp(l.validFrom().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (l.validTo() != null && (l.validFrom() == null || l.validTo().isAfter(l.validFrom()))) {
            o.put("stop_time", stamp(l.validTo().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        Map<String, Object> x = extension(origins, "link", l.id(), l.marking());
        x.put("link_type", l.type().name());
        x.put("confidence", l.confidence());
        x.put("valid_from", l.validFrom() == null ? null : l.validFrom().toString());
        x.put("valid_to", l.validTo() == null ? null : l.validTo().toString());
        x.put("report_ref", origins.of(l.reportId()).map(StixProvenance.Origin::stixId)
                .orElse(stixId("report", l.reportId())));
        x.values().removeIf(java.util.Objects::isNull);
        finish(o, l.marking(), x);
        return o;
    }

    private Map<String, Object> organisation(String organisationId) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "identity");
        o.put("spec_version", "2.1");
        o.put("id", StixVocabulary.stixId("identity", "organisation:" + organisationId));
        o.put("created", StixVocabulary.EXTENSION_CREATED);
        o.put("modified", StixVocabulary.EXTENSION_CREATED);
        o.put("name", organisations.find(organisationId).map(OrganisationSummary::name).orElse(organisationId));
        o.put("identity_class", "organization");
        o.put("external_references", List.of(Map.of("source_name", "fusioncell-organisation", "external_id", organisationId)));
        return o;
    }

    private static Map<String, Object> installation() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "identity");
        o.put("spec_version", "2.1");
        o.put("id", StixVocabulary.INSTALLATION_IDENTITY);
        o.put("created", StixVocabulary.EXTENSION_CREATED);
        o.put("modified", StixVocabulary.EXTENSION_CREATED);
        o.put("name", "FusionCell");
        o.put("identity_class", "system");
        return o;
    }

    static Map<String, Object> extensionDefinition() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "extension-definition");
        o.put("spec_version", "2.1");
        o.put("id", EXTENSION_ID);
        o.put("created_by_ref", StixVocabulary.INSTALLATION_IDENTITY);
        o.put("created", StixVocabulary.EXTENSION_CREATED);
        o.put("modified", StixVocabulary.EXTENSION_CREATED);
        o.put("name", "FusionCell marking, grading and item properties");
        o.put("description", "Classification level, releasability (organisations, organisation types, agreements, "
                + "users), originator control, handling caveats and originator organisation of every FusionCell item; "
                + "Admiralty grading, dates, place and tags of reports; type, label and attributes of entities; type, "
                + "confidence, valid time and asserting report of links. The new SCO x-fusioncell-identifier carries "
                + "identifiers STIX has no observable for (phone numbers, IBANs, vehicles, identity documents).");
        o.put("schema", "https://fusioncell.org/stix/extension-definition/fusioncell-1.md");
        o.put("version", "1.0.0");
        o.put("extension_types", List.of("property-extension", "new-sco"));
        return o;
    }

    static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse((String) value);
    }
}
