package org.fusioncell.monitoring.incidents;

import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.Marking;

/**
 * An incident as written, before it is checked and stored ({@link Incidents#record} checks it and names
 * the field that is wrong). Optional values are null; {@code datePrecision} null means a day.
 * {@code externalSource}/{@code externalId} name the dataset row an import came from (for de-duplication).
 */
public record IncidentDraft(LocalDate date, LocalDate endDate, IncidentDetail.DatePrecision datePrecision,
                            String placeName, String country, String admin1, String admin1Code, Double latitude,
                            Double longitude, String attackType, String targetType, String weapon,
                            String perpetratorGroup, String perpetratorEntityId, Integer fatalities, Integer injuries,
                            List<String> sources, Marking marking, String reportId, String description,
                            String externalSource, String externalId) {

    public IncidentDraft {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
