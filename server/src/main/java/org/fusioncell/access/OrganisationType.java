package org.fusioncell.access;

/** Kinds of organisation a fusion cell works with; releasability can name a whole kind. */
public enum OrganisationType {
    STATE_AGENCY,
    PARTNER_FUSION_CELL,
    INTERNATIONAL_ORGANISATION,
    TECHNOLOGY_PLATFORM,
    ACADEMIC_INSTITUTION,
    CIVIL_SOCIETY_ORGANISATION
}
