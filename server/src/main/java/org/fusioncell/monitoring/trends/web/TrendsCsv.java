package org.fusioncell.monitoring.trends.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fusioncell.monitoring.trends.Anomaly;
import org.fusioncell.monitoring.trends.Forecast;
import org.fusioncell.monitoring.trends.Suppression;
import org.fusioncell.monitoring.trends.TimeSeries;

/**
 * The series as CSV (RFC 4180, UTF-8): one row per period with the count, the anomaly's expected value
 * and z when the period is anomalous, then the forecast periods with their interval. A suppressed
 * count is written as "&lt; N"; so is every estimate below N.
 */
final class TrendsCsv {

    private TrendsCsv() {
    }

    static String write(TrendsAnalysis.Analysis a, Suppression suppression) {
        StringWriter out = new StringWriter();
        Map<LocalDate, Anomaly> anomalies = new HashMap<>();
        a.anomalies().forEach(x -> anomalies.put(x.periodStart(), x));
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("period_start", "kind", a.request().metric().name().toLowerCase(), "anomaly", "expected", "z",
                    "forecast_lower", "forecast_upper");
            for (TimeSeries.Point p : a.series().points()) {
                Anomaly x = anomalies.get(p.start());
                csv.printRecord(p.start(), "observed", suppression.show(p.value()),
                        x == null ? "" : x.direction().name().toLowerCase(),
                        x == null ? "" : suppression.show(x.expected()),
                        x == null || suppression.hides(p.value()) ? "" : TrendsLabels.decimal(x.z(), 2), "", "");
            }
            if (a.forecast() != null) {
                for (Forecast.Step s : a.forecast().steps()) {
                    csv.printRecord(s.periodStart(), "forecast", suppression.show(s.mean()), "", "", "",
                            suppression.show(s.lower()), suppression.show(s.upper()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
