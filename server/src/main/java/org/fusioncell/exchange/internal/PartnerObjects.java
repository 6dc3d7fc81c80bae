package org.fusioncell.exchange.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.exchange.StixBundles.Imported;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.ReceivedObjects;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.Revision;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ReceivedObjects}, in one transaction and in this order: the objects that are not revocations are
 * imported by {@link StixImport} for the partner's owner organisation, acting as the exchange's processing
 * actor (cleared to the top of the scheme: what it writes keeps the markings the partner gave); then a newer
 * version of a report or kept object already held is applied as a correction (a new version of the report,
 * the kept object replaced); then revocations erase what their objects had become — report, entity, link
 * or kept object — and are remembered, so that an older version arriving later is not imported again.
 * Entities and links are not corrected in place (neither module has an update for them): a partner corrects
 * one by revoking it and sending a new object.
 */
@Service
class PartnerObjects implements ReceivedObjects {

    static final String ACTOR = "processing:exchange";

    private final StixImport importer;
    private final StixProvenance provenance;
    private final Reports reports;
    private final Entities entities;
    private final ReportEntities reportEntities;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final JsonMapper json;
    private final Clock clock;

    PartnerObjects(StixImport importer, StixProvenance provenance, Reports reports, Entities entities,
                   ReportEntities reportEntities, Organisations organisations, ClassificationScheme scheme,
                   JsonMapper json, Clock clock) {
        this.importer = importer;
        this.provenance = provenance;
        this.reports = reports;
        this.entities = entities;
        this.reportEntities = reportEntities;
        this.organisations = organisations;
        this.scheme = scheme;
        this.json = json;
        this.clock = clock;
    }

    /** The owner organisation's processing reader for exchange with {@code partner}. */
    Reader processing(PartnerCell partner) {
        OrganisationSummary org = organisations.find(partner.ownerOrganisationId()).orElseThrow();
        return new Reader(ACTOR, org.id(), org.type(), scheme.levels().size() - 1, Set.of(), List.of(),
                "exchange with partner cell " + partner.name());
    }

    @Override
    @Transactional
    public Applied apply(PartnerCell partner, List<Map<String, Object>> objects) {
        if (objects.isEmpty()) {
            return new Applied(0, 0, 0, 0);
        }
        Reader reader = processing(partner);
        String org = reader.organisationId();
        List<Map<String, Object>> current = new ArrayList<>();
        List<Integer> currentIndex = new ArrayList<>();
        List<Map<String, Object>> revocations = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            Map<String, Object> o = objects.get(i);
            if (!(o.get("id") instanceof String id)) {
                throw new InvalidInputException("objects[" + i + "].id", "is required");
            }
            if (Boolean.TRUE.equals(o.get("revoked"))) {
                revocations.add(o);
            } else if (!provenance.revoked(id, org)) {
                current.add(o);
                currentIndex.add(i);
            }
        }
        // what is held before this page, with the version held: a newer version in the page is a correction
        Map<Integer, String> corrections = new LinkedHashMap<>();
        for (int k = 0; k < current.size(); k++) {
            Map<String, Object> o = current.get(k);
            String id = (String) o.get("id");
            Optional<String> heldModified = provenance.modifiedOf(id, org)
                    .or(() -> provenance.kept(id, org).map(kept -> (String) kept.get("modified")));
            if (heldModified.isPresent() && o.get("modified") instanceof String m && newer(m, heldModified.get())) {
                corrections.put(k, m);
            }
        }
        int added = 0;
        if (!current.isEmpty()) {
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("type", "bundle");
            bundle.put("id", "bundle--" + Ids.newId());
            bundle.put("objects", current);
            try {
                Imported imported = importer.run(reader, json.writeValueAsBytes(bundle));
                added = imported.reports() + imported.entities() + imported.links() + imported.kept();
            } catch (InvalidInputException e) {
                throw renumbered(e, currentIndex);
            }
        }
        int corrected = 0;
        for (Map.Entry<Integer, String> c : corrections.entrySet()) {
            if (correct(reader, current.get(c.getKey()), currentIndex.get(c.getKey()), c.getValue())) {
                corrected++;
            }
        }
        int revoked = 0;
        Instant now = Instant.now(clock);
        for (Map<String, Object> o : revocations) {
            if (revoke(reader, (String) o.get("id"), partner, now)) {
                revoked++;
            }
        }
        return new Applied(added, corrected, revoked, objects.size() - added - corrected - revoked);
    }

    /** Applies a newer version of a held report or kept object; answers whether anything changed. */
    private boolean correct(Reader reader, Map<String, Object> o, int index, String modified) {
        String id = (String) o.get("id");
        String org = reader.organisationId();
        Optional<StixProvenance.Origin> origin = provenance.heldItem(id, org).flatMap(provenance::originOf);
        if (origin.isPresent() && "report".equals(origin.get().localType())) {
            String localId = origin.get().localId();
            Optional<Report> report = reports.forProcessing(localId);
            if (report.isEmpty()) {
                return false;
            }
            Revision r = reports.revise(reader, localId, report.get().version(), importer.reportDraft(reader, o, index),
                    "correction received from the partner (STIX modified " + modified + ")");
            if (r instanceof Revision.Revised) {
                provenance.corrected(localId, modified);
                return true;
            }
            return false;
        }
        if (origin.isEmpty() && provenance.keeps(id, org)) {
            provenance.replaceKept(id, org, o);
            return true;
        }
        if (origin.isPresent()) {
            provenance.corrected(origin.get().localId(), modified); // entity or link: the newer version is noted
        }
        return false;
    }

    /** Erases what a revoked object had become here; answers whether something was held. */
    private boolean revoke(Reader reader, String stixId, PartnerCell partner, Instant now) {
        String org = reader.organisationId();
        String why = "revoked by partner cell " + partner.name() + " (" + stixId + ")";
        boolean held = false;
        Optional<StixProvenance.Origin> origin = provenance.heldItem(stixId, org).flatMap(provenance::originOf);
        if (origin.isPresent()) {
            String localId = origin.get().localId();
            held = switch (origin.get().localType()) {
                case "report" -> reports.erase(reader, localId, why);
                case "entity" -> entities.erase(reader, localId, why);
                case "link" -> reportEntities.unlink(reader, localId, why);
                default -> false;
            };
        } else if (provenance.keeps(stixId, org)) {
            held = true;
        }
        provenance.revoke(stixId, org, now);
        return held;
    }

    private static boolean newer(String candidate, String held) {
        try {
            return Instant.parse(candidate).isAfter(Instant.parse(held));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** The import names objects by their place in the imported list; the caller's list also held revocations. */
    private static InvalidInputException renumbered(InvalidInputException e, List<Integer> index) {
        String field = e.field();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^objects\\[(\\d+)]").matcher(field == null ? "" : field);
        if (!m.find()) {
            return e;
        }
        int k = Integer.parseInt(m.group(1));
        if (k >= index.size()) {
            return e;
        }
        String renamed = "objects[" + index.get(k) + "]" + field.substring(m.end());
        String message = e.getMessage().startsWith(field + ": ") ? e.getMessage().substring(field.length() + 2) : e.getMessage();
        return new InvalidInputException(renamed, message);
    }
}
