package org.fusioncell.monitoring.trends.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /trends}: the dashboard (filters, the series with its anomalies and forecast, the leading
 * groups, the map of the country, the anomalies explained) and {@code /trends/series.csv}. Open to
 * every signed-in user: the counts are those of the incidents the reader may see.
 */
@Controller
@RequestMapping("/trends")
class TrendsPages {

    private final TrendsAnalysis trends;
    private final TrendsCharts charts;
    private final Readers readers;

    TrendsPages(TrendsAnalysis trends, TrendsCharts charts, Readers readers) {
        this.trends = trends;
        this.charts = charts;
        this.readers = readers;
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) String country, @RequestParam(required = false) String admin1,
                     @RequestParam(required = false) String attackType, @RequestParam(required = false) String group,
                     @RequestParam(required = false) String period, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(required = false) String metric,
                     Model model, HttpServletResponse response) {
        TrendsRequest request;
        try {
            request = TrendsRequest.parse(country, admin1, attackType, group, period, from, to, metric, null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", e.field());
            model.addAttribute("req", TrendsRequest.defaults());
            return "trends/trends";
        }
        model.addAttribute("req", request);
        TrendsAnalysis.Dashboard d = trends.dashboard(readers.current(), request);
        model.addAttribute("d", d);
        model.addAttribute("drawings", charts.draw(d));
        model.addAttribute("csvHref", link("/trends/series.csv", request));
        return "trends/trends";
    }

    @GetMapping("/series.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String country,
                               @RequestParam(required = false) String admin1,
                               @RequestParam(required = false) String attackType,
                               @RequestParam(required = false) String group,
                               @RequestParam(required = false) String period, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String metric) {
        TrendsRequest request;
        try {
            request = TrendsRequest.parse(country, admin1, attackType, group, period, from, to, metric, null);
        } catch (InvalidInputException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
        }
        TrendsAnalysis.Analysis a = trends.analyse(readers.current(), request, "csv");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("trends-" + request.period().name().toLowerCase() + ".csv").build().toString())
                .body(TrendsCsv.write(a, trends.settings().suppression()));
    }


    static String link(String path, TrendsRequest request) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        request.parameters().forEach(b::queryParam);
        return b.encode().build().toUriString();
    }
}
