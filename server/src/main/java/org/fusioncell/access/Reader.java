package org.fusioncell.access;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Someone reading: a user of one organisation, with a clearance (rank in the classification
 * scheme), the handling caveats they hold, the agreements in force for their organisation, and the
 * purpose they act for (recorded in the audit log).
 */
public record Reader(String userId, String organisationId, OrganisationType organisationType,
                     int clearanceRank, Set<String> caveats, List<AgreementGrant> agreements,
                     String purpose) {

    public Reader {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(organisationType, "organisationType");
        caveats = Set.copyOf(caveats);
        agreements = List.copyOf(agreements);
    }
}
