package org.fusioncell.release;

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
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Release on request end to end: agencies A and B hold the same phone number under different
 * markings; A's analyst gets a hit/no-hit on B's, asks, B decides, and every step is audited.
 */
@FusionCellTest
@Tag("persistence")
class AccessRequestsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AMBER = "{\"classification\":\"RESTRICTED\",\"tlp\":\"AMBER\"}";
    private static final String SECRET_AMBER = "{\"classification\":\"SECRET\",\"tlp\":\"AMBER\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    private final HttpClient http = HttpClient.newHttpClient();

    private static String orgA;
    private static String orgB;
    private static String orgCell;
    private static String orgD;
    private static String analystAUser;
    private static String analystA;
    private static String lowA;
    private static String analystB;
    private static String supervisorB;
    private static String auditorB;
    private static String cell;
    private static String outsider;

    @BeforeEach
    void world() {
        if (orgA == null) {
            IdentityFixtures fx = new IdentityFixtures(jdbc);
            orgA = fx.organisation("Agency A", OrganisationType.STATE_AGENCY, "MR");
            orgB = fx.organisation("Agency B", OrganisationType.STATE_AGENCY, "MR");
            orgCell = fx.organisation("Cell", OrganisationType.STATE_AGENCY, "MR");
            orgD = fx.organisation("Agency D", OrganisationType.STATE_AGENCY, "MR");
            String c = orgCell;
            String d = orgD;
            fx.agreement(Set.of(orgA, orgB, c), "SECRET", Set.of("*"));
            analystAUser = fx.user(orgA, "SECRET", Set.of(Role.ANALYST), Set.of());
            analystA = fx.token(analystAUser, "read", "write");
            lowA = fx.token(fx.user(orgA, "RESTRICTED", Set.of(Role.ANALYST), Set.of()), "read", "write");
            analystB = fx.token(fx.user(orgB, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
            supervisorB = fx.token(fx.user(orgB, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
            auditorB = fx.token(fx.user(orgB, "SECRET", Set.of(Role.AUDITOR), Set.of()), "read", "write");
            cell = fx.token(fx.user(c, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
            outsider = fx.token(fx.user(d, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        }
    }

    @Test
    void aHitBecomesVisibleOnlyAfterTheHolderApprovesAndEveryStepIsAudited() throws Exception {
        String phone = "{\"type\":\"PHONE\",\"attributes\":{\"number\":\"+222 46 55 44 33\"},\"marking\":%s}";
        String ofA = created(post(analystA, "/api/v1/entities", phone.formatted(AMBER)));
        String ofB = created(post(analystB, "/api/v1/entities", phone.formatted(AMBER)));
        String reportOfB = created(post(analystB, "/api/v1/reports", report("رقم الهاتف +222 46 55 44 33", AMBER)));

        // what policy allows before any request: hit/no-hit where an agreement exists, nothing elsewhere
        JsonNode notices = get(analystA, "/api/v1/entities/" + ofA + "/correlations", 200).get("notices");
        assertThat(notices.size()).isEqualTo(1);
        assertThat(notices.get(0).get("entityId").asString()).isEqualTo(ofB);
        assertThat(status(analystA, "/api/v1/entities/" + ofB)).isEqualTo(403);
        assertThat(status(analystA, "/api/v1/reports/" + reportOfB)).isEqualTo(403);
        assertThat(status(cell, "/api/v1/entities/" + ofB)).isEqualTo(403);
        assertThat(status(analystB, "/api/v1/entities/" + ofA)).isEqualTo(403);
        assertThat(status(outsider, "/api/v1/entities/" + ofB)).isEqualTo(404);

        String entityRequest = created(post(analystA, "/api/v1/access-requests", ask("ENTITY", ofB)));
        String reportRequest = created(post(analystA, "/api/v1/access-requests", ask("REPORT", reportOfB)));
        JsonNode incoming = get(supervisorB, "/api/v1/access-requests?box=incoming", 200);
        assertThat(ids(incoming.get("items"))).contains(entityRequest, reportRequest);
        JsonNode filed = get(analystA, "/api/v1/access-requests/" + entityRequest, 200);
        assertThat(filed.get("state").asString()).isEqualTo("PENDING");
        assertThat(filed.get("holderOrganisation").get("id").asString()).isEqualTo(orgB);
        assertThat(filed.toString()).as("no item content in a request").doesNotContain("22246554433", "رقم");

        HttpResponse<String> approved = post(supervisorB, "/api/v1/access-requests/" + entityRequest + "/approve",
                "{\"reason\":\"need to know for the joint case\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(JSON.readTree(approved.body()).get("state").asString()).isEqualTo("APPROVED");
        assertThat(post(analystB, "/api/v1/access-requests/" + reportRequest + "/approve", "{}").statusCode())
                .as("an analyst of the holder decides too").isEqualTo(200);

        assertThat(status(analystA, "/api/v1/entities/" + ofB)).isEqualTo(200);
        JsonNode opened = get(analystA, "/api/v1/reports/" + reportOfB, 200);
        assertThat(opened.get("version").asInt()).as("release is a new version").isEqualTo(2);
        assertThat(status(cell, "/api/v1/entities/" + ofB)).as("released to A only").isEqualTo(403);
        assertThat(status(cell, "/api/v1/reports/" + reportOfB)).isEqualTo(403);
        assertThat(post(supervisorB, "/api/v1/access-requests/" + entityRequest + "/approve", "{}").statusCode())
                .as("decided once").isEqualTo(409);

        assertThat(audited("COLLECTION", "access-request", entityRequest)).isEqualTo(1);
        assertThat(audited("DISCLOSURE", "entity", ofB)).isEqualTo(1);
        assertThat(audited("DISCLOSURE", "report", reportOfB)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT details FROM audit_record WHERE action = 'DISCLOSURE' AND object_ids LIKE :id")
                .param("id", "%" + ofB + "%").query(String.class).single()).contains(orgA, entityRequest);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'CONSULTATION' AND object_type = 'entity'"
                        + " AND actor_user_id = :u AND object_ids LIKE :id AND outcome = 'OK'")
                .param("u", analystAUser).param("id", "%" + ofB + "%").query(Long.class).single())
                .as("the consultation after release").isEqualTo(1);
    }

    @Test
    void approvalIsRefusedWhenThePolicyWouldStillWithholdTheItem() throws Exception {
        String reportOfB = created(post(analystB, "/api/v1/reports", report("تقرير سري", SECRET_AMBER)));
        assertThat(status(lowA, "/api/v1/reports/" + reportOfB)).isEqualTo(403);
        String request = created(post(lowA, "/api/v1/access-requests", ask("REPORT", reportOfB)));

        HttpResponse<String> refused = post(supervisorB, "/api/v1/access-requests/" + request + "/approve", "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("detail").asString()).contains("clearance");
        assertThat(status(lowA, "/api/v1/reports/" + reportOfB)).isEqualTo(403);
        assertThat(jdbc.sql("SELECT version FROM intake_report WHERE id = :id").param("id", reportOfB)
                .query(Integer.class).single()).as("item unchanged").isEqualTo(1);
        assertThat(get(lowA, "/api/v1/access-requests/" + request, 200).get("state").asString()).isEqualTo("PENDING");
        assertThat(audited("DISCLOSURE", "report", reportOfB)).isZero();
    }

    @Test
    void aDenialLeavesTheItemWithheld() throws Exception {
        String ofB = created(post(analystB, "/api/v1/entities",
                "{\"type\":\"EMAIL\",\"attributes\":{\"address\":\"deny.me@gov.mr\"},\"marking\":" + AMBER + "}"));
        String request = created(post(analystA, "/api/v1/access-requests", ask("ENTITY", ofB)));
        HttpResponse<String> noReason = post(supervisorB, "/api/v1/access-requests/" + request + "/deny", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).get("field").asString()).isEqualTo("reason");

        HttpResponse<String> denied = post(supervisorB, "/api/v1/access-requests/" + request + "/deny",
                "{\"reason\":\"source protection\"}");
        assertThat(denied.statusCode()).as(denied.body()).isEqualTo(200);
        assertThat(JSON.readTree(denied.body()).get("state").asString()).isEqualTo("DENIED");
        assertThat(status(analystA, "/api/v1/entities/" + ofB)).isEqualTo(403);
        assertThat(get(analystA, "/api/v1/access-requests/" + request, 200).get("decisionReason").asString())
                .isEqualTo("source protection");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'ADMINISTRATION' AND outcome = 'DENIED'"
                + " AND object_ids LIKE :id").param("id", "%" + request + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheHolderDecidesAndNobodyElseLearnsOfTheRequest() throws Exception {
        String ofB = created(post(analystB, "/api/v1/entities",
                "{\"type\":\"EMAIL\",\"attributes\":{\"address\":\"third.party@gov.mr\"},\"marking\":" + AMBER + "}"));
        String request = created(post(analystA, "/api/v1/access-requests", ask("ENTITY", ofB)));
        for (String other : List.of(cell, outsider, auditorB)) {
            assertThat(status(other, "/api/v1/access-requests/" + request)).isEqualTo(404);
            assertThat(post(other, "/api/v1/access-requests/" + request + "/approve", "{}").statusCode()).isEqualTo(404);
            assertThat(post(other, "/api/v1/access-requests/" + request + "/deny", "{\"reason\":\"x\"}").statusCode())
                    .isEqualTo(404);
            assertThat(ids(get(other, "/api/v1/access-requests?box=incoming", 200).get("items"))).doesNotContain(request);
        }
        assertThat(post(analystA, "/api/v1/access-requests/" + request + "/approve", "{}").statusCode())
                .as("the requester cannot approve their own request").isEqualTo(404);
        assertThat(status(analystA, "/api/v1/entities/" + ofB)).isEqualTo(403);
    }

    @Test
    void usersOnlyEverSeeRequestsOfTheirOwnOrganisation() throws Exception {
        String ofB = created(post(analystB, "/api/v1/entities",
                "{\"type\":\"EMAIL\",\"attributes\":{\"address\":\"boxes@gov.mr\"},\"marking\":" + AMBER + "}"));
        created(post(analystA, "/api/v1/access-requests", ask("ENTITY", ofB)));
        created(post(cell, "/api/v1/access-requests", ask("ENTITY", ofB)));
        for (java.util.Map.Entry<String, String> who : organisationOf().entrySet()) {
            for (JsonNode r : get(who.getKey(), "/api/v1/access-requests?box=incoming&size=500", 200).get("items")) {
                assertThat(r.get("holderOrganisation").get("id").asString()).isEqualTo(who.getValue());
            }
            JsonNode outgoing = get(who.getKey(), "/api/v1/access-requests?box=outgoing&size=500", 200).get("items");
            String requester = outgoing.isEmpty() ? null : outgoing.get(0).get("requesterUserId").asString();
            for (JsonNode r : outgoing) {
                assertThat(r.get("requesterUserId").asString()).isEqualTo(requester);
                assertThat(r.get("requesterOrganisation").get("id").asString()).isEqualTo(who.getValue());
            }
        }
        assertThat(get(auditorB, "/api/v1/access-requests?box=incoming", 200).get("total").asLong())
                .as("not a deciding role").isZero();
        assertThat(get(outsider, "/api/v1/access-requests?box=incoming", 200).get("total").asLong()).isZero();
        for (JsonNode r : get(supervisorB, "/api/v1/access-requests?box=incoming&size=500", 200).get("items")) {
            assertThat(r.get("holderOrganisation").get("id").asString()).isEqualTo(orgB);
        }
        for (JsonNode r : get(analystA, "/api/v1/access-requests?box=outgoing&size=500", 200).get("items")) {
            assertThat(r.get("requesterUserId").asString()).isEqualTo(analystAUser);
        }
    }

    @Test
    void aHiddenItemIsAnsweredExactlyLikeAMissingOneAndAVisibleOneIsNotRequested() throws Exception {
        String ofB = created(post(analystB, "/api/v1/entities",
                "{\"type\":\"EMAIL\",\"attributes\":{\"address\":\"hidden@gov.mr\"},\"marking\":" + AMBER + "}"));
        HttpResponse<String> hidden = post(outsider, "/api/v1/access-requests", ask("ENTITY", ofB));
        HttpResponse<String> missing = post(outsider, "/api/v1/access-requests", ask("ENTITY", Ids.newId()));
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(withoutInstance(hidden.body())).isEqualTo(withoutInstance(missing.body()));

        HttpResponse<String> visible = post(supervisorB, "/api/v1/access-requests", ask("ENTITY", ofB));
        assertThat(visible.statusCode()).isEqualTo(400);
        assertThat(visible.body()).contains("already-visible");
        HttpResponse<String> noWhy = post(analystA, "/api/v1/access-requests",
                "{\"itemType\":\"ENTITY\",\"itemId\":\"" + ofB + "\"}");
        assertThat(noWhy.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noWhy.body()).get("field").asString()).isEqualTo("justification");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM release_access_request WHERE item_id = :id").param("id", ofB)
                .query(Long.class).single()).isZero();
    }

    private static java.util.Map<String, String> organisationOf() {
        return java.util.Map.of(analystA, orgA, lowA, orgA, analystB, orgB, supervisorB, orgB, auditorB, orgB,
                cell, orgCell, outsider, orgD);
    }

    private static String withoutInstance(String body) {
        JsonNode n = JSON.readTree(body);
        return n.get("type").asString() + "|" + n.get("title").asString() + "|" + n.get("detail").asString();
    }

    private long audited(String action, String objectType, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = :a AND object_type = :t AND object_ids LIKE :id")
                .param("a", action).param("t", objectType).param("id", "%" + id + "%").query(Long.class).single();
    }

    private static String ask(String type, String id) {
        return "{\"itemType\":\"" + type + "\",\"itemId\":\"" + id + "\",\"justification\":\"same number in our case\"}";
    }

    private static String report(String body, String marking) {
        return "{\"title\":\"تقرير\",\"body\":\"" + body + "\",\"grading\":{\"sourceReliability\":\"B\","
                + "\"informationCredibility\":2},\"marking\":" + marking + "}";
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asString()));
        return out;
    }

    private static String created(HttpResponse<String> r) {
        return BearerApi.created(r);
    }

    private HttpResponse<String> post(String token, String path, String body) throws Exception {
        return new BearerApi(port).post(token, path, body);
    }

    private int status(String token, String path) throws Exception {
        return new BearerApi(port).status(token, path);
    }

    private JsonNode get(String token, String path, int status) throws Exception {
        return new BearerApi(port).get(token, path, status);
    }
}
