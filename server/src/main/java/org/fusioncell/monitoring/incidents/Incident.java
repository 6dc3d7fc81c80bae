package org.fusioncell.monitoring.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.Marking;

/**
 * A stored incident as its reader sees it. {@code country} is ISO 3166-1 alpha-3; {@code attackType},
 * {@code targetType} and {@code weapon} are codes of the configured {@link IncidentVocabularies};
 * {@code sources} are citations (text, or the ids of reports); {@code reportId} is the report it was
 * recorded from, if any. The fields only some incidents have are in {@link IncidentDetail}.
 */
public record Incident(String id, LocalDate date, String placeName, String country, String admin1,
                       Double latitude, Double longitude, String attackType, String targetType, String weapon,
                       String perpetratorGroup, int fatalities, int injuries, List<String> sources,
                       Marking marking, String ownerOrganisationId, String reportId, Instant recordedAt) {

    public Incident {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
