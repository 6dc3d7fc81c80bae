package org.fusioncell.access;

import java.util.Set;

/**
 * What one agreement in force gives a reader's organisation: its parties, the highest
 * classification that may flow under it, and the information types in scope ({@code "*"} for all).
 * Built by identity from the agreements table at each request, so a suspended or expired agreement
 * stops granting at once.
 */
public record AgreementGrant(String agreementId, Set<String> parties, int maxClassificationRank,
                             Set<String> scope) {

    public static final String ALL_TYPES = "*";

    public AgreementGrant {
        parties = Set.copyOf(parties);
        scope = Set.copyOf(scope);
    }

    public boolean covers(String informationType) {
        return scope.contains(ALL_TYPES) || scope.contains(informationType);
    }
}
