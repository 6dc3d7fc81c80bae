package org.fusioncell.monitoring.trends.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.monitoring.incidents.IncidentStatistics;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Grouping;
import org.fusioncell.monitoring.incidents.IncidentStatistics.IncidentCount;
import org.fusioncell.monitoring.trends.Anomaly;
import org.fusioncell.monitoring.trends.Forecast;
import org.fusioncell.monitoring.trends.TimeSeries;
import org.fusioncell.monitoring.trends.TimeSeries.Metric;
import org.fusioncell.monitoring.trends.geo.AdminArea;
import org.fusioncell.monitoring.trends.geo.AreaCounts;
import org.fusioncell.monitoring.trends.geo.Boundaries;
import org.fusioncell.monitoring.trends.svg.BarChart;
import org.springframework.stereotype.Component;

/**
 * The trends of what a reader may see: reads the aggregates through {@link IncidentStatistics} only
 * (computed under the reader's access predicate, so hidden incidents are never counted), turns them
 * into a whole-period series, its anomalies and its forecast, the leading groups and the map counts,
 * and records one audit entry per view.
 */
@Component
public class TrendsAnalysis {

    public record Analysis(TrendsRequest request, TimeSeries series, List<Anomaly> anomalies, Forecast forecast) {
    }

    /** The map of one country: its areas, their counts, and the places on no area. */
    public record CountryMap(String country, List<AdminArea> areas, AreaCounts counts) {
    }

    public record Options(List<String> countries, List<String> admin1s, List<String> attackTypes,
                          List<String> groups) {
    }

    public record Dashboard(Analysis analysis, List<BarChart.Bar> groups, CountryMap map, Options options) {
    }

    private static final int OPTION_LIMIT = 200;

    private final IncidentStatistics statistics;
    private final TrendsSettings settings;
    private final Boundaries boundaries;
    private final AuditLog audit;
    private final Clock clock;

    TrendsAnalysis(IncidentStatistics statistics, TrendsSettings settings, Boundaries boundaries, AuditLog audit,
                   Clock clock) {
        this.statistics = statistics;
        this.settings = settings;
        this.boundaries = boundaries;
        this.audit = audit;
        this.clock = clock;
    }

    public TrendsSettings settings() {
        return settings;
    }

    public Boundaries boundaries() {
        return boundaries;
    }

    /** Series, anomalies and forecast for the filters; {@code view} names the request in the audit log. */
    public Analysis analyse(Reader reader, TrendsRequest request, String view) {
        Analysis analysis = analysis(reader, request);
        audit(reader, request, view, analysis.series().size());
        return analysis;
    }

    public Dashboard dashboard(Reader reader, TrendsRequest request) {
        Analysis analysis = analysis(reader, request);
        TrendsRequest dates = new TrendsRequest(null, null, null, null, request.period(), request.from(),
                request.to(), request.metric(), null);
        List<String> countries = keys(statistics.counts(reader, dates.filter(), Grouping.COUNTRY, request.period()),
                request.metric());
        String mapCountry = request.country() != null ? request.country() : countries.isEmpty() ? null : countries.getFirst();
        TrendsRequest inCountry = dates.withCountry(mapCountry);
        Options options = new Options(countries.stream().sorted().toList(),
                sorted(keys(statistics.counts(reader, inCountry.filter(), Grouping.ADMIN1, request.period()), request.metric())),
                sorted(keys(statistics.counts(reader, inCountry.filter(), Grouping.ATTACK_TYPE, request.period()),
                        request.metric())),
                sorted(keys(statistics.counts(reader, inCountry.filter(), Grouping.PERPETRATOR_GROUP, request.period()),
                        request.metric())));
        List<BarChart.Bar> groups = totals(statistics.counts(reader, request.filter(), Grouping.PERPETRATOR_GROUP,
                request.period()), request.metric()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(settings.groupsShown()).map(e -> new BarChart.Bar(e.getKey(), e.getValue())).toList();
        CountryMap map = null;
        if (mapCountry != null) {
            List<AdminArea> areas = boundaries.country(mapCountry).orElse(List.of());
            map = new CountryMap(mapCountry, areas, AreaCounts.of(areas,
                    statistics.places(reader, request.withCountry(mapCountry).filter()), request.metric() == Metric.FATALITIES));
        }
        audit(reader, request, "dashboard", analysis.series().size());
        return new Dashboard(analysis, groups, map, options);
    }

    private Analysis analysis(Reader reader, TrendsRequest request) {
        List<IncidentCount> counts = statistics.counts(reader, request.filter(), Grouping.NONE, request.period());
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        LocalDate lastDay = request.to() == null || request.to().isAfter(yesterday) ? yesterday : request.to();
        LocalDate end = request.to() == null || request.to().isAfter(yesterday) ? null : request.to();
        TimeSeries series = TimeSeries.of(counts, request.period(), request.metric(), request.from(), end)
                .whole(request.from(), lastDay);
        return new Analysis(request, series, settings.detection().detect(series),
                settings.forecasting(request.horizon()).forecast(series));
    }

    private void audit(Reader reader, TrendsRequest request, String view, int periods) {
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), "incident-statistics",
                List.of()).withPurpose(reader.purpose()).withDetails(Map.of("view", "trends " + view,
                "filters", request.filtersSet(), "periods", String.valueOf(periods))));
    }

    /** Counts summed per key, over all periods. */
    static Map<String, Long> totals(List<IncidentCount> counts, Metric metric) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (IncidentCount c : counts) {
            if (c.key() != null && !c.key().isBlank()) {
                totals.merge(c.key(), metric == Metric.FATALITIES ? c.fatalities() : c.incidents(), Long::sum);
            }
        }
        return totals;
    }

    /** Keys by total, largest first (at most {@link #OPTION_LIMIT}). */
    private static List<String> keys(List<IncidentCount> counts, Metric metric) {
        return totals(counts, metric).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(OPTION_LIMIT).map(Map.Entry::getKey).toList();
    }

    private static List<String> sorted(List<String> keys) {
        return keys.stream().sorted(Comparator.comparing(String::toLowerCase)).toList();
    }
}
