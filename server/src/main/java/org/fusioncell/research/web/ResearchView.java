package org.fusioncell.research.web;

import java.util.List;
import java.util.Map;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Sector;
import org.fusioncell.research.internal.ExportableField;

/** What the pages and the API offer to request: the datasets, their exportable fields (the allow-list), cells. */
final class ResearchView {

    private ResearchView() {
    }

    static Map<String, Object> datasets() {
        return Map.of("items", List.of(Map.of("kind", "incidents", "fields", ExportableField.keys(),
                "outputs", List.of("AGGREGATES", "RECORDS"))));
    }

    /** The organisations a request can be sent to: intelligence agencies (fusion cells) and partner cells. */
    static List<OrganisationSummary> cells(Organisations organisations) {
        return organisations.all().stream().filter(o -> o.type() == OrganisationType.PARTNER_FUSION_CELL
                || o.type() == OrganisationType.STATE_AGENCY && o.sector() == Sector.INTELLIGENCE).toList();
    }
}
