package org.fusioncell.monitoring.trends.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.fusioncell.monitoring.trends.Anomaly;
import org.fusioncell.monitoring.trends.Forecast;
import org.fusioncell.monitoring.trends.Suppression;
import org.fusioncell.monitoring.trends.TimeSeries;

/**
 * The trends API's JSON (openapi/trends.yaml). A count or estimate that suppression hides is
 * {@code null}; {@code suppressBelow} says what that means ("from 1 to suppressBelow − 1").
 */
final class TrendsViews {

    private TrendsViews() {
    }

    record SeriesView(String period, String metric, int suppressBelow, List<PointView> points) {
        static SeriesView of(TrendsAnalysis.Analysis a, Suppression s) {
            return new SeriesView(name(a.request().period()), name(a.request().metric()), s.below(),
                    a.series().points().stream().map(p -> PointView.of(p, s)).toList());
        }
    }

    record PointView(LocalDate periodStart, Long count, boolean suppressed) {
        static PointView of(TimeSeries.Point p, Suppression s) {
            return new PointView(p.start(), s.hides(p.value()) ? null : p.value(), s.hides(p.value()));
        }
    }

    record AnomaliesView(String period, String metric, int suppressBelow, double threshold, int minCount,
                         List<AnomalyView> anomalies) {
    }

    /** {@code z} is null with the count: with the expected value and scale it would give the count away. */
    record AnomalyView(LocalDate periodStart, String direction, Long observed, Double expected, Double z,
                       BaselineView baseline) {
        static AnomalyView of(Anomaly a, Suppression s) {
            boolean hidden = s.hides(a.observed());
            return new AnomalyView(a.periodStart(), name(a.direction()), hidden ? null : a.observed(),
                    estimate(a.expected(), s), hidden ? null : round(a.z()), BaselineView.of(a.baseline(), s));
        }
    }

    record BaselineView(String kind, int size, LocalDate first, LocalDate last, List<LocalDate> periods, Double median,
                        double mad, double scale) {
        static BaselineView of(Anomaly.Baseline b, Suppression s) {
            return new BaselineView(name(b.kind()), b.periods().size(), b.first(), b.last(), b.periods(),
                    estimate(b.median(), s), round(b.mad()), round(b.scale()));
        }
    }

    record ForecastView(String period, String metric, int suppressBelow, Forecast.Method method, double level,
                        List<StepView> steps, BacktestView backtest) {
        static ForecastView of(TrendsAnalysis.Analysis a, Suppression s) {
            Forecast f = a.forecast();
            String period = name(a.request().period());
            String metric = name(a.request().metric());
            if (f == null) {
                return new ForecastView(period, metric, s.below(), null, 0, List.of(), null);
            }
            Forecast.Method m = f.method();
            return new ForecastView(period, metric, s.below(), new Forecast.Method(m.name(), round(m.alpha()),
                    round(m.beta()), round(m.phi()), round(m.sigma()), m.fittedPeriods()), f.level(),
                    f.steps().stream().map(x -> new StepView(x.periodStart(), x.ahead(), estimate(x.mean(), s),
                            estimate(x.lower(), s), estimate(x.upper(), s))).toList(),
                    f.backtest() == null ? null : BacktestView.of(f.backtest()));
        }
    }

    record StepView(LocalDate periodStart, int ahead, Double mean, Double lower, Double upper) {
    }

    record BacktestView(LocalDate from, LocalDate to, int holdOut, double mae, double naiveMae, int within) {
        static BacktestView of(Forecast.Backtest b) {
            return new BacktestView(b.from(), b.to(), b.holdOut(), round(b.mae()), round(b.naiveMae()), b.within());
        }
    }

    static Double estimate(double value, Suppression s) {
        return s.hides(value) ? null : round(value);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
