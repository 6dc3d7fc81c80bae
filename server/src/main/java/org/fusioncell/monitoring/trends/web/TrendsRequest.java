package org.fusioncell.monitoring.trends.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.monitoring.incidents.IncidentStatistics.IncidentFilter;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Period;
import org.fusioncell.monitoring.trends.TimeSeries.Metric;
import org.fusioncell.shared.InvalidInputException;

/**
 * The filters of the dashboard and the API, checked: {@code country} (ISO 3166-1 alpha-3),
 * {@code admin1}, {@code attackType}, {@code group}, {@code period} ({@code week} or {@code month}),
 * {@code from}/{@code to} (ISO dates, inclusive), {@code metric} ({@code incidents} or
 * {@code fatalities}), {@code horizon} (1..24). A bad value is an {@link InvalidInputException} naming
 * the parameter; nothing is read.
 */
public record TrendsRequest(String country, String admin1, String attackType, String group, Period period,
                            LocalDate from, LocalDate to, Metric metric, Integer horizon) {

    private static final int LONGEST = 200;

    public static TrendsRequest parse(String country, String admin1, String attackType, String group, String period,
                                      String from, String to, String metric, String horizon) {
        String iso3 = blankToNull(country);
        if (iso3 != null) {
            iso3 = iso3.toUpperCase(Locale.ROOT);
            if (!iso3.matches("[A-Z]{3}")) {
                throw new InvalidInputException("country", "an ISO 3166-1 alpha-3 code such as SYR");
            }
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        return new TrendsRequest(iso3, text("admin1", admin1), text("attackType", attackType), text("group", group),
                choice("period", period, Period.class, Period.MONTH), start, end,
                choice("metric", metric, Metric.class, Metric.INCIDENTS), horizon(horizon));
    }

    public static TrendsRequest defaults() {
        return new TrendsRequest(null, null, null, null, Period.MONTH, null, null, Metric.INCIDENTS, null);
    }

    public IncidentFilter filter() {
        return new IncidentFilter(country, admin1, attackType, group, from, to);
    }

    /** The same filters with another country (for the map and the option lists). */
    public TrendsRequest withCountry(String iso3) {
        return new TrendsRequest(iso3, admin1, attackType, group, period, from, to, metric, horizon);
    }

    /** The parameters as a query string map, for links (CSV, API) that keep the reader's choices. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "country", country);
        put(p, "admin1", admin1);
        put(p, "attackType", attackType);
        put(p, "group", group);
        p.put("period", period.name().toLowerCase(Locale.ROOT));
        put(p, "from", from == null ? null : from.toString());
        put(p, "to", to == null ? null : to.toString());
        p.put("metric", metric.name().toLowerCase(Locale.ROOT));
        return p;
    }

    /** Which filters are set (names only), for the audit record. */
    String filtersSet() {
        return String.join(",", parameters().keySet());
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String text(String field, String value) {
        String v = blankToNull(value);
        if (v != null && v.length() > LONGEST) {
            throw new InvalidInputException(field, "at most " + LONGEST + " characters");
        }
        return v;
    }

    private static LocalDate date(String field, String value) {
        String v = blankToNull(value);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date as YYYY-MM-DD");
        }
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E fallback) {
        String v = blankToNull(value);
        if (v == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : " or ").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new InvalidInputException(field, "one of " + allowed);
        }
    }

    private static Integer horizon(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            int h = Integer.parseInt(v);
            if (h >= 1 && h <= 24) {
                return h;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("horizon", "a whole number of periods from 1 to 24");
    }
}
