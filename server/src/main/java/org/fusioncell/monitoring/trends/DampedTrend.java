package org.fusioncell.monitoring.trends;

/**
 * Holt's linear exponential smoothing with a damped trend (Gardner and McKenzie, 1985; the additive
 * ETS(A,Ad,N) of Hyndman et al., 2008): a level and a slope, both updated by every new count, the slope
 * fading by {@code phi} per period ahead. {@code phi} = 1 is Holt's undamped linear method, which the
 * fit picks on a steady trend; lower values keep a recent surge from being projected for ever.
 *
 * @param alpha how much a new count moves the level (0..1)
 * @param beta  how much a change of level moves the slope (0..1, the share of the level's move)
 * @param phi   how much of the slope survives each period ahead (0.8..1)
 * @param level the level after the last count
 * @param slope the slope after the last count
 * @param sigma the root mean square of the one-step-ahead errors over the fitted counts
 */
public record DampedTrend(double alpha, double beta, double phi, double level, double slope, double sigma) {

    private static final double[] PHIS = {0.8, 0.85, 0.9, 0.95, 0.98, 1.0};

    /** The counts needed to fit: two to start the level and slope, the rest to measure errors. */
    public static final int MIN_LENGTH = 4;

    /**
     * The parameters that minimise the squared one-step-ahead errors, found on a grid (α and β in steps
     * of 0.05, φ from {@link #PHIS}); plain and repeatable, and fast enough for a few hundred periods.
     */
    public static DampedTrend fit(double[] y) {
        if (y.length < MIN_LENGTH) {
            throw new IllegalArgumentException("at least " + MIN_LENGTH + " periods are needed to fit a trend");
        }
        DampedTrend best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int a = 1; a <= 20; a++) {
            for (int b = 0; b <= 10; b++) {
                for (double phi : PHIS) {
                    DampedTrend m = run(y, a * 0.05, b * 0.05, phi);
                    double sse = m.sigma * m.sigma;
                    // ties (flat series) go to the simplest model met first: low α, no slope
                    if (sse < bestSse - 1e-9) {
                        bestSse = sse;
                        best = m;
                    }
                }
            }
        }
        return best;
    }

    /** Runs the recursions over {@code y} with fixed parameters. */
    static DampedTrend run(double[] y, double alpha, double beta, double phi) {
        double level = y[0];
        double slope = y[1] - y[0];
        double sse = 0;
        int errors = 0;
        for (int t = 1; t < y.length; t++) {
            double forecast = level + phi * slope;
            double error = y[t] - forecast;
            if (t >= 2) {
                sse += error * error;
                errors++;
            }
            double previous = level;
            level = forecast + alpha * error;
            slope = phi * slope + beta * (level - previous - phi * slope);
        }
        return new DampedTrend(alpha, beta, phi, level, slope, Math.sqrt(sse / Math.max(1, errors)));
    }

    /** The point forecast {@code h} periods after the last count (not yet cut at zero). */
    public double mean(int h) {
        return level + dampedSum(h) * slope;
    }

    /**
     * The standard error of the {@code h}-step forecast: σ² (1 + Σ_{j<h} (α + αβ·(φ + … + φ^j))²), the
     * closed form for ETS(A,Ad,N) (Hyndman et al., 2008, table 6.1); it grows with {@code h}.
     */
    public double standardError(int h) {
        double sum = 1;
        for (int j = 1; j < h; j++) {
            double c = alpha + alpha * beta * dampedSum(j);
            sum += c * c;
        }
        return sigma * Math.sqrt(sum);
    }

    private double dampedSum(int h) {
        double s = 0;
        double p = 1;
        for (int j = 1; j <= h; j++) {
            p *= phi;
            s += p;
        }
        return s;
    }
}
