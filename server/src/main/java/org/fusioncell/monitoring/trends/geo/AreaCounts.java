package org.fusioncell.monitoring.trends.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.monitoring.incidents.IncidentStatistics.PlaceCount;

/**
 * Counts per area (incidents or fatalities, as asked), each place put in the area whose outline contains it (point in polygon on
 * longitude and latitude). A place on no area (a coastal point just off the simplified outline, a
 * wrong coordinate) is counted apart as {@code unplaced} rather than guessed into a neighbour.
 */
public record AreaCounts(Map<String, Long> byArea, long unplaced) {

    /** @param fatalities count fatalities instead of incidents */
    public static AreaCounts of(List<AdminArea> areas, List<PlaceCount> places, boolean fatalities) {
        Map<String, Long> counts = new LinkedHashMap<>();
        areas.forEach(a -> counts.put(a.id(), 0L));
        long unplaced = 0;
        for (PlaceCount place : places) {
            AdminArea found = null;
            for (AdminArea a : areas) {
                if (a.contains(place.longitude(), place.latitude())) {
                    found = a;
                    break;
                }
            }
            if (found == null) {
                unplaced += fatalities ? place.fatalities() : place.incidents();
            } else {
                counts.merge(found.id(), fatalities ? place.fatalities() : place.incidents(), Long::sum);
            }
        }
        return new AreaCounts(Map.copyOf(counts), unplaced);
    }

    /** The area containing a point, if any. */
    public static AdminArea at(List<AdminArea> areas, double longitude, double latitude) {
        return areas.stream().filter(a -> a.contains(longitude, latitude)).findFirst().orElse(null);
    }
}
