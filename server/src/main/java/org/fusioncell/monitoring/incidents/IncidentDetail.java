package org.fusioncell.monitoring.incidents;

import java.time.LocalDate;

/**
 * An incident with the fields that only some incidents have: the end of an event lasting several days,
 * how precise its date is, the admin-1 code (as in the shipped boundaries, e.g. {@code SY.HI}), the entity
 * id of the perpetrator group, a description, and the dataset row it was imported from.
 */
public record IncidentDetail(Incident incident, LocalDate endDate, DatePrecision datePrecision, String admin1Code,
                             String perpetratorEntityId, String description, String externalSource,
                             String externalId) {

    /** How precisely the date is known (UCDP's date_prec 1-5 maps to DAY, DAY, WEEK, MONTH, YEAR). */
    public enum DatePrecision { DAY, WEEK, MONTH, YEAR }
}
