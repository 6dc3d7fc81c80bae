package org.fusioncell.monitoring.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fusioncell.monitoring.incidents.IncidentStatistics.IncidentCount;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Period;
import org.junit.jupiter.api.Test;

/** The robust seasonal baseline on series whose answer is known. */
class AnomalyDetectionTest {

    static TimeSeries monthly(long... values) {
        List<IncidentCount> counts = new ArrayList<>();
        LocalDate start = LocalDate.of(2016, 1, 1);
        for (int i = 0; i < values.length; i++) {
            counts.add(new IncidentCount("all", start.plusMonths(i), values[i], 0));
        }
        return TimeSeries.of(counts, Period.MONTH, TimeSeries.Metric.INCIDENTS, start,
                start.plusMonths(values.length - 1));
    }

    /** Three years of a seasonal pattern (more in summer) with Poisson-like noise, fixed seed. */
    static long[] seasonal(int months, long seed) {
        Random random = new Random(seed);
        long[] values = new long[months];
        for (int i = 0; i < months; i++) {
            double mean = 40 + 15 * Math.sin(2 * Math.PI * (i % 12) / 12.0);
            values[i] = Math.round(mean + random.nextGaussian() * Math.sqrt(mean));
        }
        return values;
    }

    @Test
    void aKnownSpikeIsFoundAndExplainedAgainstTheSameMonthOfEarlierYears() {
        long[] values = seasonal(40, 7);
        int spike = 30; // July of the third year
        values[spike] = 140;
        TimeSeries series = monthly(values);

        List<Anomaly> found = AnomalyDetection.defaults().detect(series);

        assertThat(found).extracting(Anomaly::periodStart).containsExactly(LocalDate.of(2018, 7, 1));
        Anomaly a = found.getFirst();
        assertThat(a.observed()).isEqualTo(140);
        assertThat(a.direction()).isEqualTo(Anomaly.Direction.RISE);
        assertThat(a.baseline().kind()).isEqualTo(Anomaly.Baseline.Kind.SEASONAL);
        // June, July and August of 2016 and 2017
        assertThat(a.baseline().periods()).containsExactly(LocalDate.of(2016, 6, 1), LocalDate.of(2016, 7, 1),
                LocalDate.of(2016, 8, 1), LocalDate.of(2017, 6, 1), LocalDate.of(2017, 7, 1), LocalDate.of(2017, 8, 1));
        double[] window = {values[5], values[6], values[7], values[17], values[18], values[19]};
        assertThat(a.expected()).isEqualTo(AnomalyDetection.median(window));
        assertThat(a.z()).isCloseTo((140 - a.expected()) / a.baseline().scale(), within(1e-9));
        assertThat(a.z()).isGreaterThan(3.5);
        assertThat(a.threshold()).isEqualTo(3.5);
    }

    @Test
    void aFlatSeriesAndANoisyOneWithoutSpikeGiveNoAnomaly() {
        long[] flat = new long[36];
        java.util.Arrays.fill(flat, 20);
        assertThat(AnomalyDetection.defaults().detect(monthly(flat))).isEmpty();
        assertThat(AnomalyDetection.defaults().detect(monthly(seasonal(48, 11)))).isEmpty();
    }

    @Test
    void withLessThanTwoYearsTheBaselineIsTheRollingWindowBefore() {
        long[] values = new long[18];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10 + (i % 3);
        }
        values[15] = 60;
        List<Anomaly> found = AnomalyDetection.defaults().detect(monthly(values));

        assertThat(found).hasSize(1);
        Anomaly.Baseline b = found.getFirst().baseline();
        assertThat(b.kind()).isEqualTo(Anomaly.Baseline.Kind.ROLLING);
        assertThat(b.periods()).hasSize(12).startsWith(LocalDate.of(2016, 4, 1)).endsWith(LocalDate.of(2016, 3, 1)
                .plusMonths(12));
        assertThat(b.median()).isEqualTo(11);
    }

    @Test
    void smallMovesAreNotNewsAndFallsAreFlaggedToo() {
        long[] rare = new long[24];
        rare[20] = 4; // from nothing to 4: z = 4 / 1, but 4 is below the minimum count of 5
        assertThat(AnomalyDetection.defaults().detect(monthly(rare))).isEmpty();
        assertThat(new AnomalyDetection(3.5, 1, 12, 12).detect(monthly(rare))).hasSize(1);

        long[] steady = new long[20];
        java.util.Arrays.fill(steady, 50);
        steady[16] = 5;
        List<Anomaly> fall = AnomalyDetection.defaults().detect(monthly(steady));
        assertThat(fall).singleElement().satisfies(a -> {
            assertThat(a.direction()).isEqualTo(Anomaly.Direction.FALL);
            assertThat(a.z()).isLessThan(-3.5);
            // identical counts have no MAD: the Poisson floor √50 keeps z finite
            assertThat(a.baseline().scale()).isCloseTo(Math.sqrt(50), within(1e-9));
        });
    }

    @Test
    void missingPeriodsAreZerosAndPartPeriodsAreLeftOut() {
        List<IncidentCount> counts = List.of(new IncidentCount("a", LocalDate.of(2020, 1, 1), 3, 1),
                new IncidentCount("b", LocalDate.of(2020, 1, 1), 2, 0),
                new IncidentCount("a", LocalDate.of(2020, 4, 1), 7, 2));
        TimeSeries s = TimeSeries.of(counts, Period.MONTH, TimeSeries.Metric.INCIDENTS, null, null);
        assertThat(s.points()).extracting(TimeSeries.Point::value).containsExactly(5L, 0L, 0L, 7L);
        assertThat(TimeSeries.of(counts, Period.MONTH, TimeSeries.Metric.FATALITIES, null, null).values())
                .containsExactly(1, 0, 0, 2);
        assertThat(s.whole(LocalDate.of(2020, 1, 15), LocalDate.of(2020, 4, 10)).points())
                .extracting(TimeSeries.Point::start).containsExactly(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 3, 1));
        assertThat(TimeSeries.start(LocalDate.of(2026, 11, 22), Period.WEEK)).isEqualTo(LocalDate.of(2026, 11, 16));
    }
}
