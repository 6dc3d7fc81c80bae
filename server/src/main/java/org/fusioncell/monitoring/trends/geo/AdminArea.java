package org.fusioncell.monitoring.trends.geo;

import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * One first-level administrative area (or a country, in the world file): its code, its name as the
 * boundary file gives it, and its outline as closed rings of (longitude, latitude) points. Holes and
 * islands are rings too: containment uses the even-odd rule, so a hole (Damascus inside Rif Dimashq) is
 * outside the area that surrounds it.
 */
public record AdminArea(String id, String name, List<double[][]> rings, Path2D.Double outline) {

    public AdminArea {
        rings = List.copyOf(rings);
    }

    static AdminArea of(String id, String name, List<double[][]> rings) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (double[][] ring : rings) {
            path.moveTo(ring[0][0], ring[0][1]);
            for (int i = 1; i < ring.length; i++) {
                path.lineTo(ring[i][0], ring[i][1]);
            }
            path.closePath();
        }
        return new AdminArea(id, name, rings, path);
    }

    public boolean contains(double longitude, double latitude) {
        return outline.contains(longitude, latitude);
    }

    public Rectangle2D bounds() {
        return outline.getBounds2D();
    }

    /**
     * A point for the area's label: the centroid of its largest ring (by the shoelace area), or the
     * middle of that ring's bounds when the centroid falls outside the area (a crescent).
     */
    public double[] labelPoint() {
        double[][] largest = null;
        double largestArea = -1;
        for (double[][] ring : rings) {
            double a = Math.abs(signedArea(ring));
            if (a > largestArea) {
                largestArea = a;
                largest = ring;
            }
        }
        if (largest == null || largestArea == 0) {
            Rectangle2D b = bounds();
            return new double[] {b.getCenterX(), b.getCenterY()};
        }
        double cx = 0;
        double cy = 0;
        double twiceArea = 0;
        for (int i = 0; i < largest.length; i++) {
            double[] p = largest[i];
            double[] q = largest[(i + 1) % largest.length];
            double cross = p[0] * q[1] - q[0] * p[1];
            twiceArea += cross;
            cx += (p[0] + q[0]) * cross;
            cy += (p[1] + q[1]) * cross;
        }
        double[] centroid = {cx / (3 * twiceArea), cy / (3 * twiceArea)};
        if (contains(centroid[0], centroid[1])) {
            return centroid;
        }
        Path2D.Double ring = new Path2D.Double();
        ring.moveTo(largest[0][0], largest[0][1]);
        for (double[] p : largest) {
            ring.lineTo(p[0], p[1]);
        }
        Rectangle2D b = ring.getBounds2D();
        return new double[] {b.getCenterX(), b.getCenterY()};
    }

    private static double signedArea(double[][] ring) {
        double s = 0;
        for (int i = 0; i < ring.length; i++) {
            double[] p = ring[i];
            double[] q = ring[(i + 1) % ring.length];
            s += p[0] * q[1] - q[0] * p[1];
        }
        return s / 2;
    }
}
