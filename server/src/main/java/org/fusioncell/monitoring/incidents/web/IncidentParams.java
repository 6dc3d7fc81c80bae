package org.fusioncell.monitoring.incidents.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.fusioncell.monitoring.incidents.IncidentQuery;
import org.fusioncell.monitoring.incidents.IncidentStatistics;
import org.fusioncell.monitoring.incidents.IncidentVocabularies;
import org.fusioncell.monitoring.incidents.internal.Countries;
import org.fusioncell.shared.InvalidInputException;

/** Filters as query parameters ({@code country, admin1, type, group, from, to}), checked and named. */
record IncidentParams(String country, String admin1, String type, String group, String from, String to) {

    IncidentQuery query(IncidentVocabularies vocabularies) {
        String c = blank(country) ? null : country.strip().toUpperCase(Locale.ROOT);
        if (c != null && !Countries.isCode(c)) {
            throw new InvalidInputException("country", "not an ISO 3166-1 alpha-3 code such as SYR");
        }
        String t = blank(type) ? null : type.strip();
        if (t != null && !vocabularies.knows(IncidentVocabularies.ATTACK_TYPE, t)) {
            throw new InvalidInputException("type", "unknown attack-type; one of "
                    + vocabularies.values(IncidentVocabularies.ATTACK_TYPE));
        }
        LocalDate f = date(from, "from");
        LocalDate u = date(to, "to");
        if (f != null && u != null && u.isBefore(f)) {
            throw new InvalidInputException("to", "is before from");
        }
        return new IncidentQuery(c, blank(admin1) ? null : admin1.strip(), t, blank(group) ? null : group.strip(), f, u);
    }

    IncidentStatistics.IncidentFilter filter(IncidentVocabularies vocabularies) {
        IncidentQuery q = query(vocabularies);
        return new IncidentStatistics.IncidentFilter(q.country(), q.admin1(), q.attackType(), q.perpetratorGroup(),
                q.from(), q.to());
    }

    private static LocalDate date(String text, String field) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "not a date such as 2026-03-01");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
