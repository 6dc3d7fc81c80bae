package org.fusioncell.monitoring.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fusioncell.monitoring.trends.svg.BarChart;
import org.fusioncell.monitoring.trends.svg.LineChart;
import org.junit.jupiter.api.Test;

/** Counts from 1 to N − 1 are never written or drawn exactly. */
class SuppressionTest {

    @Test
    void smallCountsAreShownAsLessThanTheThreshold() {
        Suppression s = new Suppression(5);
        assertThat(s.show(0)).isEqualTo("0");
        assertThat(s.show(1)).isEqualTo("< 5");
        assertThat(s.show(4)).isEqualTo("< 5");
        assertThat(s.show(5)).isEqualTo("5");
        assertThat(s.show(2.4)).isEqualTo("< 5");
        assertThat(s.show(0.0)).isEqualTo("0.0");
        assertThat(s.show(12.345)).isEqualTo("12.3");
        assertThat(Suppression.off().show(3)).isEqualTo("3");
        assertThat(new Suppression(1).active()).isFalse();
    }

    @Test
    void theLineChartDrawsSmallCountsInTheBandAndNeverAtTheirValue() {
        TimeSeries series = AnomalyDetectionTest.monthly(40, 3, 38, 41, 2, 39, 40);
        String svg = LineChart.render("c", series, List.of(), null, new Suppression(5),
                new LineChart.Text("t", "d", Map.of()), false);

        assertThat(svg).contains("2016-02: &lt; 5", "2016-05: &lt; 5", "2016-01: 40", "suppressed-band",
                "class=\"point suppressed\"");
        assertThat(svg).doesNotContain(": 3<", ": 2<");
        // the line is broken around the hidden points: three separate runs
        String d = svg.replaceAll("(?s).*<path d=\"([^\"]+)\" class=\"series\".*", "$1");
        assertThat(d.chars().filter(c -> c == 'M').count()).isEqualTo(3);

        String open = LineChart.render("c", series, List.of(), null, Suppression.off(),
                new LineChart.Text("t", "d", Map.of()), false);
        assertThat(open).contains("2016-02: 3").doesNotContain("suppressed");
    }

    @Test
    void barsOfSmallCountsAreAllTheSameHatchedLength() {
        String svg = BarChart.render("b", List.of(new BarChart.Bar("IS", 120), new BarChart.Bar("Small A", 1),
                new BarChart.Bar("Small B", 4)), new Suppression(5), "t", "d", true);
        assertThat(svg).contains("Small A: &lt; 5", "Small B: &lt; 5", "IS: 120", "data-layout=\"rtl\"");
        List<String> widths = svg.lines().flatMap(l -> java.util.regex.Pattern.compile(
                "<rect [^>]*width=\"([0-9.]+)\"[^>]*class=\"bar suppressed\"").matcher(l).results().map(m -> m.group(1)))
                .toList();
        assertThat(widths).hasSize(2).allMatch(w -> w.equals(widths.getFirst()));
    }
}
