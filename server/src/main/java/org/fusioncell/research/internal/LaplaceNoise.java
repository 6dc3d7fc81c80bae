package org.fusioncell.research.internal;

import java.security.SecureRandom;

/**
 * The Laplace mechanism for counting queries. Adding or removing one incident changes exactly one cell of a
 * contingency table by one, so the table's L1 sensitivity is 1 and noise of scale 1/ε on every cell gives
 * ε-differential privacy for the whole table; the totals are sums of noisy cells (post-processing, no further
 * budget). Noisy counts are rounded and clamped at zero, which is post-processing too. Draws from
 * {@link SecureRandom}: a predictable generator would let the noise be subtracted.
 */
public final class LaplaceNoise {

    /** The sensitivity of a count table under adding or removing one record. */
    public static final double SENSITIVITY = 1.0;

    private final double scale;
    private final SecureRandom random;

    public LaplaceNoise(double epsilon, SecureRandom random) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a positive number");
        }
        this.scale = SENSITIVITY / epsilon;
        this.random = random;
    }

    public double scale() {
        return scale;
    }

    /** One draw of Laplace(0, scale) by inverse transform. */
    public double sample() {
        double u = random.nextDouble() - 0.5;
        while (u == -0.5) {
            u = random.nextDouble() - 0.5;
        }
        return -scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }

    public long noisyCount(long exact) {
        return Math.max(0L, Math.round(exact + sample()));
    }
}
