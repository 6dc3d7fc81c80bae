package org.fusioncell.monitoring.trends;

import java.time.LocalDate;
import java.util.List;

/**
 * A period whose count lies far from what the baseline leads one to expect, with everything needed to
 * explain it: the count, the expected value (the baseline's median), the robust z-score and the
 * baseline it was measured against. The pages phrase this in the reader's language.
 *
 * @param periodStart the period flagged
 * @param observed    the count in that period
 * @param expected    the median of the baseline window
 * @param z           (observed − expected) / scale
 * @param direction   a rise or a fall
 * @param baseline    the reference the period was compared with
 * @param threshold   the |z| from which a period is flagged (the setting in force)
 */
public record Anomaly(LocalDate periodStart, long observed, double expected, double z, Direction direction,
                      Baseline baseline, double threshold) {

    public enum Direction { RISE, FALL }

    /**
     * The reference window of one period.
     *
     * @param kind    {@code SEASONAL}: the same period of the year (and its two neighbours) in earlier years;
     *                {@code ROLLING}: the periods just before
     * @param periods the period starts in the window, oldest first
     * @param median  their median: the expected value
     * @param mad     their median absolute deviation from the median
     * @param scale   the spread used for z: 1.4826 × MAD (the standard deviation a normal distribution with
     *                that MAD would have), but never below √max(median, 1), the spread of counting noise
     *                (Poisson): a window of identical counts does not make every change infinitely unusual
     */
    public record Baseline(Kind kind, List<LocalDate> periods, double median, double mad, double scale) {

        public enum Kind { SEASONAL, ROLLING }

        public Baseline {
            periods = List.copyOf(periods);
        }

        public LocalDate first() {
            return periods.getFirst();
        }

        public LocalDate last() {
            return periods.getLast();
        }
    }
}
