package org.fusioncell.monitoring.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/**
 * An application without incident statistics (this branch alone, before the incidents module's SQL is
 * wired in) starts, and the trends API says so with a problem answer instead of failing.
 */
@FusionCellTest
class TrendsWithoutStatisticsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theApiAnswers503WithAProblemAndBadInputStill400() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String token = fx.token(fx.user(fx.organisation(OrganisationType.STATE_AGENCY), "SECRET", Set.of(Role.ANALYST),
                Set.of()), "read");
        BearerApi api = new BearerApi(port);

        var problem = api.get(token, "/api/v1/trends/anomalies?country=SYR", 503);
        assertThat(problem.get("type").asString()).endsWith("/statistics-unavailable");
        assertThat(api.get(token, "/api/v1/trends/forecast?horizon=0", 400).get("field").asString()).isEqualTo("horizon");

        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/trends/series")).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(503);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }
}
