package org.fusioncell.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bad input to POST /api/v1/reports: a 400 problem naming the field, and nothing written, audit included. */
@FusionCellTest
@Tag("persistence")
class ReportsApiValidationTest {

    private static final String VALID_MARKING = "{\"classification\":\"RESTRICTED\",\"tlp\":\"AMBER\"}";
    private static final String VALID_GRADING = "{\"sourceReliability\":\"B\",\"informationCredibility\":2}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    String token;

    @BeforeEach
    void analyst() {
        if (token == null) {
            IdentityFixtures fx = new IdentityFixtures(jdbc);
            String org = fx.organisation(OrganisationType.STATE_AGENCY);
            token = fx.token(fx.user(org, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON                 | {"title": "x", "body": | body
            unknown field                  | {"title":"t","body":"b","grading":GRADING,"marking":MARKING,"colour":"red"} | colour
            missing title                  | {"body":"b","grading":GRADING,"marking":MARKING} | title
            unknown TLP                    | {"title":"t","body":"b","grading":GRADING,"marking":{"classification":"RESTRICTED","tlp":"PURPLE"}} | marking.tlp
            unknown classification         | {"title":"t","body":"b","grading":GRADING,"marking":{"classification":"TOP","tlp":"AMBER"}} | marking.classification
            above the author's clearance   | {"title":"t","body":"b","grading":GRADING,"marking":{"classification":"SECRET","tlp":"AMBER"}} | marking.classification
            unknown organisation type      | {"title":"t","body":"b","grading":GRADING,"marking":{"classification":"RESTRICTED","tlp":"AMBER","releasability":{"organisationTypes":["POLICE","BANK"]}}} | marking.releasability.organisationTypes[0]
            unknown organisation           | {"title":"t","body":"b","grading":GRADING,"marking":{"classification":"RESTRICTED","tlp":"AMBER","releasability":{"organisations":["0195a3c0-0000-7000-8000-000000000000"]}}} | marking.releasability.organisations[0]
            unknown marking field          | {"title":"t","body":"b","grading":GRADING,"marking":{"classification":"RESTRICTED","tlp":"AMBER","secretLevel":1}} | marking.secretLevel
            reliability out of range       | {"title":"t","body":"b","grading":{"sourceReliability":"G","informationCredibility":2},"marking":MARKING} | grading.sourceReliability
            credibility out of range       | {"title":"t","body":"b","grading":{"sourceReliability":"A","informationCredibility":7},"marking":MARKING} | grading.informationCredibility
            credibility of the wrong type  | {"title":"t","body":"b","grading":{"sourceReliability":"A","informationCredibility":"two"},"marking":MARKING} | grading.informationCredibility
            latitude out of range          | {"title":"t","body":"b","place":{"latitude":91,"longitude":0},"grading":GRADING,"marking":MARKING} | place.latitude
            bad date                       | {"title":"t","body":"b","occurredAt":"yesterday","grading":GRADING,"marking":MARKING} | occurredAt
            """)
    void badInputNamesTheFieldAndWritesNothing(String what, String json, String field) throws Exception {
        long reports = rows("intake_report");
        long markings = rows("access_marking");
        long audit = rows("audit_record");
        String body = json.replace("GRADING", VALID_GRADING).replace("MARKING", VALID_MARKING);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/reports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        JsonNode problem = JsonMapper.builder().build().readTree(r.body());
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(rows("intake_report")).isEqualTo(reports);
        assertThat(rows("access_marking")).isEqualTo(markings);
        assertThat(rows("audit_record")).isEqualTo(audit);
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
