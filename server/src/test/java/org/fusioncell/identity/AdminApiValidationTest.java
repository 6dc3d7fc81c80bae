package org.fusioncell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FusionCellTest
@Tag("persistence")
class AdminApiValidationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    String token;
    String orgA;
    String orgB;

    @BeforeEach
    void setUp() {
        IdentityFixtures fixtures = new IdentityFixtures(jdbc);
        orgA = fixtures.organisation(OrganisationType.STATE_AGENCY);
        orgB = fixtures.organisation(OrganisationType.PARTNER_FUSION_CELL);
        token = fixtures.token(fixtures.user(orgA, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
    }

    HttpResponse<String> send(String method, String path, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    void assertRefused(String method, String path, String json, String field, String table) {
        long before = count(table);
        long audited = count("audit_record");
        var response = send(method, path, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        assertThat(count(table)).isEqualTo(before);
        assertThat(count("audit_record")).isEqualTo(audited);
    }

    @Test
    void organisationInputErrorsNameTheFieldAndWriteNothing() {
        assertRefused("POST", "/api/v1/organisations", "{\"name\":\"X\",\"type\":\"SPY_RING\",\"country\":\"MR\"}",
                "type", "identity_organisation");
        assertRefused("POST", "/api/v1/organisations", "{\"name\":\"X\",\"type\":\"STATE_AGENCY\",\"country\":\"QQ\"}",
                "country", "identity_organisation");
        assertRefused("POST", "/api/v1/organisations", "{\"name\":\"X\",\"type\":\"STATE_AGENCY\",\"country\":\"MR\","
                + "\"parentId\":\"0190aaaa-0000-7000-8000-000000000000\"}", "parentId", "identity_organisation");
        assertRefused("POST", "/api/v1/organisations", "{\"name\":\"X\",\"type\":\"STATE_AGENCY\",\"country\":\"MR\","
                + "\"colour\":\"red\"}", "colour", "identity_organisation");
        assertRefused("PUT", "/api/v1/organisations/" + orgA, "{\"name\":\"X\",\"type\":\"STATE_AGENCY\",\"country\":\"MR\","
                + "\"parentId\":\"" + orgA + "\"}", "parentId", "identity_organisation");
    }

    @Test
    void agreementInputErrorsNameTheFieldAndWriteNothing() {
        String ok = "\"title\":\"T\",\"kind\":\"MOU\",\"status\":\"ACTIVE\",\"maxClassification\":\"SECRET\",\"scope\":[\"*\"]";
        assertRefused("POST", "/api/v1/agreements", "{" + ok + ",\"validFrom\":\"2025-13-40\",\"parties\":[\"" + orgA
                + "\",\"" + orgB + "\"]}", "validFrom", "identity_agreement");
        assertRefused("POST", "/api/v1/agreements", "{" + ok + ",\"parties\":[\"" + orgA
                + "\",\"0190aaaa-0000-7000-8000-000000000000\"]}", "parties[1]", "identity_agreement");
        assertRefused("POST", "/api/v1/agreements", "{\"title\":\"T\",\"kind\":\"MOU\",\"maxClassification\":\"TOP\","
                + "\"scope\":[\"*\"],\"parties\":[\"" + orgA + "\",\"" + orgB + "\"]}", "maxClassification", "identity_agreement");
        var created = send("POST", "/api/v1/agreements", "{" + ok + ",\"parties\":[\"" + orgA + "\",\"" + orgB + "\"],"
                + "\"jointProjects\":[\"Border\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void userInputErrorsNameTheFieldAndWriteNothing() {
        String base = "\"username\":\"new.user\",\"displayName\":\"N\",\"organisationId\":\"" + orgA + "\","
                + "\"password\":\"long-enough-password\",\"clearance\":\"SECRET\"";
        assertRefused("POST", "/api/v1/admin/users", "{" + base + ",\"roles\":[\"ANALYST\",\"WIZARD\"]}", "roles[1]",
                "identity_user");
        assertRefused("POST", "/api/v1/admin/users", "{" + base + ",\"roles\":[\"ANALYST\"],\"caveats\":[\"bad caveat!\"]}",
                "caveats[0]", "identity_user");
        assertRefused("POST", "/api/v1/admin/users", "{\"username\":\"new.user\",\"displayName\":\"N\","
                + "\"organisationId\":\"" + orgA + "\",\"password\":\"short\",\"clearance\":\"SECRET\",\"roles\":[\"ANALYST\"]}",
                "password", "identity_user");
        var created = send("POST", "/api/v1/admin/users", "{" + base + ",\"roles\":[\"ANALYST\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("long-enough-password").doesNotContain("$2a$");
    }
}
