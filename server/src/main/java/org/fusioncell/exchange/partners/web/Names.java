package org.fusioncell.exchange.partners.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.AgreementGrant;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;

/**
 * What the pages show for ids: organisations by name, and the agreements in force for the reader's
 * organisation by the names of their other parties (identity offers no agreement titles to other modules).
 * {@code others}: every organisation but the reader's, for the selects.
 */
record Names(Map<String, String> organisations, List<Agreement> agreements, List<OrganisationSummary> others) {

    /** An agreement in force as a select shows it; {@code parties}: the other parties' ids, space-separated. */
    record Agreement(String id, String label, String parties) {
    }

    static Names of(Reader reader, Organisations directory) {
        Map<String, String> byId = new LinkedHashMap<>();
        List<OrganisationSummary> others = new ArrayList<>();
        for (OrganisationSummary o : directory.all()) {
            byId.put(o.id(), o.name());
            if (!o.id().equals(reader.organisationId())) {
                others.add(o);
            }
        }
        List<Agreement> agreements = new ArrayList<>();
        for (AgreementGrant g : reader.agreements()) {
            List<String> parties = g.parties().stream().filter(p -> !p.equals(reader.organisationId()))
                    .sorted(Comparator.comparing(p -> byId.getOrDefault(p, p))).toList();
            agreements.add(new Agreement(g.agreementId(),
                    String.join(" · ", parties.stream().map(p -> byId.getOrDefault(p, p)).toList()),
                    String.join(" ", parties)));
        }
        agreements.sort(Comparator.comparing(Agreement::label).thenComparing(Agreement::id));
        return new Names(byId, List.copyOf(agreements), List.copyOf(others));
    }

    public String organisation(String id) {
        return id == null ? "" : organisations.getOrDefault(id, id);
    }

    /** The other parties' names, empty when the agreement is no longer in force for the reader's organisation. */
    public String agreement(String id) {
        return agreements.stream().filter(a -> a.id().equals(id)).map(Agreement::label).findFirst().orElse("");
    }

    /** Organisation names of a set of ids, sorted, for a table cell. */
    public String organisationsOf(java.util.Collection<String> ids) {
        return String.join(" · ", ids.stream().map(this::organisation).sorted().toList());
    }
}
