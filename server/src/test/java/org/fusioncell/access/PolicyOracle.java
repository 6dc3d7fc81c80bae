package org.fusioncell.access;

import static org.fusioncell.access.Decision.Visibility.EXISTENCE_ONLY;
import static org.fusioncell.access.Decision.Visibility.HIDDEN;
import static org.fusioncell.access.Decision.Visibility.VISIBLE;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A second, deliberately different formulation of the access rules, for tests only. Where
 * {@link AccessPolicy} asks "is this reader in the audience?", the oracle first computes the whole
 * audience of an item in a world — the set of organisations (or, for TLP:RED, users) that may receive
 * it, read off the TLP table — and the set of organisations that may learn of it, and only then
 * places the reader. Agreements in force are looked up by id in the world's agreement table; the
 * reader's grants say only which ids are in force for them.
 */
final class PolicyOracle {

    private final Map<String, OrganisationType> organisations;
    private final Map<String, AgreementGrant> agreementsById;

    PolicyOracle(Map<String, OrganisationType> organisations, List<AgreementGrant> agreements) {
        this.organisations = Map.copyOf(organisations);
        this.agreementsById = agreements.stream().collect(Collectors.toMap(AgreementGrant::agreementId, a -> a));
    }

    Decision.Visibility decide(Reader reader, String type, Marking m) {
        Set<String> inForce = reader.agreements().stream().map(AgreementGrant::agreementId).collect(Collectors.toSet());
        boolean inAudience = switch (m.tlp()) {
            case CLEAR -> !m.originatorControl()
                    || receivingOrganisations(m, type, inForce).contains(reader.organisationId());
            case RED -> m.releasability().users().contains(reader.userId());
            default -> receivingOrganisations(m, type, inForce).contains(reader.organisationId());
        };
        if (inAudience) {
            boolean cleared = reader.clearanceRank() >= m.classificationRank();
            boolean holdsCaveats = m.caveats().stream().allMatch(reader.caveats()::contains);
            return cleared && holdsCaveats ? VISIBLE : EXISTENCE_ONLY;
        }
        if (m.tlp() != Tlp.RED && askingOrganisations(m, type, inForce).contains(reader.organisationId())) {
            return EXISTENCE_ONLY;
        }
        return HIDDEN;
    }

    /** The TLP table: which organisations receive an item marked GREEN, AMBER or AMBER+STRICT. */
    private Set<String> receivingOrganisations(Marking m, String type, Set<String> inForce) {
        Set<String> orgs = new HashSet<>();
        orgs.add(m.ownerOrganisation());
        orgs.addAll(m.releasability().organisations());
        boolean widened = (m.tlp() == Tlp.AMBER || m.tlp() == Tlp.GREEN) && !m.originatorControl();
        if (!widened) {
            return orgs; // AMBER+STRICT, or originator control: the first recipients only
        }
        organisations.forEach((org, orgType) -> {
            if (m.releasability().organisationTypes().contains(orgType)) {
                orgs.add(org);
            }
        });
        for (String id : m.releasability().agreements()) {
            AgreementGrant a = agreementsById.get(id);
            if (a != null && inForce.contains(id) && carries(a, m, type)) {
                orgs.addAll(a.parties());
            }
        }
        if (m.tlp() == Tlp.GREEN) {
            for (AgreementGrant a : agreementsById.values()) {
                if (inForce.contains(a.agreementId()) && carries(a, m, type)) {
                    orgs.addAll(a.parties()); // the owner's community
                }
            }
        }
        return orgs;
    }

    /** Organisations that may learn that the owner holds the item: partners under any agreement in scope. */
    private Set<String> askingOrganisations(Marking m, String type, Set<String> inForce) {
        Set<String> orgs = new HashSet<>();
        for (AgreementGrant a : agreementsById.values()) {
            if (inForce.contains(a.agreementId()) && a.parties().contains(m.ownerOrganisation()) && a.covers(type)) {
                orgs.addAll(a.parties());
            }
        }
        return orgs;
    }

    /** An agreement carries the item when the owner is a party, the type is in scope and the ceiling reaches its level. */
    private static boolean carries(AgreementGrant a, Marking m, String type) {
        return a.parties().contains(m.ownerOrganisation()) && a.covers(type)
                && a.maxClassificationRank() >= m.classificationRank();
    }
}
