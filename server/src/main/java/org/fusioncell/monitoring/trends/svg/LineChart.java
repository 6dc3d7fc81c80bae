package org.fusioncell.monitoring.trends.svg;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Period;
import org.fusioncell.monitoring.trends.Anomaly;
import org.fusioncell.monitoring.trends.Forecast;
import org.fusioncell.monitoring.trends.Suppression;
import org.fusioncell.monitoring.trends.TimeSeries;

/**
 * The series as an SVG line chart: counts per period, anomalies ringed (red for a rise, blue for a
 * fall), the forecast as a dashed line in its shaded interval. Suppressed counts are drawn as hollow
 * marks inside the shaded band [0, N) and the line is broken around them, so no small count can be
 * read off the drawing. Time runs left to right in every language (as in Arabic statistical
 * publications); in Arabic the value axis moves to the right-hand side. The numbers are in the table
 * the page shows beside the chart.
 */
public final class LineChart {

    static final double WIDTH = 760;
    static final double HEIGHT = 300;
    private static final double TOP = 16;
    private static final double BOTTOM = 40;
    private static final double AXIS = 48;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

    /**
     * @param title       the chart's accessible name
     * @param description what it shows, in a sentence
     * @param notes       per anomalous period, the explanation shown as the mark's tooltip
     */
    public record Text(String title, String description, Map<LocalDate, String> notes) {
    }

    private LineChart() {
    }

    public static String render(String id, TimeSeries series, List<Anomaly> anomalies, Forecast forecast,
                                Suppression suppression, Text text, boolean rightToLeft) {
        Svg svg = new Svg(id, WIDTH, HEIGHT, text.title(), text.description(), rightToLeft);
        int observed = series.size();
        int total = observed + (forecast == null ? 0 : forecast.steps().size());
        if (total == 0) {
            return svg.end();
        }
        double max = suppression.below();
        for (TimeSeries.Point p : series.points()) {
            max = Math.max(max, p.value());
        }
        if (forecast != null) {
            for (Forecast.Step s : forecast.steps()) {
                max = Math.max(max, s.upper());
            }
        }
        double step = Svg.niceStep(max, 5);
        double top = Math.ceil(max / step) * step;
        // room on the far side for half of the last period label
        double left = rightToLeft ? 28 : AXIS;
        double right = rightToLeft ? WIDTH - AXIS : WIDTH - 28;
        Frame f = new Frame(left, right, TOP, HEIGHT - BOTTOM, top, Math.max(1, total - 1));

        for (double v = 0; v <= top + 1e-9; v += step) {
            svg.line(left, f.y(v), right, f.y(v), "grid");
            svg.text(rightToLeft ? right + 6 : left - 6, f.y(v) + 4, rightToLeft ? "start" : "end", "tick",
                    String.valueOf((long) v));
        }
        if (suppression.active()) {
            svg.rect(left, f.y(suppression.below()), right - left, f.y(0) - f.y(suppression.below()),
                    "suppressed-band", null, "< " + suppression.below());
        }
        int every = Math.max(1, (int) Math.ceil(total / 8.0));
        for (int i = 0; i < total; i += every) {
            LocalDate start = i < observed ? series.start(i) : forecast.steps().get(i - observed).periodStart();
            svg.text(f.x(i), HEIGHT - BOTTOM + 16, "middle", "tick", label(start, series.period()));
        }
        svg.line(left, f.y(0), right, f.y(0), "axis");

        if (forecast != null && !forecast.steps().isEmpty() && observed > 0) {
            drawForecast(svg, f, series, forecast, suppression);
        }
        StringBuilder line = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < observed; i++) {
            long v = series.value(i);
            if (suppression.hides(v)) {
                pen = false;
                continue;
            }
            line.append(pen ? " L" : " M").append(Svg.n(f.x(i))).append(',').append(Svg.n(f.y(v)));
            pen = true;
        }
        if (!line.isEmpty()) {
            svg.path(line.toString().strip(), "series", null, null, null);
        }
        for (int i = 0; i < observed; i++) {
            long v = series.value(i);
            String label = label(series.start(i), series.period()) + ": " + suppression.show(v);
            if (suppression.hides(v)) {
                svg.circle(f.x(i), f.y(suppression.below() / 2.0), 2.5, "point suppressed", label);
            } else if (observed <= 120) {
                svg.circle(f.x(i), f.y(v), 2, "point", label);
            }
        }
        for (Anomaly a : anomalies) {
            int i = (int) TimeSeries.between(series.start(0), a.periodStart(), series.period());
            if (i < 0 || i >= observed) {
                continue;
            }
            double y = suppression.hides(a.observed()) ? f.y(suppression.below() / 2.0) : f.y(a.observed());
            svg.circle(f.x(i), y, 6, a.direction() == Anomaly.Direction.RISE ? "anomaly rise" : "anomaly fall",
                    text.notes().getOrDefault(a.periodStart(), label(a.periodStart(), series.period())));
        }
        return svg.end();
    }

    /** The band joins the last count unless that count is suppressed (its position would give it away). */
    private static void drawForecast(Svg svg, Frame f, TimeSeries series, Forecast forecast, Suppression suppression) {
        int last = series.size() - 1;
        long lastValue = series.value(last);
        boolean join = !suppression.hides(lastValue);
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        StringBuilder mean = new StringBuilder();
        if (join) {
            upper.append(" L").append(Svg.n(f.x(last))).append(',').append(Svg.n(f.y(lastValue)));
            mean.append(upper);
        }
        List<Forecast.Step> steps = forecast.steps();
        for (int k = 0; k < steps.size(); k++) {
            Forecast.Step s = steps.get(k);
            double x = f.x(last + 1 + k);
            upper.append(" L").append(Svg.n(x)).append(',').append(Svg.n(f.y(s.upper())));
            mean.append(" L").append(Svg.n(x)).append(',').append(Svg.n(f.y(s.mean())));
        }
        upper.replace(0, 2, "M");
        mean.replace(0, 2, "M");
        for (int k = steps.size() - 1; k >= 0; k--) {
            lower.append(" L").append(Svg.n(f.x(last + 1 + k))).append(',').append(Svg.n(f.y(steps.get(k).lower())));
        }
        svg.path(upper + lower.toString() + " Z", "forecast-band", null, null, null);
        svg.path(mean.toString(), "forecast", null, null, null);
    }

    static String label(LocalDate start, Period period) {
        return period == Period.MONTH ? start.format(MONTH) : start.toString();
    }

    /** Data to drawing coordinates. */
    private record Frame(double left, double right, double top, double bottom, double max, int lastIndex) {

        double x(int index) {
            return left + (right - left) * index / lastIndex;
        }

        double y(double value) {
            return bottom - (bottom - top) * value / max;
        }
    }
}
