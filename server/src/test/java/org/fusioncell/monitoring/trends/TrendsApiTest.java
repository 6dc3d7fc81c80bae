package org.fusioncell.monitoring.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.web.ApiDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/trends} over the UCDP events: series, explained anomalies, forecast, bad input, the description. */
@FusionCellTest
@ActiveProfiles({"test", "dev"})
@Import(UcdpStatisticsConfiguration.class)
class TrendsApiTest {

    private static final String IS_DEIR_EZ_ZOR = "country=SYR&admin1=" + URLEncoder.encode("Deir ez Zor",
            StandardCharsets.UTF_8) + "&group=IS&period=month";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiDescription description;

    private BearerApi api;
    private String token;

    @BeforeAll
    static void data() {
        UcdpIncidentStatistics.assumePresent();
    }

    @BeforeEach
    void caller() {
        api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        token = fx.token(fx.user(fx.organisation(OrganisationType.STATE_AGENCY), "SECRET", Set.of(Role.ANALYST),
                Set.of()), "read");
    }

    @Test
    void theSeriesHasOnePointPerMonthAndHidesSmallCounts() throws Exception {
        JsonNode s = api.get(token, "/api/v1/trends/series?" + IS_DEIR_EZ_ZOR, 200);
        assertThat(s.get("period").asString()).isEqualTo("month");
        assertThat(s.get("suppressBelow").asInt()).isEqualTo(5);
        assertThat(s.get("points")).hasSize(47);
        JsonNode september = s.get("points").get(20);
        assertThat(september.get("periodStart").asString()).isEqualTo("2017-09-01");
        assertThat(september.get("count").asLong()).isEqualTo(155);

        // Tartus saw 6 events in four years: every month is 0 or suppressed, never 1..4
        JsonNode tartus = api.get(token, "/api/v1/trends/series?country=SYR&admin1=Tartus", 200);
        assertThat(tartus.get("points").valueStream().filter(p -> p.get("suppressed").asBoolean()).count()).isPositive();
        tartus.get("points").forEach(p -> {
            if (p.get("suppressed").asBoolean()) {
                assertThat(p.get("count").isNull()).isTrue();
            } else {
                assertThat(p.get("count").asLong()).isNotIn(1L, 2L, 3L, 4L);
            }
        });
    }

    @Test
    void anomaliesCarryTheirExplanationAndTheForecastItsMethodAndBacktest() throws Exception {
        JsonNode a = api.get(token, "/api/v1/trends/anomalies?" + IS_DEIR_EZ_ZOR, 200);
        assertThat(a.get("threshold").asDouble()).isEqualTo(3.5);
        JsonNode september = a.get("anomalies").valueStream()
                .filter(x -> x.get("periodStart").asString().equals("2017-09-01")).findFirst().orElseThrow();
        assertThat(september.get("direction").asString()).isEqualTo("rise");
        assertThat(september.get("observed").asLong()).isEqualTo(155);
        assertThat(september.get("expected").asDouble()).isEqualTo(35.0);
        assertThat(september.get("z").asDouble()).isGreaterThan(5);
        assertThat(september.get("baseline").get("kind").asString()).isEqualTo("rolling");
        assertThat(september.get("baseline").get("size").asInt()).isEqualTo(12);
        assertThat(september.get("baseline").get("first").asString()).isEqualTo("2016-09-01");

        JsonNode f = api.get(token, "/api/v1/trends/forecast?" + IS_DEIR_EZ_ZOR + "&horizon=4", 200);
        assertThat(f.get("method").get("name").asString()).isEqualTo("damped-holt");
        assertThat(f.get("steps")).hasSize(4);
        assertThat(f.get("steps").get(0).get("periodStart").asString()).isEqualTo("2019-12-01");
        assertThat(f.get("backtest").get("holdOut").asInt()).isEqualTo(4);
        assertThat(f.get("backtest").get("mae").asDouble()).isPositive();
    }

    @Test
    void badInputNamesTheParameter() throws Exception {
        assertThat(api.get(token, "/api/v1/trends/series?period=year", 400).get("field").asString()).isEqualTo("period");
        assertThat(api.get(token, "/api/v1/trends/series?from=2019-02-30", 400).get("field").asString()).isEqualTo("from");
        assertThat(api.get(token, "/api/v1/trends/series?from=2019-02-01&to=2019-01-01", 400).get("field").asString())
                .isEqualTo("to");
        assertThat(api.get(token, "/api/v1/trends/series?country=Syria", 400).get("field").asString()).isEqualTo("country");
        assertThat(api.get(token, "/api/v1/trends/forecast?horizon=99", 400).get("field").asString()).isEqualTo("horizon");
        assertThat(api.status("not-a-token", "/api/v1/trends/series")).isEqualTo(401);
    }

    @Test
    void theOperationsAreInTheServedDescription() {
        assertThat(description.yaml()).contains("/api/v1/trends/series:", "/api/v1/trends/anomalies:",
                "/api/v1/trends/forecast:", "TrendAnomalies");
    }
}
