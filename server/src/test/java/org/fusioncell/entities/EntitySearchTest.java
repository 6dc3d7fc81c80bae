package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.search.SearchIndex;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Entities are found by full-text search in any script, and only by readers who may see them. */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=entity-search")
@DirtiesContext
@Tag("persistence")
class EntitySearchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SearchIndex index;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPersonIsFoundByAnArabicNameVariantOnlyByReadersWhoMaySeeIt() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String agencyA = fx.organisation("Agence A", OrganisationType.STATE_AGENCY, "MR");
        String agencyB = fx.organisation("Agence B", OrganisationType.STATE_AGENCY, "MR");
        String tokenA = fx.token(fx.user(agencyA, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String tokenB = fx.token(fx.user(agencyB, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
        long before = index.size();

        HttpResponse<String> created = send(tokenA, HttpRequest.newBuilder(uri("/api/v1/entities"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type":"PERSON","attributes":{"names":["أحمد ولد سالم","Ahmed Ould Salem"]},
                         "marking":{"classification":"RESTRICTED","tlp":"AMBER"}}""")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (index.size() <= before && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }

        // hamza-less spelling and the Latin form both find the person for its agency
        for (String q : new String[] {"احمد", "Ahmed Ould Salem"}) {
            JsonNode found = search(tokenA, q);
            assertThat(found.get("total").asLong()).as(q).isEqualTo(1);
            assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(id);
            assertThat(found.get("items").get(0).get("type").asString()).isEqualTo("entity");
        }
        // agency B shares no agreement with A: no hit, no count, no facet
        JsonNode nothing = search(tokenB, "احمد");
        assertThat(nothing.get("total").asLong()).isZero();
        assertThat(nothing.toString()).doesNotContain(id);
    }

    private JsonNode search(String token, String q) throws Exception {
        HttpResponse<String> r = send(token, HttpRequest.newBuilder(
                uri("/api/v1/search?type=entity&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String token, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
