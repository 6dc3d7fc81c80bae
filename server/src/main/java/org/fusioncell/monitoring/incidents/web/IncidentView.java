package org.fusioncell.monitoring.incidents.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.monitoring.incidents.Incident;
import org.fusioncell.monitoring.incidents.IncidentDetail;

/** An incident as the API and the pages show it: the marking with level names and its banner line. */
public record IncidentView(String id, LocalDate date, LocalDate endDate, String datePrecision, String placeName,
                           String country, String admin1, String admin1Code, Double latitude, Double longitude,
                           String attackType, String targetType, String weapon, String perpetratorGroup,
                           String perpetratorEntityId, int fatalities, int injuries, List<String> sources,
                           String description, MarkingView marking, String ownerOrganisationId, String reportId,
                           String externalSource, String externalId, Instant recordedAt) {

    static IncidentView of(IncidentDetail d, ClassificationScheme scheme) {
        Incident i = d.incident();
        return new IncidentView(i.id(), i.date(), d.endDate(), d.datePrecision().name(), i.placeName(), i.country(),
                i.admin1(), d.admin1Code(), i.latitude(), i.longitude(), i.attackType(), i.targetType(), i.weapon(),
                i.perpetratorGroup(), d.perpetratorEntityId(), i.fatalities(), i.injuries(), i.sources(),
                d.description(), MarkingView.of(i.marking(), scheme), i.ownerOrganisationId(), i.reportId(),
                d.externalSource(), d.externalId(), i.recordedAt());
    }

    /** A list row: what {@link Incident} holds. */
    record Summary(String id, LocalDate date, String placeName, String country, String admin1, Double latitude,
                   Double longitude, String attackType, String targetType, String weapon, String perpetratorGroup,
                   int fatalities, int injuries, MarkingView marking, String ownerOrganisationId, String reportId) {

        static Summary of(Incident i, ClassificationScheme scheme) {
            return new Summary(i.id(), i.date(), i.placeName(), i.country(), i.admin1(), i.latitude(), i.longitude(),
                    i.attackType(), i.targetType(), i.weapon(), i.perpetratorGroup(), i.fatalities(), i.injuries(),
                    MarkingView.of(i.marking(), scheme), i.ownerOrganisationId(), i.reportId());
        }
    }
}
