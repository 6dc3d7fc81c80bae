package org.fusioncell.monitoring.incidents;

import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.Reader;

/**
 * Aggregates over the incidents a reader may see, computed in SQL under the reader's access predicate
 * (hidden incidents are never counted). The trends dashboard reads through this contract only.
 */
public interface IncidentStatistics {

    /** Incidents and fatalities per period, one series per {@code grouping} key (oldest period first). */
    List<IncidentCount> counts(Reader reader, IncidentFilter filter, Grouping grouping, Period period);

    /** Incidents and fatalities per place, for maps: one row per distinct (latitude, longitude). */
    List<PlaceCount> places(Reader reader, IncidentFilter filter);

    /** Every filter value is optional (null = any); {@code from}/{@code to} are inclusive dates. */
    record IncidentFilter(String country, String admin1, String attackType, String perpetratorGroup,
                          LocalDate from, LocalDate to) {
        public static IncidentFilter any() {
            return new IncidentFilter(null, null, null, null, null, null);
        }
    }

    enum Grouping { NONE, COUNTRY, ADMIN1, ATTACK_TYPE, PERPETRATOR_GROUP }

    /** Weeks start on Monday (ISO); months on the first. */
    enum Period { WEEK, MONTH }

    /** {@code key} is the grouping value ({@code "all"} for {@link Grouping#NONE}). */
    record IncidentCount(String key, LocalDate periodStart, long incidents, long fatalities) {
    }

    record PlaceCount(String country, String admin1, double latitude, double longitude, long incidents,
                      long fatalities) {
    }
}
