package org.fusioncell.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an area as written (a watch's, a search's): a GeoJSON {@code Polygon} geometry (one outer ring; holes and
 * multi-polygons refused) or a circle ({@code latitude}, {@code longitude}, {@code radiusKm}). Every
 * refusal names the field, and the position when a point is at fault.
 */
public final class AreaReading {

    static final int MAX_POINTS = 2000;
    static final double MAX_RADIUS_KM = 2000;

    private AreaReading() {
    }

    public static Area read(Map<String, Object> criterion, String field) {
        Object geometry = criterion.get("geometry");
        if (geometry != null) {
            return polygon(geometry, field + ".geometry");
        }
        if (criterion.containsKey("latitude") || criterion.containsKey("longitude") || criterion.containsKey("radiusKm")) {
            double lat = number(criterion.get("latitude"), field + ".latitude");
            double lon = number(criterion.get("longitude"), field + ".longitude");
            double radius = number(criterion.get("radiusKm"), field + ".radiusKm");
            latitude(lat, field + ".latitude");
            longitude(lon, field + ".longitude");
            if (radius <= 0 || radius > MAX_RADIUS_KM) {
                throw new InvalidInputException(field + ".radiusKm", "must be more than 0 and at most " + (int) MAX_RADIUS_KM + " km");
            }
            return new Area.Circle(lat, lon, radius);
        }
        throw new InvalidInputException(field, "give a GeoJSON Polygon as geometry, or latitude, longitude and radiusKm");
    }

    private static Area polygon(Object geometry, String field) {
        if (!(geometry instanceof Map<?, ?> g)) {
            throw new InvalidInputException(field, "must be a GeoJSON geometry object");
        }
        if (!"Polygon".equals(g.get("type"))) {
            throw new InvalidInputException(field + ".type", "must be Polygon (one area with one outer ring)");
        }
        if (!(g.get("coordinates") instanceof List<?> rings) || rings.isEmpty()) {
            throw new InvalidInputException(field + ".coordinates", "must be a list holding one ring of positions");
        }
        if (rings.size() > 1) {
            throw new InvalidInputException(field + ".coordinates", "holes are not supported: give one outer ring");
        }
        if (!(rings.getFirst() instanceof List<?> positions)) {
            throw new InvalidInputException(field + ".coordinates[0]", "must be a list of [longitude, latitude] positions");
        }
        String ringField = field + ".coordinates[0]";
        if (positions.size() < 4 || positions.size() > MAX_POINTS) {
            throw new InvalidInputException(ringField, "a ring needs 4 to " + MAX_POINTS + " positions, the last equal to the first");
        }
        List<double[]> ring = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            String at = ringField + "[" + i + "]";
            if (!(positions.get(i) instanceof List<?> p) || p.size() < 2) {
                throw new InvalidInputException(at, "must be [longitude, latitude]");
            }
            double lon = number(p.get(0), at + "[0]");
            double lat = number(p.get(1), at + "[1]");
            longitude(lon, at + "[0]");
            latitude(lat, at + "[1]");
            ring.add(new double[] {lon, lat});
        }
        double[] first = ring.getFirst();
        double[] last = ring.getLast();
        if (first[0] != last[0] || first[1] != last[1]) {
            throw new InvalidInputException(ringField, "the ring is not closed: its last position must equal its first");
        }
        if (Math.abs(signedArea(ring)) < 1e-12) {
            throw new InvalidInputException(ringField, "the ring encloses no area");
        }
        int[] crossing = selfIntersection(ring);
        if (crossing != null) {
            throw new InvalidInputException(ringField, "the ring crosses itself: edge " + crossing[0] + " crosses edge "
                    + crossing[1]);
        }
        return new Area.Polygon(ring);
    }

    private static double number(Object value, String field) {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                double d = Double.parseDouble(s.strip());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // answered below
            }
        }
        throw new InvalidInputException(field, "must be a number");
    }

    private static void latitude(double lat, String field) {
        if (lat < -90 || lat > 90) {
            throw new InvalidInputException(field, "a latitude must be between -90 and 90");
        }
    }

    private static void longitude(double lon, String field) {
        if (lon < -180 || lon > 180) {
            throw new InvalidInputException(field, "a longitude must be between -180 and 180");
        }
    }

    private static double signedArea(List<double[]> ring) {
        double sum = 0;
        for (int i = 0; i < ring.size() - 1; i++) {
            sum += ring.get(i)[0] * ring.get(i + 1)[1] - ring.get(i + 1)[0] * ring.get(i)[1];
        }
        return sum / 2;
    }

    /** The first pair of non-adjacent edges that cross, or null (O(n²), n ≤ {@link #MAX_POINTS}). */
    private static int[] selfIntersection(List<double[]> ring) {
        int edges = ring.size() - 1;
        for (int i = 0; i < edges; i++) {
            for (int j = i + 2; j < edges; j++) {
                if (i == 0 && j == edges - 1) {
                    continue; // the closing edge touches the first one at the shared point
                }
                if (cross(ring.get(i), ring.get(i + 1), ring.get(j), ring.get(j + 1))) {
                    return new int[] {i, j};
                }
            }
        }
        return null;
    }

    private static boolean cross(double[] a, double[] b, double[] c, double[] d) {
        double d1 = orient(c, d, a);
        double d2 = orient(c, d, b);
        double d3 = orient(a, b, c);
        double d4 = orient(a, b, d);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }

    private static double orient(double[] p, double[] q, double[] r) {
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
    }
}
