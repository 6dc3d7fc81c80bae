package org.fusioncell.monitoring.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Grouping;
import org.fusioncell.monitoring.incidents.IncidentStatistics.IncidentFilter;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Period;
import org.fusioncell.monitoring.trends.geo.AdminArea;
import org.fusioncell.monitoring.trends.geo.AreaCounts;
import org.fusioncell.monitoring.trends.geo.Boundaries;
import org.junit.jupiter.api.Test;

/**
 * The analytics on real events: UCDP GED Syria 2016-01 … 2019-11 (../shared/data), IS on either side in
 * Deir ez Zor, the governorate where IS made its last stand (the battle of Deir ez-Zor, September to
 * November 2017).
 */
class UcdpTrendsTest {

    private static final Reader ANYONE = new Reader("u", "o", OrganisationType.values()[0], 0, java.util.Set.of(),
            List.of(), "test");
    private static final IncidentFilter IS_IN_DEIR_EZ_ZOR = new IncidentFilter("SYR", "Deir ez Zor", null, "IS",
            null, null);

    @Test
    void monthlyIsEventsInDeirEzZorShowTheAutumn2017SurgeWithItsExplanationAndAForecast() {
        UcdpIncidentStatistics stats = UcdpIncidentStatistics.load();
        assertThat(stats.size()).isEqualTo(16_566);
        TimeSeries series = TimeSeries.of(stats.counts(ANYONE, IS_IN_DEIR_EZ_ZOR, Grouping.NONE, Period.MONTH),
                Period.MONTH, TimeSeries.Metric.INCIDENTS, null, null);
        assertThat(series.size()).isEqualTo(47);
        assertThat(series.points().getFirst().start()).isEqualTo(LocalDate.of(2016, 1, 1));

        List<Anomaly> anomalies = AnomalyDetection.defaults().detect(series);

        assertThat(anomalies).extracting(Anomaly::periodStart).contains(LocalDate.of(2017, 9, 1));
        Anomaly september = anomalies.stream().filter(a -> a.periodStart().equals(LocalDate.of(2017, 9, 1)))
                .findFirst().orElseThrow();
        assertThat(september.observed()).isEqualTo(155);
        assertThat(september.direction()).isEqualTo(Anomaly.Direction.RISE);
        assertThat(september.baseline().kind()).isEqualTo(Anomaly.Baseline.Kind.ROLLING);
        assertThat(september.baseline().periods()).hasSize(12).startsWith(LocalDate.of(2016, 9, 1))
                .endsWith(LocalDate.of(2017, 8, 1));
        assertThat(september.expected()).isEqualTo(35.0);
        assertThat(september.z()).isGreaterThan(5);
        assertThat(anomalies).allSatisfy(a -> assertThat(Math.abs(a.z())).isGreaterThanOrEqualTo(3.5));

        Forecast forecast = Forecasting.defaults().forecast(series);
        assertThat(forecast.steps()).hasSize(6);
        assertThat(forecast.steps().getFirst().periodStart()).isEqualTo(LocalDate.of(2019, 12, 1));
        assertThat(forecast.steps()).allSatisfy(s -> {
            assertThat(s.lower()).isGreaterThanOrEqualTo(0);
            assertThat(s.upper()).isGreaterThan(s.mean());
        });
        assertThat(forecast.method().fittedPeriods()).isEqualTo(47);
        assertThat(forecast.backtest().holdOut()).isEqualTo(6);
        assertThat(forecast.backtest().from()).isEqualTo(LocalDate.of(2019, 6, 1));
        assertThat(forecast.backtest().mae()).isPositive();
        assertThat(forecast.backtest().naiveMae()).isPositive();
    }

    @Test
    void weeklySeriesUseTheSeasonalBaselineOnceTwoYearsArePast() {
        UcdpIncidentStatistics stats = UcdpIncidentStatistics.load();
        TimeSeries weeks = TimeSeries.of(stats.counts(ANYONE, new IncidentFilter("SYR", null, null, null, null, null),
                Grouping.NONE, Period.WEEK), Period.WEEK, TimeSeries.Metric.INCIDENTS, null, null);
        assertThat(weeks.start(0).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        List<Anomaly> anomalies = AnomalyDetection.defaults().detect(weeks);
        assertThat(anomalies).isNotEmpty();
        assertThat(anomalies).anySatisfy(a -> {
            assertThat(a.baseline().kind()).isEqualTo(Anomaly.Baseline.Kind.SEASONAL);
            assertThat(a.baseline().periods()).hasSizeGreaterThanOrEqualTo(6);
        });
        assertThat(new Forecasting(8, 0.95).forecast(weeks).steps()).hasSize(8);
    }

    @Test
    void everyEventPlaceFallsInASyrianAreaAndAleppoLeads() {
        UcdpIncidentStatistics stats = UcdpIncidentStatistics.load();
        List<AdminArea> syria = new Boundaries().country("SYR").orElseThrow();
        AreaCounts counts = AreaCounts.of(syria, stats.places(ANYONE, IncidentFilter.any()), false);

        long placed = counts.byArea().values().stream().mapToLong(Long::longValue).sum();
        assertThat(placed + counts.unplaced()).isEqualTo(16_566);
        // the shipped outline is simplified: a few coastal and border points fall just outside it
        assertThat(counts.unplaced()).isLessThan(16_566 / 50);
        String leader = counts.byArea().entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .orElseThrow().getKey();
        assertThat(syria.stream().filter(a -> a.id().equals(leader)).findFirst().orElseThrow().name())
                .isEqualTo("Aleppo");
    }
}
