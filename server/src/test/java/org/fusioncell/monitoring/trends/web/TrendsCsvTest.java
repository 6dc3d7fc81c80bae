package org.fusioncell.monitoring.trends.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.monitoring.incidents.IncidentStatistics.IncidentCount;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Period;
import org.fusioncell.monitoring.trends.AnomalyDetection;
import org.fusioncell.monitoring.trends.Forecasting;
import org.fusioncell.monitoring.trends.Suppression;
import org.fusioncell.monitoring.trends.TimeSeries;
import org.junit.jupiter.api.Test;

/** The CSV download writes small counts as "< N", never their value. */
class TrendsCsvTest {

    @Test
    void theCsvHidesSmallCountsAndListsAnomaliesAndTheForecast() {
        long[] values = {20, 22, 3, 21, 19, 20, 23, 21, 22, 20, 19, 22, 21, 20, 23, 80, 20, 2, 22, 21};
        List<IncidentCount> counts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            counts.add(new IncidentCount("all", LocalDate.of(2019, 1, 1).plusMonths(i), values[i], 0));
        }
        TimeSeries series = TimeSeries.of(counts, Period.MONTH, TimeSeries.Metric.INCIDENTS, null, null);
        TrendsAnalysis.Analysis a = new TrendsAnalysis.Analysis(TrendsRequest.defaults(), series,
                AnomalyDetection.defaults().detect(series), Forecasting.defaults().forecast(series));

        String csv = TrendsCsv.write(a, new Suppression(5));

        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("period_start,kind,incidents,anomaly,expected,z,forecast_lower,forecast_upper");
        assertThat(lines.get(3)).isEqualTo("2019-03-01,observed,< 5,,,,,");
        assertThat(lines.get(18)).startsWith("2020-06-01,observed,< 5,");
        assertThat(lines.get(16)).startsWith("2020-04-01,observed,80,rise,21.0,");
        assertThat(lines).hasSize(1 + 20 + 6);
        assertThat(lines.get(21)).startsWith("2020-09-01,forecast,");
        assertThat(csv).doesNotContain(",3,", ",2,");
    }
}
