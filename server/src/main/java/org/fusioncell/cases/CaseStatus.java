package org.fusioncell.cases;

import java.util.Optional;

/** Where a case stands. Every change names its reason; a closed case stays listed and searchable. */
public enum CaseStatus {
    OPEN,
    SUSPENDED,
    REFERRED_TO_PROSECUTION,
    CLOSED;

    public static Optional<CaseStatus> parse(String text) {
        return CaseKind.Words.parse(CaseStatus.class, text);
    }

    /** Items and tasks are added to an open case only. */
    public boolean active() {
        return this == OPEN;
    }
}
