package org.fusioncell.access;

import java.util.Set;

/**
 * Who may receive an item besides its owner: named organisations (by id), whole organisation types,
 * parties to named agreements (by id), and named users (the only audience of TLP:RED).
 */
public record Releasability(Set<String> organisations, Set<OrganisationType> organisationTypes,
                            Set<String> agreements, Set<String> users) {

    public static final Releasability NONE = new Releasability(Set.of(), Set.of(), Set.of(), Set.of());

    public Releasability {
        organisations = Set.copyOf(organisations);
        organisationTypes = Set.copyOf(organisationTypes);
        agreements = Set.copyOf(agreements);
        users = Set.copyOf(users);
    }

    public static Releasability toOrganisations(String... ids) {
        return new Releasability(Set.of(ids), Set.of(), Set.of(), Set.of());
    }
}
