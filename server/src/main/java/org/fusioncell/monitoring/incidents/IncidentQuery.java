package org.fusioncell.monitoring.incidents;

import java.time.LocalDate;

/**
 * Filters of an incident list; every value is optional (null = any). {@code attackType} is a code,
 * {@code perpetratorGroup} matches the group text case-insensitively as a substring, {@code from}/{@code to}
 * are inclusive dates.
 */
public record IncidentQuery(String country, String admin1, String attackType, String perpetratorGroup,
                            LocalDate from, LocalDate to) {

    public static IncidentQuery any() {
        return new IncidentQuery(null, null, null, null, null, null);
    }
}
