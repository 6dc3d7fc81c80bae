package org.fusioncell.monitoring.trends;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Period;

/**
 * Finds the periods of a count series that a robust seasonal baseline does not explain.
 * <p>For each period the baseline is, when at least two earlier years are in the series, the same period
 * of each earlier year with its two neighbours (the "historical limits" of Stroup et al., 1989, with the
 * median and MAD in place of mean and standard deviation so that one past surge does not hide the next);
 * otherwise the {@code rollingWindow} periods just before. The period is flagged when
 * |z| = |observed − median| / scale ≥ {@code threshold} and the larger of observed and expected is at
 * least {@code minCount} (a move from 0 to 2 is not news). A period with fewer than {@code minHistory}
 * periods before it is not judged. Only the past is used, so an anomaly once shown stays shown as data
 * is added. Plain Java; documented in docs/trends.md.
 *
 * @param threshold     |z| from which a period is flagged (3.5, after Iglewicz and Hoaglin's outlier rule)
 * @param minCount      the smallest count (observed for a rise, expected for a fall) worth flagging
 * @param rollingWindow periods before the one judged that form its baseline when no two years are there
 * @param minHistory    periods needed before the first judged one
 */
public record AnomalyDetection(double threshold, int minCount, int rollingWindow, int minHistory) {

    /** The factor turning a MAD into a standard deviation for normally distributed data. */
    public static final double MAD_TO_SD = 1.4826;
    public static final int SEASONS_NEEDED = 2;

    public AnomalyDetection {
        if (!(threshold > 0) || minCount < 0 || rollingWindow < 3 || minHistory < 3) {
            throw new IllegalArgumentException("threshold > 0, minCount ≥ 0, rollingWindow ≥ 3, minHistory ≥ 3");
        }
    }

    public static AnomalyDetection defaults() {
        return new AnomalyDetection(3.5, 5, 12, 12);
    }

    /** The anomalous periods, oldest first. */
    public List<Anomaly> detect(TimeSeries series) {
        List<Anomaly> found = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Anomaly.Baseline baseline = baseline(series, i);
            if (baseline == null) {
                continue;
            }
            long observed = series.value(i);
            double z = (observed - baseline.median()) / baseline.scale();
            if (Math.abs(z) >= threshold && Math.max(observed, baseline.median()) >= minCount) {
                found.add(new Anomaly(series.start(i), observed, baseline.median(), z,
                        z > 0 ? Anomaly.Direction.RISE : Anomaly.Direction.FALL, baseline, threshold));
            }
        }
        return found;
    }

    /** The baseline of the period at {@code index}, or null when too little precedes it. */
    public Anomaly.Baseline baseline(TimeSeries series, int index) {
        if (index < minHistory) {
            return null;
        }
        Period period = series.period();
        int season = TimeSeries.seasonLength(period);
        List<Integer> window = new ArrayList<>();
        Anomaly.Baseline.Kind kind;
        if (index >= SEASONS_NEEDED * season + 1) {
            kind = Anomaly.Baseline.Kind.SEASONAL;
            for (int back = index - season; back - 1 >= 0; back -= season) {
                window.add(back - 1);
                window.add(back);
                if (back + 1 < index) {
                    window.add(back + 1);
                }
            }
        } else {
            kind = Anomaly.Baseline.Kind.ROLLING;
            for (int j = Math.max(0, index - rollingWindow); j < index; j++) {
                window.add(j);
            }
        }
        window.sort(null);
        double[] values = window.stream().mapToDouble(series::value).toArray();
        double median = median(values);
        double mad = median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
        double scale = Math.max(MAD_TO_SD * mad, Math.sqrt(Math.max(median, 1)));
        List<LocalDate> periods = window.stream().map(series::start).toList();
        return new Anomaly.Baseline(kind, periods, median, mad, scale);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
