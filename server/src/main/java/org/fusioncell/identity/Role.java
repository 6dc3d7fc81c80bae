package org.fusioncell.identity;

/** What a user may do; each becomes the Spring Security authority {@code ROLE_<name>}. */
public enum Role {
    ADMINISTRATOR,
    ANALYST,
    LIAISON_OFFICER,
    SUPERVISOR,
    AUDITOR,
    PLATFORM_PARTNER,
    RESEARCHER,
    CIVIL_SOCIETY_CONTRIBUTOR,
    /** Screens names against watchlists and reviews the hits of their organisation (docs/screening.md). */
    SCREENING_OFFICER,
    /**
     * The data-protection officer: the retention register, legal holds, re-personalisation approvals,
     * redress requests from people wrongly flagged (docs/safeguards.md).
     */
    DATA_PROTECTION_OFFICER;

    public String authority() {
        return "ROLE_" + name();
    }
}
