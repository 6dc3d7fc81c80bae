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
    CIVIL_SOCIETY_CONTRIBUTOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
