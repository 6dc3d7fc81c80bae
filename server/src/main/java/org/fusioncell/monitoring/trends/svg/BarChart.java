package org.fusioncell.monitoring.trends.svg;

import java.util.List;
import org.fusioncell.monitoring.trends.Suppression;

/**
 * Counts by group (e.g. the most active perpetrator groups) as horizontal bars, largest first. In Arabic
 * the names stand on the right and the bars grow leftwards. A suppressed count is a hatched bar up to
 * the threshold labelled "&lt; N", the same for every small count.
 */
public final class BarChart {

    static final double WIDTH = 760;
    private static final double ROW = 26;
    private static final double LABELS = 230;
    private static final double VALUE = 56;
    private static final int LONGEST_NAME = 32;

    public record Bar(String label, long value) {
    }

    private BarChart() {
    }

    public static String render(String id, List<Bar> bars, Suppression suppression, String title, String description,
                                boolean rightToLeft) {
        double height = Math.max(ROW, bars.size() * ROW) + 8;
        Svg svg = new Svg(id, WIDTH, height, title, description, rightToLeft);
        double max = suppression.below();
        for (Bar b : bars) {
            max = Math.max(max, b.value());
        }
        double room = WIDTH - LABELS - VALUE - 16;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            boolean hidden = suppression.hides(b.value());
            double length = room * (hidden ? suppression.below() : b.value()) / max;
            double y = 4 + i * ROW;
            String name = b.label().length() > LONGEST_NAME ? b.label().substring(0, LONGEST_NAME - 1) + "…" : b.label();
            String shown = suppression.show(b.value());
            String cssClass = hidden ? "bar suppressed" : "bar";
            if (rightToLeft) {
                double barEnd = WIDTH - LABELS - 8;
                svg.text(WIDTH - 4, y + ROW * 0.65, "end", "bar-label", name);
                svg.rect(barEnd - length, y + 4, length, ROW - 8, cssClass, null, b.label() + ": " + shown);
                svg.text(barEnd - length - 6, y + ROW * 0.65, "end", "bar-value", shown);
            } else {
                double barStart = LABELS + 8;
                svg.text(4, y + ROW * 0.65, "start", "bar-label", name);
                svg.rect(barStart, y + 4, length, ROW - 8, cssClass, null, b.label() + ": " + shown);
                svg.text(barStart + length + 6, y + ROW * 0.65, "start", "bar-value", shown);
            }
        }
        return svg.end();
    }
}
