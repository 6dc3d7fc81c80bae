package org.fusioncell.monitoring.trends.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fusioncell.monitoring.trends.Anomaly;
import org.fusioncell.monitoring.trends.TimeSeries;
import org.fusioncell.monitoring.trends.svg.BarChart;
import org.fusioncell.monitoring.trends.svg.ChoroplethMap;
import org.fusioncell.monitoring.trends.svg.LineChart;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The dashboard's three drawings, worded in the reader's language and mirrored for Arabic. */
@Component
class TrendsCharts {

    record Drawings(String series, String groups, String map) {
    }

    private final TrendsLabels labels;

    TrendsCharts(TrendsLabels labels) {
        this.labels = labels;
    }

    Drawings draw(TrendsAnalysis.Dashboard d) {
        // the same rule as the layout's dir attribute (the web module is not a dependency of monitoring)
        boolean rtl = "ar".equals(LocaleContextHolder.getLocale().getLanguage());
        TrendsAnalysis.Analysis a = d.analysis();
        TrendsRequest r = a.request();
        String metric = labels.message("trends.metric." + r.metric().name().toLowerCase());
        String per = labels.message("trends.period." + r.period().name().toLowerCase());
        Map<LocalDate, String> notes = new LinkedHashMap<>();
        for (Anomaly anomaly : a.anomalies()) {
            notes.put(anomaly.periodStart(), labels.explain(anomaly, r.period()));
        }
        TimeSeries s = a.series();
        String seriesDesc = s.size() == 0 ? labels.message("trends.empty") : labels.message("trends.series.desc", metric,
                per, labels.period(s.start(0), r.period()), labels.period(s.start(s.size() - 1), r.period()),
                String.valueOf(a.anomalies().size()), String.valueOf(a.forecast() == null ? 0 : a.forecast().steps().size()));
        String series = LineChart.render("series-chart", s, a.anomalies(), a.forecast(), labels.suppression(),
                new LineChart.Text(labels.message("trends.series.title", metric, per), seriesDesc, notes), rtl);
        String groups = BarChart.render("groups-chart", d.groups(), labels.suppression(),
                labels.message("trends.groups.title", metric), labels.message("trends.groups.desc",
                        String.valueOf(d.groups().size())), rtl);
        String map = null;
        if (d.map() != null && !d.map().areas().isEmpty()) {
            String country = labels.country(d.map().country());
            map = ChoroplethMap.render("area-map", d.map().areas(), d.map().counts().byArea(), labels.suppression(),
                    labels.message("trends.map.title", metric, country),
                    labels.message("trends.map.desc", country, String.valueOf(d.map().areas().size())), rtl);
        }
        return new Drawings(series, groups, map);
    }
}
