package org.fusioncell.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The area filter of search: reports placed within a distance of a point, or inside a polygon, and only those
 * the reader may see — a hidden report in the area is neither found nor counted; unplaced reports never match an
 * area; a malformed point, radius or polygon is refused naming the parameter.
 */
@FusionCellTest
class SearchAreaTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsAreFoundByWhereTheyHappenedWithinTheAccessFilter() throws Exception {
        BearerApi api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule nationale de fusion", OrganisationType.STATE_AGENCY, "MR");
        String police = fx.organisation("الشرطة الوطنية", OrganisationType.STATE_AGENCY, "MR");
        String analyst = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String policeAnalyst = fx.token(fx.user(police, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String tag = "zone" + Long.toString(System.nanoTime(), 36);

        report(api, analyst, tag + " تجمع مسلحين قرب ميناء نواكشوط", 18.08, -15.97);
        report(api, analyst, tag + " Véhicule suspect à Néma", 16.61, -7.26);
        report(api, analyst, tag + " Réunion signalée à Bamako", 12.64, -8.00);
        report(api, analyst, tag + " Rumeur sans lieu précis", null, null);
        report(api, policeAnalyst, tag + " Note de la police à Nouakchott", 18.09, -15.98); // not the cell's to see

        String base = "/api/v1/search?q=" + tag;
        awaitTotal(api, analyst, base, 4);
        assertThat(titles(api, analyst, base + "&near=18.08,-15.97&radiusKm=50"))
                .containsExactly(tag + " تجمع مسلحين قرب ميناء نواكشوط");
        assertThat(api.get(analyst, base + "&near=18.08,-15.97&radiusKm=50", 200).get("total").asLong()).isEqualTo(1);
        assertThat(api.get(policeAnalyst, base + "&near=18.08,-15.97&radiusKm=50", 200).get("total").asLong()).isEqualTo(1);
        // eastern Mauritania (Hodh Ech Chargui) as a GeoJSON-ordered polygon: Néma, not Bamako, not Nouakchott
        String east = "-9 15.3, -5.3 15.3, -5.3 17.5, -9 17.5, -9 15.3";
        assertThat(titles(api, analyst, base + "&within=" + east.replace(" ", "%20")))
                .containsExactly(tag + " Véhicule suspect à Néma");
        assertThat(titles(api, analyst, base + "&near=15,-10&radiusKm=1000")).hasSize(3)
                .doesNotContain(tag + " Rumeur sans lieu précis");

        expectRefused(api, analyst, base + "&near=nouakchott&radiusKm=10", "near");
        expectRefused(api, analyst, base + "&near=18.08,-15.97", "radiusKm");
        expectRefused(api, analyst, base + "&near=95,-15.97&radiusKm=10", "near.latitude");
        expectRefused(api, analyst, base + "&near=18.08,-15.97&radiusKm=5000", "near.radiusKm");
        expectRefused(api, analyst, base + "&within=-9%2015,-5%2015,-9%2015", "within.geometry.coordinates[0]");
        expectRefused(api, analyst, base + "&within=-9%2015,-5%2015,-5%2017,-9%2016", "within.geometry.coordinates[0]");
        expectRefused(api, analyst, base + "&near=18,-15&radiusKm=5&within=-9%2015,-5%2015,-5%2017,-9%2015", "within");
    }

    private static void report(BearerApi api, String token, String title, Double lat, Double lon) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "body", title,
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2),
                "marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER")));
        if (lat != null) {
            body.put("place", Map.of("name", title, "latitude", lat, "longitude", lon));
        }
        BearerApi.created(api.send(token, "/api/v1/reports", body));
    }

    private static List<String> titles(BearerApi api, String token, String path) throws Exception {
        List<String> out = new ArrayList<>();
        api.get(token, path, 200).get("items").forEach(h -> out.add(h.get("title").asString()));
        return out;
    }

    private static void expectRefused(BearerApi api, String token, String path, String field) throws Exception {
        HttpResponse<String> r = api.fetch(token, path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(r.body()).get("field").asString()).isEqualTo(field);
    }

    private static void awaitTotal(BearerApi api, String token, String path, long n) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        JsonNode r = api.get(token, path, 200);
        while (r.get("total").asLong() < n && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            r = api.get(token, path, 200);
        }
        assertThat(r.get("total").asLong()).isEqualTo(n);
    }
}
