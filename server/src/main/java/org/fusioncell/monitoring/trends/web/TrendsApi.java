package org.fusioncell.monitoring.trends.web;

import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.trends.Suppression;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/trends}: the series, its anomalies with their explanation as data, and the forecast
 * with its method and backtest, for the incidents the caller may see (openapi/trends.yaml). Small
 * counts are suppressed as on the pages.
 */
@RestController
@RequestMapping("/api/v1/trends")
class TrendsApi {

    private final TrendsAnalysis trends;
    private final Readers readers;

    TrendsApi(TrendsAnalysis trends, Readers readers) {
        this.trends = trends;
        this.readers = readers;
    }

    @GetMapping("/series")
    TrendsViews.SeriesView series(@RequestParam(required = false) String country,
                                  @RequestParam(required = false) String admin1,
                                  @RequestParam(required = false) String attackType,
                                  @RequestParam(required = false) String group,
                                  @RequestParam(required = false) String period,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String metric) {
        TrendsRequest r = TrendsRequest.parse(country, admin1, attackType, group, period, from, to, metric, null);
        return TrendsViews.SeriesView.of(trends.analyse(readers.current(), r, "series"), suppression());
    }

    @GetMapping("/anomalies")
    TrendsViews.AnomaliesView anomalies(@RequestParam(required = false) String country,
                                        @RequestParam(required = false) String admin1,
                                        @RequestParam(required = false) String attackType,
                                        @RequestParam(required = false) String group,
                                        @RequestParam(required = false) String period,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String metric) {
        TrendsRequest r = TrendsRequest.parse(country, admin1, attackType, group, period, from, to, metric, null);
        TrendsAnalysis.Analysis a = trends.analyse(readers.current(), r, "anomalies");
        Suppression s = suppression();
        var detection = trends.settings().detection();
        return new TrendsViews.AnomaliesView(TrendsViews.name(r.period()), TrendsViews.name(r.metric()), s.below(),
                detection.threshold(), detection.minCount(),
                a.anomalies().stream().map(x -> TrendsViews.AnomalyView.of(x, s)).toList());
    }

    @GetMapping("/forecast")
    TrendsViews.ForecastView forecast(@RequestParam(required = false) String country,
                                      @RequestParam(required = false) String admin1,
                                      @RequestParam(required = false) String attackType,
                                      @RequestParam(required = false) String group,
                                      @RequestParam(required = false) String period,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String metric,
                                      @RequestParam(required = false) String horizon) {
        TrendsRequest r = TrendsRequest.parse(country, admin1, attackType, group, period, from, to, metric, horizon);
        return TrendsViews.ForecastView.of(trends.analyse(readers.current(), r, "forecast"), suppression());
    }


    private Suppression suppression() {
        return trends.settings().suppression();
    }
}
