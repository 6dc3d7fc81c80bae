package org.fusioncell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Watches through the API: bad input named precisely with nothing saved; a watch is its owner's. */
@FusionCellTest
class WatchesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private MonitoringClient api;
    private String owner;
    private String colleague;
    private String outsider;
    private String otherOrg;

    @BeforeEach
    void world() {
        api = new MonitoringClient(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        otherOrg = fx.organisation(OrganisationType.STATE_AGENCY);
        owner = fx.token(fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        colleague = fx.token(fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        outsider = fx.token(fx.user(otherOrg, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
    }

    private String refusedField(Map<String, Object> criterion, Map<String, Object> more) throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM monitoring_watch").query(Long.class).single();
        Map<String, Object> body = new java.util.HashMap<>(more);
        body.put("name", "w");
        body.put("criterion", criterion);
        HttpResponse<String> r = api.post(owner, "/api/v1/watches", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_watch").query(Long.class).single()).isEqualTo(before);
        return MonitoringClient.JSON.readTree(r.body()).get("field").asString();
    }

    private static Map<String, Object> polygon(List<List<Double>> ring) {
        return Map.of("kind", "area", "geometry", Map.of("type", "Polygon", "coordinates", List.of(ring)));
    }

    @Test
    void invalidGeometryIsRefusedNamingThePointOrRingAtFault() throws Exception {
        assertThat(refusedField(polygon(List.of(List.of(-16.0, 18.0), List.of(-15.0, 18.0), List.of(-15.0, 19.0),
                List.of(-16.0, 18.5))), Map.of())).isEqualTo("criterion.geometry.coordinates[0]"); // not closed
        assertThat(refusedField(polygon(List.of(List.of(-16.0, 18.0), List.of(-15.0, 19.0), List.of(-15.0, 18.0),
                List.of(-16.0, 19.0), List.of(-16.0, 18.0))), Map.of())).isEqualTo("criterion.geometry.coordinates[0]"); // bow tie
        assertThat(refusedField(polygon(List.of(List.of(-16.0, 18.0), List.of(-15.0, 95.0), List.of(-15.0, 19.0),
                List.of(-16.0, 18.0))), Map.of())).isEqualTo("criterion.geometry.coordinates[0][1][1]");
        assertThat(refusedField(Map.of("kind", "area", "geometry", Map.of("type", "MultiPolygon", "coordinates", List.of())),
                Map.of())).isEqualTo("criterion.geometry.type");
        assertThat(refusedField(Map.of("kind", "area", "latitude", 18.0, "longitude", -15.9, "radiusKm", 0), Map.of()))
                .isEqualTo("criterion.radiusKm");
        assertThat(refusedField(Map.of("kind", "area", "latitude", "north", "longitude", -15.9, "radiusKm", 5), Map.of()))
                .isEqualTo("criterion.latitude");
    }

    @Test
    void otherBadCriteriaAreNamed() throws Exception {
        assertThat(refusedField(Map.of("kind", "colour"), Map.of())).isEqualTo("criterion.kind");
        assertThat(refusedField(Map.of("kind", "text", "query", ""), Map.of())).isEqualTo("criterion.query");
        assertThat(refusedField(Map.of("kind", "tag", "tag", "threat-type:unicorns"), Map.of())).isEqualTo("criterion.tag");
        assertThat(refusedField(Map.of("kind", "name", "name", "12345"), Map.of())).isEqualTo("criterion.name");
        assertThat(refusedField(Map.of("kind", "identifier", "type", "PHONE", "attributes", Map.of("number", "abc")),
                Map.of())).startsWith("criterion.attributes");
        assertThat(refusedField(Map.of("kind", "entity", "entityId", java.util.UUID.randomUUID().toString()), Map.of()))
                .isEqualTo("criterion.entityId");
        assertThat(refusedField(Map.of("kind", "incident-type", "attackType", "Bombing!"), Map.of()))
                .isEqualTo("criterion.attackType");
        Map<String, Object> name = Map.of("kind", "name", "name", "Moussa Ag Ibrahim");
        assertThat(refusedField(name, Map.of("severity", "APOCALYPTIC"))).isEqualTo("severity");
        assertThat(refusedField(name, Map.of("escalateAfterMinutes", 0))).isEqualTo("escalateAfterMinutes");
        assertThat(refusedField(name, Map.of("recipientOrganisationIds", List.of("not-an-org"))))
                .isEqualTo("recipientOrganisationIds[0]");
    }

    @Test
    void aWatchIsItsOwnersAndWhenSharedItsOrganisations() throws Exception {
        String mine = api.watch(owner, "Private", Map.of("kind", "name", "name", "Moussa Ag Ibrahim"), Map.of());
        String shared = api.watch(owner, "Shared", Map.of("kind", "text", "query", "enlèvement"),
                Map.of("shared", true, "recipientOrganisationIds", List.of(otherOrg)));
        assertThat(api.get(colleague, "/api/v1/watches/" + mine).statusCode()).isEqualTo(404);
        assertThat(api.get(colleague, "/api/v1/watches/" + shared).statusCode()).isEqualTo(200);
        // a recipient organisation receives alerts, not the watch (it reveals an interest)
        assertThat(api.get(outsider, "/api/v1/watches/" + shared).statusCode()).isEqualTo(404);
        assertThat(api.json(outsider, "/api/v1/watches").get("total").asLong()).isZero();
        assertThat(api.json(colleague, "/api/v1/watches").get("total").asLong()).isEqualTo(1);
        assertThat(api.delete(outsider, "/api/v1/watches/" + shared).statusCode()).isEqualTo(404);

        JsonNode read = api.json(colleague, "/api/v1/watches/" + shared);
        Map<String, Object> edit = Map.of("name", "Shared, renamed", "criterion", Map.of("kind", "text", "query", "rançon"));
        HttpResponse<String> saved = api.put(colleague, "/api/v1/watches/" + shared, "\"" + read.get("version").asInt() + "\"", edit);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(api.put(owner, "/api/v1/watches/" + shared, "\"1\"", edit).statusCode()).isEqualTo(409);
        assertThat(api.delete(owner, "/api/v1/watches/" + mine).statusCode()).isEqualTo(204);
        assertThat(api.get(owner, "/api/v1/watches/" + mine).statusCode()).isEqualTo(404);
    }
}
