package org.fusioncell.monitoring.incidents.internal;

import java.util.ArrayList;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.monitoring.incidents.IncidentDetail;
import org.fusioncell.monitoring.incidents.IncidentDraft;
import org.fusioncell.monitoring.incidents.IncidentVocabularies;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;

/**
 * The checks every incident passes, whether typed in, sent to the API or read from a file: each failure
 * names the field as the API spells it ({@code latitude}, {@code sources[2]}) and never echoes the value.
 * Returns the draft with text trimmed and blanks as null.
 */
public final class IncidentChecks {

    static final int MAX_TEXT = 300;
    static final int MAX_GROUP = 500;
    static final int MAX_SOURCES = 50;
    static final int MAX_SOURCE = 2000;
    static final int MAX_DESCRIPTION = 20_000;

    private final IncidentVocabularies vocabularies;

    public IncidentChecks(IncidentVocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    public IncidentDraft check(IncidentDraft d, Reader author) {
        if (d.date() == null) {
            throw new InvalidInputException("date", "is required (YYYY-MM-DD)");
        }
        if (d.endDate() != null && d.endDate().isBefore(d.date())) {
            throw new InvalidInputException("endDate", "is before date");
        }
        String country = blankToNull(d.country());
        if (country != null && !Countries.isCode(country)) {
            throw new InvalidInputException("country", "not an ISO 3166-1 alpha-3 code such as SYR");
        }
        if ((d.latitude() == null) != (d.longitude() == null)) {
            throw new InvalidInputException(d.latitude() == null ? "latitude" : "longitude",
                    "give both latitude and longitude, or neither");
        }
        if (d.latitude() != null && (d.latitude().isNaN() || d.latitude() < -90 || d.latitude() > 90)) {
            throw new InvalidInputException("latitude", "must be between -90 and 90");
        }
        if (d.longitude() != null && (d.longitude().isNaN() || d.longitude() < -180 || d.longitude() > 180)) {
            throw new InvalidInputException("longitude", "must be between -180 and 180");
        }
        String attackType = blankToNull(d.attackType());
        if (attackType == null) {
            throw new InvalidInputException("attackType", "is required; one of " + vocabularies.values(IncidentVocabularies.ATTACK_TYPE));
        }
        vocabulary("attackType", IncidentVocabularies.ATTACK_TYPE, attackType);
        String targetType = blankToNull(d.targetType());
        vocabulary("targetType", IncidentVocabularies.TARGET_TYPE, targetType);
        String weapon = blankToNull(d.weapon());
        vocabulary("weapon", IncidentVocabularies.WEAPON, weapon);
        int fatalities = count("fatalities", d.fatalities());
        int injuries = count("injuries", d.injuries());
        String entity = blankToNull(d.perpetratorEntityId());
        if (entity != null && !Ids.isWellFormed(entity)) {
            throw new InvalidInputException("perpetratorEntityId", "not an entity id");
        }
        String report = blankToNull(d.reportId());
        if (report != null && !Ids.isWellFormed(report)) {
            throw new InvalidInputException("reportId", "not a report id");
        }
        if (d.sources().size() > MAX_SOURCES) {
            throw new InvalidInputException("sources", "at most " + MAX_SOURCES + " sources");
        }
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < d.sources().size(); i++) {
            String s = text(d.sources().get(i), "sources[" + i + "]", MAX_SOURCE);
            if (s != null) {
                sources.add(s);
            }
        }
        if (d.marking() == null) {
            throw new InvalidInputException("marking", "is required");
        }
        if (author != null && d.marking().classificationRank() > author.clearanceRank()) {
            throw new InvalidInputException("marking.classification", "above your own clearance");
        }
        String externalSource = text(d.externalSource(), "externalSource", 64);
        String externalId = text(d.externalId(), "externalId", 200);
        return new IncidentDraft(d.date(), d.endDate(),
                d.datePrecision() == null ? IncidentDetail.DatePrecision.DAY : d.datePrecision(),
                text(d.placeName(), "placeName", MAX_TEXT), country, text(d.admin1(), "admin1", 200),
                text(d.admin1Code(), "admin1Code", 20), d.latitude(), d.longitude(), attackType, targetType, weapon,
                text(d.perpetratorGroup(), "perpetratorGroup", MAX_GROUP), entity, fatalities, injuries, sources,
                d.marking(), report, text(d.description(), "description", MAX_DESCRIPTION), externalSource,
                externalSource == null ? null : externalId);
    }

    private void vocabulary(String field, String vocabulary, String code) {
        if (code != null && !vocabularies.knows(vocabulary, code)) {
            throw new InvalidInputException(field, "unknown " + vocabulary + "; one of " + vocabularies.values(vocabulary));
        }
    }

    private static int count(String field, Integer value) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw new InvalidInputException(field, "must be zero or more");
        }
        return value;
    }

    private static String text(String value, String field, int max) {
        String v = blankToNull(value);
        if (v != null && v.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return v;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
