package org.fusioncell.exchange.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.StixBundles.Imported;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.ReceivedObjects;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ReceivedObjects}: the objects become a bundle imported by {@link StixImport} for the partner's owner
 * organisation, acting as the exchange's processing actor (cleared to the top of the scheme: what it writes
 * keeps the markings the partner gave).
 */
@Service
class PartnerObjects implements ReceivedObjects {

    static final String ACTOR = "processing:exchange";

    private final StixImport importer;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final JsonMapper json;

    PartnerObjects(StixImport importer, Organisations organisations, ClassificationScheme scheme, JsonMapper json) {
        this.importer = importer;
        this.organisations = organisations;
        this.scheme = scheme;
        this.json = json;
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
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + Ids.newId());
        bundle.put("objects", objects);
        Imported imported = importer.run(processing(partner), json.writeValueAsBytes(bundle));
        int added = imported.reports() + imported.entities() + imported.links() + imported.kept();
        return new Applied(added, 0, 0, objects.size() - added);
    }
}
