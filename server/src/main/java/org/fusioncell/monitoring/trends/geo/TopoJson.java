package org.fusioncell.monitoring.trends.geo;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Decodes a TopoJSON topology (https://github.com/topojson/topojson-specification) into areas: arcs
 * are shared boundary lines, quantized (integers to be scaled and translated by the topology's
 * {@code transform}) and delta-encoded (each position after the first is an offset from the previous
 * one); a geometry lists arc indexes per ring, a negative index {@code ~i} (that is, −i − 1) meaning arc
 * {@code i} walked backwards. Polygons and multipolygons are read; other geometry types and geometries
 * without arcs are skipped. Plain Java over a Jackson tree.
 */
public final class TopoJson {

    private TopoJson() {
    }

    /** Every polygonal geometry of every object in the topology, in file order. */
    public static List<AdminArea> areas(JsonNode topology) {
        List<double[][]> arcs = arcs(topology);
        List<AdminArea> areas = new ArrayList<>();
        for (JsonNode object : topology.path("objects").values()) {
            JsonNode geometries = object.has("geometries") ? object.get("geometries") : null;
            for (JsonNode geometry : geometries == null ? List.of(object) : geometries.values()) {
                List<double[][]> rings = rings(geometry, arcs);
                if (!rings.isEmpty()) {
                    String id = geometry.path("id").asString("");
                    areas.add(AdminArea.of(id, geometry.path("properties").path("name").asString(id), rings));
                }
            }
        }
        return areas;
    }

    /** All arcs as absolute (longitude, latitude) points. */
    static List<double[][]> arcs(JsonNode topology) {
        JsonNode transform = topology.path("transform");
        boolean quantized = transform.has("scale");
        double sx = quantized ? transform.get("scale").get(0).asDouble() : 1;
        double sy = quantized ? transform.get("scale").get(1).asDouble() : 1;
        double tx = quantized ? transform.get("translate").get(0).asDouble() : 0;
        double ty = quantized ? transform.get("translate").get(1).asDouble() : 0;
        List<double[][]> arcs = new ArrayList<>();
        for (JsonNode arc : topology.path("arcs").values()) {
            double[][] points = new double[arc.size()][];
            double x = 0;
            double y = 0;
            int i = 0;
            for (JsonNode position : arc.values()) {
                if (quantized) {
                    x += position.get(0).asDouble();
                    y += position.get(1).asDouble();
                    points[i++] = new double[] {x * sx + tx, y * sy + ty};
                } else {
                    points[i++] = new double[] {position.get(0).asDouble(), position.get(1).asDouble()};
                }
            }
            arcs.add(points);
        }
        return arcs;
    }

    private static List<double[][]> rings(JsonNode geometry, List<double[][]> arcs) {
        List<double[][]> rings = new ArrayList<>();
        JsonNode arcIndexes = geometry.path("arcs");
        switch (geometry.path("type").asString("")) {
            case "Polygon" -> arcIndexes.values().forEach(ring -> rings.add(ring(ring, arcs)));
            case "MultiPolygon" -> arcIndexes.values().forEach(
                    polygon -> polygon.values().forEach(ring -> rings.add(ring(ring, arcs))));
            default -> {
                // points and lines carry no area to colour
            }
        }
        rings.removeIf(r -> r.length < 3);
        return rings;
    }

    /** Joins a ring's arcs; each arc after the first starts where the previous ended, so that point is dropped. */
    static double[][] ring(JsonNode indexes, List<double[][]> arcs) {
        List<double[]> points = new ArrayList<>();
        for (JsonNode index : indexes.values()) {
            int i = index.asInt();
            double[][] arc = arcs.get(i >= 0 ? i : ~i);
            for (int k = 0; k < arc.length; k++) {
                double[] p = arc[i >= 0 ? k : arc.length - 1 - k];
                if (k > 0 || points.isEmpty()) {
                    points.add(p);
                }
            }
        }
        return points.toArray(double[][]::new);
    }
}
