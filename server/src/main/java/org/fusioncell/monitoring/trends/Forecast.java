package org.fusioncell.monitoring.trends;

import java.time.LocalDate;
import java.util.List;

/**
 * The counts expected in the next periods, each with a prediction interval, and how the method did
 * when it was asked to predict the last periods already known.
 *
 * @param steps    one per period ahead, nearest first
 * @param method   the fitted model's parameters
 * @param level    the probability the interval is meant to cover (e.g. 0.8)
 * @param backtest the hold-out check, or null when the series is too short for one
 */
public record Forecast(List<Step> steps, Method method, double level, Backtest backtest) {

    public Forecast {
        steps = List.copyOf(steps);
    }

    /** A forecast period: the expected count and the interval, all at least zero. */
    public record Step(LocalDate periodStart, int ahead, double mean, double lower, double upper) {
    }

    /**
     * @param name  {@code damped-holt}: Holt's linear exponential smoothing with a damped trend
     * @param sigma root mean square one-step error on the fitted periods
     * @param fittedPeriods how many periods the model was fitted on
     */
    public record Method(String name, double alpha, double beta, double phi, double sigma, int fittedPeriods) {
    }

    /**
     * The model fitted without the last {@code holdOut} periods, then asked to forecast them.
     *
     * @param mae       mean absolute error of those forecasts
     * @param naiveMae  the same for the naive forecast (the last known count repeated), the bar to clear
     * @param within    how many of the held-out counts fell inside their interval
     */
    public record Backtest(LocalDate from, LocalDate to, int holdOut, double mae, double naiveMae, int within) {
    }
}
