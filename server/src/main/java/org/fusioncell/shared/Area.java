package org.fusioncell.shared;

import java.util.List;

/**
 * A geographic area (what a watch covers, where a search looks): a circle (centre and radius on the sphere) or a simple polygon
 * (one outer ring of longitude/latitude points, as in GeoJSON). Validated when the watch is saved.
 */
public sealed interface Area {

    double EARTH_RADIUS_KM = 6371.0088;

    boolean contains(double latitude, double longitude);

    /** The bounding box as {minLatitude, minLongitude, maxLatitude, maxLongitude}. */
    double[] bounds();

    record Circle(double latitude, double longitude, double radiusKm) implements Area {
        @Override
        public boolean contains(double lat, double lon) {
            return distanceKm(latitude, longitude, lat, lon) <= radiusKm;
        }

        @Override
        public double[] bounds() {
            double dLat = Math.toDegrees(radiusKm / EARTH_RADIUS_KM);
            double cos = Math.cos(Math.toRadians(latitude));
            double dLon = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
            return new double[] {latitude - dLat, longitude - dLon, latitude + dLat, longitude + dLon};
        }
    }

    /** {@code ring}: points as {longitude, latitude}, closed (first equals last). */
    record Polygon(List<double[]> ring) implements Area {
        public Polygon {
            ring = List.copyOf(ring);
        }

        @Override
        public boolean contains(double lat, double lon) {
            boolean inside = false;
            for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                double xi = ring.get(i)[0];
                double yi = ring.get(i)[1];
                double xj = ring.get(j)[0];
                double yj = ring.get(j)[1];
                if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
            return inside;
        }

        @Override
        public double[] bounds() {
            double[] b = {90, 180, -90, -180};
            for (double[] p : ring) {
                b[0] = Math.min(b[0], p[1]);
                b[1] = Math.min(b[1], p[0]);
                b[2] = Math.max(b[2], p[1]);
                b[3] = Math.max(b[3], p[0]);
            }
            return b;
        }
    }

    /** Great-circle distance (haversine). */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
