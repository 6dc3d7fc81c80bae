package org.fusioncell.names;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A date of birth as lists and travellers give it: exact, a month, a year only, or a range
 * ("between 1960 and 1962"). Kept as the earliest and latest possible day.
 */
public record BirthDate(LocalDate earliest, LocalDate latest) {

    public BirthDate {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("a birth date range ends before it starts: " + earliest + " > " + latest);
        }
    }

    public static BirthDate exact(LocalDate day) {
        return new BirthDate(day, day);
    }

    public static BirthDate year(int year) {
        return new BirthDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static BirthDate between(BirthDate from, BirthDate to) {
        return new BirthDate(from.earliest, to.latest);
    }

    /**
     * Reads {@code 1975}, {@code 1975-03}, {@code 1975-03-02}, {@code 02/03/1975} (day first) and
     * {@code 1960..1962} / {@code 1960-1962} ranges of years.
     *
     * @throws IllegalArgumentException naming the text when it is not a date
     */
    public static BirthDate parse(String text) {
        String s = text == null ? "" : text.strip();
        try {
            if (s.matches("\\d{4}")) {
                return year(Integer.parseInt(s));
            }
            if (s.matches("\\d{4}\\s*(\\.\\.|-|/|–)\\s*\\d{4}")) {
                String[] years = s.split("\\s*(\\.\\.|-|/|–)\\s*");
                return between(year(Integer.parseInt(years[0])), year(Integer.parseInt(years[1])));
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(s);
                return new BirthDate(month.atDay(1), month.atEndOfMonth());
            }
            if (s.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                String[] p = s.split("-");
                return exact(LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])));
            }
            if (s.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = s.split("/");
                return exact(LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0])));
            }
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a date of birth: '" + s + "' (" + e.getMessage() + ")");
        }
        throw new IllegalArgumentException("not a date of birth: '" + s
                + "' (expected YYYY, YYYY-MM, YYYY-MM-DD, DD/MM/YYYY or YYYY..YYYY)");
    }

    public boolean isExactDay() {
        return earliest.equals(latest);
    }

    /** True when the two could be the same day of birth. */
    public boolean overlaps(BirthDate other) {
        return !earliest.isAfter(other.latest) && !other.earliest.isAfter(latest);
    }

    /** Whole years between the two ranges; 0 when they overlap. */
    public int yearsApart(BirthDate other) {
        if (overlaps(other)) {
            return 0;
        }
        return latest.isBefore(other.earliest)
                ? other.earliest.getYear() - latest.getYear()
                : earliest.getYear() - other.latest.getYear();
    }

    @Override
    public String toString() {
        if (isExactDay()) {
            return earliest.toString();
        }
        if (earliest.getDayOfYear() == 1 && latest.getMonthValue() == 12 && latest.getDayOfMonth() == 31) {
            return earliest.getYear() == latest.getYear()
                    ? Integer.toString(earliest.getYear())
                    : earliest.getYear() + ".." + latest.getYear();
        }
        return earliest + ".." + latest;
    }
}
