package org.fusioncell.monitoring.trends.svg;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusioncell.monitoring.trends.Suppression;
import org.fusioncell.monitoring.trends.geo.AdminArea;

/**
 * A country's first-level areas coloured by incident count (five classes of a yellow-to-red scale by
 * quantiles of the shown counts; grey for none, hatched for a suppressed count), each labelled with its
 * name and count, and a legend. Equirectangular projection with the longitude scaled by the cosine of
 * the middle latitude: true enough in shape at the scale of one country. One path per area, carrying
 * {@code data-area} (its code) and {@code data-count} (the count as shown).
 */
public final class ChoroplethMap {

    static final double WIDTH = 640;
    private static final double LEGEND = 34;
    private static final String[] COLOURS = {"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"};
    private static final String NONE = "#eeeeee";

    /** A legend class: counts from {@code low} to {@code high}, drawn in {@code colour}. */
    public record Band(long low, long high, String colour) {
    }

    private ChoroplethMap() {
    }

    public static String render(String id, List<AdminArea> areas, Map<String, Long> counts, Suppression suppression,
                                String title, String description, boolean rightToLeft) {
        Rectangle2D box = null;
        for (AdminArea a : areas) {
            box = box == null ? a.bounds() : box.createUnion(a.bounds());
        }
        if (box == null) {
            return new Svg(id, WIDTH, LEGEND, title, description, rightToLeft).end();
        }
        double cos = Math.cos(Math.toRadians(box.getCenterY()));
        double k = (WIDTH - 20) / (box.getWidth() * cos);
        double mapHeight = box.getHeight() * k + 20;
        Projection p = new Projection(box.getMinX(), box.getMaxY(), cos, k);
        Svg svg = new Svg(id, WIDTH, mapHeight + LEGEND, title, description, rightToLeft);
        svg.raw("<defs><pattern id=\"" + id + "-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f4f4f4\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888\" stroke-width=\"2\"/></pattern></defs>");
        List<Band> bands = bands(counts.values().stream().filter(c -> c > 0 && !suppression.hides(c)).toList());
        for (AdminArea a : areas) {
            long count = counts.getOrDefault(a.id(), 0L);
            String fill = count == 0 ? NONE : suppression.hides(count) ? "url(#" + id + "-hatch)" : colour(bands, count);
            String shown = suppression.show(count);
            svg.path(path(a, p), "area", fill, "data-area=\"" + Svg.escape(a.id()) + "\" data-count=\""
                    + Svg.escape(shown) + "\"", a.name() + ": " + shown);
        }
        for (AdminArea a : areas) {
            double[] at = a.labelPoint();
            double x = p.x(at[0]);
            double y = p.y(at[1]);
            svg.text(x, y, "middle", "area-name", a.name());
            svg.text(x, y + 13, "middle", "area-count", suppression.show(counts.getOrDefault(a.id(), 0L)));
        }
        legend(svg, id, bands, suppression, mapHeight, rightToLeft);
        return svg.end();
    }

    private static void legend(Svg svg, String id, List<Band> bands, Suppression suppression, double y, boolean rtl) {
        List<String[]> items = new ArrayList<>();
        items.add(new String[] {NONE, "0"});
        if (suppression.active()) {
            items.add(new String[] {"url(#" + id + "-hatch)", "< " + suppression.below()});
        }
        for (Band b : bands) {
            items.add(new String[] {b.colour(), b.low() == b.high() ? String.valueOf(b.low()) : b.low() + "–" + b.high()});
        }
        double slot = WIDTH / Math.max(items.size(), 7);
        for (int i = 0; i < items.size(); i++) {
            double x = rtl ? WIDTH - (i + 1) * slot : i * slot + 4;
            svg.rect(x, y + 8, 16, 14, "legend-swatch", items.get(i)[0], null);
            svg.text(x + 20, y + 20, "start", "legend-label", items.get(i)[1]);
        }
    }

    /** Up to five classes by quantiles of the counts shown; a class never splits equal counts. */
    static List<Band> bands(List<Long> shown) {
        List<Long> sorted = shown.stream().sorted().toList();
        List<Band> bands = new ArrayList<>();
        if (sorted.isEmpty()) {
            return bands;
        }
        int classes = Math.min(COLOURS.length, sorted.size());
        int from = 0;
        for (int c = 0; c < classes && from < sorted.size(); c++) {
            int to = Math.max(from, (int) Math.ceil((c + 1) * sorted.size() / (double) classes) - 1);
            while (to + 1 < sorted.size() && sorted.get(to + 1).equals(sorted.get(to))) {
                to++;
            }
            bands.add(new Band(sorted.get(from), sorted.get(to), COLOURS[bands.size()]));
            from = to + 1;
        }
        return bands;
    }

    private static String colour(List<Band> bands, long count) {
        for (Band b : bands) {
            if (count <= b.high()) {
                return b.colour();
            }
        }
        return bands.isEmpty() ? NONE : bands.getLast().colour();
    }

    private static String path(AdminArea area, Projection p) {
        StringBuilder d = new StringBuilder();
        for (double[][] ring : area.rings()) {
            for (int i = 0; i < ring.length; i++) {
                d.append(i == 0 ? 'M' : 'L').append(Svg.n(p.x(ring[i][0]))).append(',').append(Svg.n(p.y(ring[i][1])));
            }
            d.append('Z');
        }
        return d.toString();
    }

    private record Projection(double west, double north, double cos, double k) {

        double x(double longitude) {
            return 10 + (longitude - west) * cos * k;
        }

        double y(double latitude) {
            return 10 + (north - latitude) * k;
        }
    }
}
