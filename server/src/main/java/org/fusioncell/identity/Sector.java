package org.fusioncell.identity;

/** The sector of a state agency. */
public enum Sector {
    POLICE,
    INTELLIGENCE,
    CUSTOMS_BORDER,
    IMMIGRATION,
    FINANCIAL_INTELLIGENCE_UNIT,
    PROSECUTION,
    ARMED_FORCES
}
