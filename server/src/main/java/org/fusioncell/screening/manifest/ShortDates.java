package org.fusioncell.screening.manifest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * PAXLST dates: mostly two-digit years (YYMMDD, format 101; YYMMDDHHMM, format 201), sometimes four
 * (CCYYMMDD, 102; CCYYMMDDHHMM, 203). The century of a two-digit year is chosen against a reference
 * day — the interchange's preparation date, since a message from 2014 cannot carry a 2015 birth:
 * <ul>
 * <li>a birth date takes the latest century that does not put it after the reference day;</li>
 * <li>any other date (flight times, document expiry) takes the century that puts it nearest the
 * reference day.</li>
 * </ul>
 * Methods throw {@link IllegalArgumentException} with a short reason; callers add the segment.
 */
final class ShortDates {

    private ShortDates() {
    }

    /** UNB's preparation date (YYMMDD or CCYYMMDD) as the reference day; today when it is unreadable. */
    static LocalDate interchangeDay(String value) {
        LocalDate today = LocalDate.now();
        try {
            return value.matches("\\d{8}") ? date(value, 4, Integer.parseInt(value.substring(0, 4)))
                    : value.matches("\\d{6}") ? nearest(value, today) : today;
        } catch (IllegalArgumentException e) {
            return today;
        }
    }

    /** A date of birth, YYMMDD or CCYYMMDD, never after the reference day when the century is chosen. */
    static LocalDate birth(String value, LocalDate reference) {
        if (value.matches("\\d{8}")) {
            return date(value, 4, Integer.parseInt(value.substring(0, 4)));
        }
        if (!value.matches("\\d{6}")) {
            throw new IllegalArgumentException("is not YYMMDD");
        }
        int yy = Integer.parseInt(value.substring(0, 2));
        int year = reference.getYear() / 100 * 100 + yy;
        LocalDate day = date(value, 2, year);
        return day.isAfter(reference) ? date(value, 2, year - 100) : day;
    }

    /** A date without time, YYMMDD or CCYYMMDD, in the century nearest the reference day. */
    static LocalDate day(String value, LocalDate reference) {
        if (value.matches("\\d{8}")) {
            return date(value, 4, Integer.parseInt(value.substring(0, 4)));
        }
        if (!value.matches("\\d{6}")) {
            throw new IllegalArgumentException("is not YYMMDD");
        }
        return nearest(value, reference);
    }

    /**
     * A date and time, format 201 (YYMMDDHHMM) or 203 (CCYYMMDDHHMM); without a format code the length
     * tells which.
     */
    static LocalDateTime dateTime(String value, String format, LocalDate reference) {
        boolean shortForm = format.equals("201") || format.isEmpty() && value.length() == 10;
        boolean longForm = format.equals("203") || format.isEmpty() && value.length() == 12;
        if (shortForm && value.matches("\\d{10}")) {
            return nearest(value.substring(0, 6), reference).atTime(time(value.substring(6)));
        }
        if (longForm && value.matches("\\d{12}")) {
            return day(value.substring(0, 8), reference).atTime(time(value.substring(8)));
        }
        throw new IllegalArgumentException("is not YYMMDDHHMM (format 201) or CCYYMMDDHHMM (format 203)");
    }

    private static LocalTime time(String hhmm) {
        try {
            return LocalTime.of(Integer.parseInt(hhmm.substring(0, 2)), Integer.parseInt(hhmm.substring(2, 4)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("has no valid time of day");
        }
    }

    private static LocalDate nearest(String yymmdd, LocalDate reference) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int base = reference.getYear() / 100 * 100;
        LocalDate best = null;
        for (int century : new int[] {base - 100, base, base + 100}) {
            try {
                LocalDate candidate = date(yymmdd, 2, century + yy);
                if (best == null || distance(candidate, reference) < distance(best, reference)) {
                    best = candidate;
                }
            } catch (IllegalArgumentException notInThatCentury) {
                // 29 February exists in some centuries only
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("is not a calendar date");
        }
        return best;
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(a.toEpochDay() - b.toEpochDay());
    }

    /** The month and day at {@code monthAt} in the value, in the given year. */
    private static LocalDate date(String value, int monthAt, int year) {
        try {
            return LocalDate.of(year, Integer.parseInt(value.substring(monthAt, monthAt + 2)),
                    Integer.parseInt(value.substring(monthAt + 2, monthAt + 4)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a calendar date");
        }
    }
}
