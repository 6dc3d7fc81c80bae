package org.fusioncell.monitoring.trends;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.fusioncell.monitoring.incidents.IncidentStatistics.IncidentCount;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Period;

/**
 * A regular series of counts: one point per week (Monday) or month (the first), oldest first, with no
 * gaps. A period without any incident is a real zero, not a missing value: the statistics only return
 * periods that have incidents, so {@link #of} fills the rest.
 */
public record TimeSeries(Period period, List<Point> points) {

    public record Point(LocalDate start, long value) {
    }

    /** What a point counts. */
    public enum Metric { INCIDENTS, FATALITIES }

    public TimeSeries {
        Objects.requireNonNull(period, "period");
        points = List.copyOf(points);
    }

    /**
     * The series of the counts (all keys summed), from the period holding {@code from} to the period
     * holding {@code to}; a null bound is the first or last period that has a count.
     */
    public static TimeSeries of(List<IncidentCount> counts, Period period, Metric metric, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Long> byStart = new TreeMap<>();
        for (IncidentCount c : counts) {
            long v = metric == Metric.INCIDENTS ? c.incidents() : c.fatalities();
            byStart.merge(start(c.periodStart(), period), v, Long::sum);
        }
        LocalDate first = from != null ? start(from, period) : byStart.isEmpty() ? null : byStart.firstKey();
        LocalDate last = to != null ? start(to, period) : byStart.isEmpty() ? null : byStart.lastKey();
        List<Point> points = new ArrayList<>();
        if (first != null && last != null) {
            for (LocalDate d = first; !d.isAfter(last); d = next(d, period)) {
                points.add(new Point(d, byStart.getOrDefault(d, 0L)));
            }
        }
        return new TimeSeries(period, points);
    }

    /** The start of the period holding {@code date}: ISO week's Monday, or the month's first day. */
    public static LocalDate start(LocalDate date, Period period) {
        return period == Period.WEEK ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : date.withDayOfMonth(1);
    }

    public static LocalDate next(LocalDate start, Period period) {
        return period == Period.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }

    /** The last day of the period that starts on {@code start}. */
    public static LocalDate end(LocalDate start, Period period) {
        return next(start, period).minusDays(1);
    }

    /** Periods in a year: 52 weeks (a 53-week year shifts the match by one week, which the ±1 window absorbs) or 12 months. */
    public static int seasonLength(Period period) {
        return period == Period.WEEK ? 52 : 12;
    }

    /** Whole periods between two period starts. */
    public static long between(LocalDate a, LocalDate b, Period period) {
        return period == Period.WEEK ? ChronoUnit.WEEKS.between(a, b) : ChronoUnit.MONTHS.between(a, b);
    }

    /**
     * This series without a first or last period that the covered days cut short: a month seen on its
     * tenth day (or cut by a date filter) would look like a collapse and drag the forecast down.
     *
     * @param firstDay the first day the counts cover (null: no cut)
     * @param lastDay  the last day they cover (yesterday, or the filter's end if earlier)
     */
    public TimeSeries whole(LocalDate firstDay, LocalDate lastDay) {
        int from = 0;
        int to = points.size();
        if (to > 0 && firstDay != null && points.getFirst().start().isBefore(firstDay)) {
            from = 1;
        }
        if (to > from && lastDay != null && end(points.getLast().start(), period).isAfter(lastDay)) {
            to--;
        }
        return from == 0 && to == points.size() ? this : new TimeSeries(period, points.subList(from, Math.max(from, to)));
    }

    public int size() {
        return points.size();
    }

    public double[] values() {
        return points.stream().mapToDouble(Point::value).toArray();
    }

    public LocalDate start(int index) {
        return points.get(index).start();
    }

    public long value(int index) {
        return points.get(index).value();
    }
}
