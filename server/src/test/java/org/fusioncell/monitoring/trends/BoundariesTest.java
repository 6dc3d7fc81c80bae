package org.fusioncell.monitoring.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fusioncell.monitoring.incidents.IncidentStatistics.PlaceCount;
import org.fusioncell.monitoring.trends.geo.AdminArea;
import org.fusioncell.monitoring.trends.geo.AreaCounts;
import org.fusioncell.monitoring.trends.geo.Boundaries;
import org.fusioncell.monitoring.trends.geo.TopoJson;
import org.fusioncell.monitoring.trends.svg.ChoroplethMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The shipped TopoJSON decoded in Java: areas, names, holes, point in polygon, and the map drawn from it. */
class BoundariesTest {

    private static final Boundaries BOUNDARIES = new Boundaries();

    @Test
    void syriaHasFifteenNamedAreasAndAleppoCityFallsInAleppo() {
        List<AdminArea> syria = BOUNDARIES.country("SYR").orElseThrow();

        assertThat(syria).hasSize(15);
        assertThat(syria).extracting(AdminArea::name).contains("Aleppo", "Dayr Az Zawr", "Damascus", "Rif Dimashq");
        assertThat(syria).extracting(AdminArea::id).contains("SY.HL", "SY.DY");
        assertThat(AreaCounts.at(syria, 37.15, 36.2).name()).isEqualTo("Aleppo");
        assertThat(AreaCounts.at(syria, 40.14, 35.33).name()).isEqualTo("Dayr Az Zawr");
        // Damascus is a hole in Rif Dimashq: the city centre is in Damascus only
        assertThat(syria.stream().filter(a -> a.contains(36.29, 33.51)).map(AdminArea::name).toList())
                .containsExactly("Damascus");
        assertThat(AreaCounts.at(syria, 2.35, 48.85)).isNull();
        assertThat(BOUNDARIES.country("SYR").orElseThrow()).isSameAs(syria);
        assertThat(BOUNDARIES.country("XXX")).isEmpty();
        assertThat(BOUNDARIES.country("../etc")).isEmpty();
    }

    @Test
    void arcsAreDeltaDecodedScaledAndReversedByNegativeIndexes() {
        String topology = """
                {"type":"Topology","transform":{"scale":[0.5,0.25],"translate":[10,20]},
                 "arcs":[[[0,0],[4,0],[0,4]],[[4,4],[-4,0],[0,-4]]],
                 "objects":{"x":{"type":"GeometryCollection","geometries":[
                   {"type":"Polygon","id":"A","properties":{"name":"Square"},"arcs":[[0,1]]},
                   {"type":"Polygon","id":"B","arcs":[[~1, ~0]]},
                   {"type":"LineString","id":"C","arcs":[0]}]}}}
                """.replace("~1", "-2").replace("~0", "-1");
        List<AdminArea> areas = TopoJson.areas(JsonMapper.builder().build().readTree(topology));

        assertThat(areas).extracting(AdminArea::id).containsExactly("A", "B");
        double[][] ring = areas.getFirst().rings().getFirst();
        // (0,0) → (10,20); (4,0) → (12,20); (4,4) → (12,21); (0,4) → (10,21); back to (10,20)
        assertThat(ring).hasNumberOfRows(5);
        assertThat(ring[1]).containsExactly(12.0, 20.0);
        assertThat(ring[2]).containsExactly(12.0, 21.0);
        assertThat(ring[3]).containsExactly(10.0, 21.0);
        assertThat(ring[4]).containsExactly(10.0, 20.0);
        assertThat(areas.getFirst().name()).isEqualTo("Square");
        assertThat(areas.get(1).name()).isEqualTo("B");
        assertThat(areas.get(1).rings().getFirst()[1]).containsExactly(10.0, 21.0);
        assertThat(areas.getFirst().contains(11, 20.5)).isTrue();
        assertThat(areas.getFirst().contains(13, 20.5)).isFalse();
    }

    @Test
    void theMapHasAPathPerAreaWithItsCountAndSmallCountsHidden() {
        List<AdminArea> syria = BOUNDARIES.country("SYR").orElseThrow();
        AreaCounts counts = AreaCounts.of(syria, List.of(
                new PlaceCount("SYR", "Aleppo", 36.2, 37.15, 120, 300),
                new PlaceCount("SYR", "Aleppo", 36.0, 37.5, 30, 2),
                new PlaceCount("SYR", "Deir ez Zor", 35.33, 40.14, 3, 9),
                new PlaceCount("SYR", null, 48.85, 2.35, 2, 0)), false);
        assertThat(counts.byArea()).containsEntry("SY.HL", 150L).containsEntry("SY.DY", 3L).containsEntry("SY.LA", 0L);
        assertThat(counts.unplaced()).isEqualTo(2);

        String svg = ChoroplethMap.render("m", syria, counts.byArea(), new Suppression(5), "Incidents", "Syria",
                false);

        assertThat(Pattern.compile("<path d=\"M").matcher(svg).results().count()).isEqualTo(15);
        assertThat(svg).contains("data-area=\"SY.HL\" data-count=\"150\"", "data-area=\"SY.DY\" data-count=\"&lt; 5\"",
                "data-area=\"SY.LA\" data-count=\"0\"", ">Aleppo<", "<title id=\"m-title\">Incidents</title>",
                "role=\"img\"", "url(#m-hatch)");
        assertThat(svg).doesNotContain(">3<", "data-count=\"3\"");
        // the world file: one area per country by ISO3
        Map<String, String> world = BOUNDARIES.world().stream()
                .collect(java.util.stream.Collectors.toMap(AdminArea::id, AdminArea::name, (a, b) -> a));
        assertThat(world).containsEntry("SYR", "Syria").containsKey("FRA");
    }
}
