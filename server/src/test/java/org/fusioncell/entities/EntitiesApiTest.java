package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Entities end to end: validation writes nothing, correlation across agencies obeys the policy, proposals. */
@FusionCellTest
@Tag("persistence")
@TestPropertySource(properties = "fusioncell.entities.no-correlation-keys=phone:+22245250000")
class EntitiesApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AMBER = "{\"classification\":\"RESTRICTED\",\"tlp\":\"AMBER\"}";
    private static final String GREEN = "{\"classification\":\"RESTRICTED\",\"tlp\":\"GREEN\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    private final HttpClient http = HttpClient.newHttpClient();
    private static String agencyA;
    private static String agencyB;
    private static String cell;

    @BeforeEach
    void world() {
        if (agencyA == null) {
            IdentityFixtures fx = new IdentityFixtures(jdbc);
            String a = fx.organisation("Agency A", OrganisationType.STATE_AGENCY, "MR");
            String b = fx.organisation("Agency B", OrganisationType.STATE_AGENCY, "MR");
            String c = fx.organisation("Cell", OrganisationType.STATE_AGENCY, "MR");
            fx.agreement(Set.of(a, c), "SECRET", Set.of("*"));
            agencyA = fx.token(fx.user(a, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
            agencyB = fx.token(fx.user(b, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
            cell = fx.token(fx.user(c, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown entity type    | {"type":"SPACESHIP","attributes":{},"marking":MARKING} | type
            malformed phone        | {"type":"PHONE","attributes":{"number":"12-ab"},"marking":MARKING} | attributes.number
            IBAN with a bad check  | {"type":"FINANCIAL_ACCOUNT","attributes":{"iban":"MR14 0002 0001 0100 0012 3456 753"},"marking":MARKING} | attributes.iban
            latitude out of range  | {"type":"LOCATION","attributes":{"latitude":123.4,"longitude":5},"marking":MARKING} | attributes.latitude
            longitude missing      | {"type":"LOCATION","attributes":{"latitude":12.4},"marking":MARKING} | attributes.longitude
            impossible birth date  | {"type":"PERSON","attributes":{"names":["Ali"],"dateOfBirth":"1990-02-30"},"marking":MARKING} | attributes.dateOfBirth
            no marking             | {"type":"PHONE","attributes":{"number":"45251234"}} | marking
            """)
    void badInputNamesTheFieldAndWritesNothing(String name, String body, String field) throws Exception {
        long entities = rows("entity");
        long markings = rows("access_marking");
        long audit = rows("audit_record");
        HttpResponse<String> r = post(agencyA, "/api/v1/entities", body.replace("MARKING", "{\"classification\":\"RESTRICTED\",\"tlp\":\"CLEAR\",\"caveats\":[\"NEW-" + name.length() + "\"]}"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asString()).isEqualTo(field);
        assertThat(rows("entity")).isEqualTo(entities);
        assertThat(rows("access_marking")).isEqualTo(markings);
        assertThat(rows("audit_record")).isEqualTo(audit);
    }

    @Test
    void theSameNumberHeldByTwoAgenciesCorrelatesOnlyAsThePolicyAllows() throws Exception {
        String phone = "{\"type\":\"PHONE\",\"attributes\":{\"number\":\"+222 46 11 22 33\"},\"marking\":%s}";
        String ofA = created(post(agencyA, "/api/v1/entities", phone.formatted(GREEN)));
        String ofB = created(post(agencyB, "/api/v1/entities", phone.formatted(AMBER)));
        String ofCell = created(post(cell, "/api/v1/entities", phone.formatted(AMBER)));
        // recording it again under the same marking reuses the entity: no second row
        HttpResponse<String> again = post(agencyA, "/api/v1/entities", phone.formatted(GREEN));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asString()).isEqualTo(ofA);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM entity_correlation WHERE identifier_key = 'phone:+22246112233'")
                .query(Long.class).single()).as("one correlation row per entity").isEqualTo(3);

        // A: the cell's AMBER entity is a hit/no-hit notice (agreement), B's is hidden
        JsonNode a = get(agencyA, "/api/v1/entities/" + ofA + "/correlations", 200);
        assertThat(ids(a.get("entities"))).isEmpty();
        assertThat(ids(a.get("notices"), "entityId")).containsExactly(ofCell);
        assertThat(a.get("notices").get(0).get("holderOrganisationName").asString()).isEqualTo("Cell");
        assertThat(a.toString()).doesNotContain("+22246112233\"}", ofB);
        // the cell: A's GREEN entity is visible to A's community; B's is hidden
        JsonNode c = get(cell, "/api/v1/entities/" + ofCell + "/correlations", 200);
        assertThat(ids(c.get("entities"))).containsExactly(ofA);
        assertThat(ids(c.get("notices"), "entityId")).isEmpty();
        // B has no agreement: nothing at all
        JsonNode b = get(agencyB, "/api/v1/entities/" + ofB + "/correlations", 200);
        assertThat(ids(b.get("entities"))).isEmpty();
        assertThat(ids(b.get("notices"), "entityId")).isEmpty();
        // and the detail endpoints answer likewise
        assertThat(getStatus(agencyB, "/api/v1/entities/" + ofA)).isEqualTo(404);
        assertThat(getStatus(agencyA, "/api/v1/entities/" + ofCell)).isEqualTo(403);
        assertThat(getStatus(agencyA, "/api/v1/entities/" + ofB + "/correlations")).isEqualTo(404);
    }

    @Test
    void anIdentifierOnTheWarningListNeverCorrelates() throws Exception {
        String phone = "{\"type\":\"PHONE\",\"attributes\":{\"number\":\"45250000\"},\"marking\":%s}";
        String ofA = created(post(agencyA, "/api/v1/entities", phone.formatted(GREEN)));
        created(post(cell, "/api/v1/entities", phone.formatted(GREEN)));
        JsonNode c = get(agencyA, "/api/v1/entities/" + ofA + "/correlations", 200);
        assertThat(ids(c.get("entities"))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM entity_correlation WHERE identifier_key = 'phone:+22245250000'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void identifiersInAReportAreProposedAndAConfirmedOneBecomesAMentionedEntity() throws Exception {
        String report = "{\"title\":\"تقرير\",\"body\":\"اتصل المشتبه به بالرقم ٤٦٩٩٨٨٧٧ وراسل x.y@Mail.MR\","
                + "\"grading\":{\"sourceReliability\":\"B\",\"informationCredibility\":2},\"marking\":" + AMBER + "}";
        String reportId = created(post(agencyA, "/api/v1/reports", report));
        JsonNode proposals = get(agencyA, "/api/v1/reports/" + reportId + "/proposals", 200).get("items");
        List<String> keys = new ArrayList<>();
        proposals.forEach(p -> keys.add(p.get("identifierKey").asString()));
        assertThat(keys).containsExactly("phone:+22246998877", "email:x.y@mail.mr");
        assertThat(getStatus(agencyB, "/api/v1/reports/" + reportId + "/proposals")).isEqualTo(404);

        String phoneProposal = proposals.get(0).get("id").asString();
        String emailProposal = proposals.get(1).get("id").asString();
        HttpResponse<String> confirmed = post(agencyA, "/api/v1/reports/" + reportId + "/proposals/" + phoneProposal + "/confirm", "");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        String entityId = JSON.readTree(confirmed.body()).get("entityId").asString();
        assertThat(post(agencyA, "/api/v1/reports/" + reportId + "/proposals/" + emailProposal + "/reject", "").statusCode())
                .isEqualTo(200);
        assertThat(post(agencyA, "/api/v1/reports/" + reportId + "/proposals/" + phoneProposal + "/confirm", "").statusCode())
                .as("decided once").isEqualTo(404);

        JsonNode mentions = get(agencyA, "/api/v1/reports/" + reportId + "/entities", 200).get("items");
        assertThat(mentions.size()).isEqualTo(1);
        assertThat(mentions.get(0).get("entity").get("id").asString()).isEqualTo(entityId);
        assertThat(mentions.get(0).get("entity").get("marking").get("tlp").asString()).isEqualTo("TLP:AMBER");
        assertThat(getStatus(agencyB, "/api/v1/reports/" + reportId + "/entities")).isEqualTo(404);

        String group = created(post(agencyA, "/api/v1/entities",
                "{\"type\":\"GROUP\",\"attributes\":{\"name\":\"Cellule X\"},\"marking\":" + AMBER + "}"));
        HttpResponse<String> link = post(agencyA, "/api/v1/links", "{\"from\":\"" + entityId + "\",\"to\":\"" + group
                + "\",\"type\":\"used\",\"reportId\":\"" + reportId + "\",\"confidence\":0.7,\"validFrom\":\"2026-01-01\"}");
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        JsonNode links = get(agencyA, "/api/v1/entities/" + group + "/links", 200).get("items");
        assertThat(links.size()).isEqualTo(1);
        assertThat(links.get(0).get("type").asString()).isEqualTo("USED");
        assertThat(links.get(0).get("reportId").asString()).isEqualTo(reportId);
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static List<String> ids(JsonNode array) {
        return ids(array, "id");
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    private static String created(HttpResponse<String> r) {
        return BearerApi.created(r);
    }

    private HttpResponse<String> post(String token, String path, String body) throws Exception {
        return new BearerApi(port).post(token, path, body);
    }

    private int getStatus(String token, String path) throws Exception {
        return new BearerApi(port).status(token, path);
    }

    private JsonNode get(String token, String path, int status) throws Exception {
        return new BearerApi(port).get(token, path, status);
    }
}
