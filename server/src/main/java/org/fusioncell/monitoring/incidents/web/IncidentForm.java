package org.fusioncell.monitoring.incidents.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.monitoring.incidents.IncidentDetail;
import org.fusioncell.monitoring.incidents.IncidentDraft;
import org.fusioncell.shared.InvalidInputException;

/**
 * An incident as a client sends it (JSON; the page form converts to it). {@link #toDraft} reads dates and
 * the marking and names the field that is wrong; the rest is checked when the incident is recorded.
 */
public record IncidentForm(String date, String endDate, String datePrecision, String placeName, String country,
                           String admin1, String admin1Code, Double latitude, Double longitude, String attackType,
                           String targetType, String weapon, String perpetratorGroup, String perpetratorEntityId,
                           Integer fatalities, Integer injuries, List<String> sources, MarkingForm marking,
                           String reportId, String description) {

    IncidentDraft toDraft(ClassificationScheme scheme, MarkingVocabulary vocabulary, Reader author) {
        LocalDate day = date(date, "date");
        if (day == null) {
            throw new InvalidInputException("date", "is required (YYYY-MM-DD)");
        }
        IncidentDetail.DatePrecision precision = null;
        if (datePrecision != null && !datePrecision.isBlank()) {
            try {
                precision = IncidentDetail.DatePrecision.valueOf(datePrecision.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("datePrecision", "one of DAY, WEEK, MONTH, YEAR");
            }
        }
        if (marking == null) {
            throw new InvalidInputException("marking", "is required");
        }
        Marking m = marking.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
        return new IncidentDraft(day, date(endDate, "endDate"), precision, placeName,
                country == null ? null : country.strip().toUpperCase(Locale.ROOT), admin1, admin1Code, latitude,
                longitude, attackType, targetType, weapon, perpetratorGroup, perpetratorEntityId, fatalities, injuries,
                sources, m, reportId, description, null, null);
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "not a date such as 2026-03-01");
        }
    }
}
