package org.fusioncell.monitoring.trends;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Short-term forecasts of a count series with a {@link DampedTrend}: point forecasts and normal
 * prediction intervals whose width grows with the horizon, cut at zero (counts are never negative),
 * plus a backtest on the last {@code horizon} known periods so the reader can judge the method against
 * the naive "same as last period". Plain Java; documented in docs/trends.md.
 *
 * @param horizon periods ahead (1..24)
 * @param level   the intended coverage of the interval (0.5..0.99)
 */
public record Forecasting(int horizon, double level) {

    /** Fewer known periods than this and the backtest is skipped (the fit would rest on too little). */
    static final int MIN_BACKTEST_FIT = 8;

    public Forecasting {
        if (horizon < 1 || horizon > 24 || !(level >= 0.5 && level <= 0.99)) {
            throw new IllegalArgumentException("horizon 1..24, level 0.5..0.99");
        }
    }

    public static Forecasting defaults() {
        return new Forecasting(6, 0.8);
    }

    /** The forecast, or null when the series has fewer than {@link DampedTrend#MIN_LENGTH} periods. */
    public Forecast forecast(TimeSeries series) {
        double[] y = series.values();
        if (y.length < DampedTrend.MIN_LENGTH) {
            return null;
        }
        DampedTrend model = DampedTrend.fit(y);
        List<Forecast.Step> steps = steps(model, series.start(series.size() - 1), series, horizon);
        return new Forecast(steps, new Forecast.Method("damped-holt", model.alpha(), model.beta(), model.phi(),
                model.sigma(), y.length), level, backtest(series));
    }

    private List<Forecast.Step> steps(DampedTrend model, LocalDate lastStart, TimeSeries series, int h) {
        double z = normalQuantile(0.5 + level / 2);
        List<Forecast.Step> steps = new ArrayList<>();
        LocalDate start = lastStart;
        for (int i = 1; i <= h; i++) {
            start = TimeSeries.next(start, series.period());
            double mean = model.mean(i);
            double se = model.standardError(i);
            steps.add(new Forecast.Step(start, i, Math.max(0, mean), Math.max(0, mean - z * se),
                    Math.max(0, mean + z * se)));
        }
        return steps;
    }

    private Forecast.Backtest backtest(TimeSeries series) {
        int n = series.size();
        int hold = Math.min(horizon, n - MIN_BACKTEST_FIT);
        if (hold < 1) {
            return null;
        }
        double[] y = series.values();
        double[] train = Arrays.copyOf(y, n - hold);
        DampedTrend model = DampedTrend.fit(train);
        List<Forecast.Step> steps = steps(model, series.start(n - hold - 1), series, hold);
        double error = 0;
        double naive = 0;
        int within = 0;
        for (int i = 0; i < hold; i++) {
            double actual = y[n - hold + i];
            Forecast.Step s = steps.get(i);
            error += Math.abs(actual - s.mean());
            naive += Math.abs(actual - train[train.length - 1]);
            if (actual >= s.lower() && actual <= s.upper()) {
                within++;
            }
        }
        return new Forecast.Backtest(series.start(n - hold), series.start(n - 1), hold, error / hold, naive / hold,
                within);
    }

    /** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double normalQuantile(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
