package org.fusioncell.identity.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** An agreement row with its parties, scope and joint projects; dates may be null (open-ended). */
public record StoredAgreement(String id, String title, AgreementKind kind, LocalDate validFrom, LocalDate validUntil,
                              AgreementStatus status, String maxClassification, boolean onwardSharing,
                              Set<String> parties, Set<String> scope, List<String> jointProjects) {

    public enum AgreementKind { MOU, INFORMATION_SHARING_AGREEMENT }

    public enum AgreementStatus { DRAFT, ACTIVE, SUSPENDED, TERMINATED }

    /** Active and within its dates on {@code day}. */
    public boolean inForce(LocalDate day) {
        return status == AgreementStatus.ACTIVE && (validFrom == null || !validFrom.isAfter(day))
                && (validUntil == null || !validUntil.isBefore(day));
    }
}
