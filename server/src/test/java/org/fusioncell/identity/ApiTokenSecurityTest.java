package org.fusioncell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
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
class ApiTokenSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    IdentityFixtures fixtures;
    String org;
    String analyst;
    String admin;

    @BeforeEach
    void setUp() {
        fixtures = new IdentityFixtures(jdbc);
        org = fixtures.organisation(OrganisationType.STATE_AGENCY);
        analyst = fixtures.user(org, "SECRET", Set.of(Role.ANALYST), Set.of());
        admin = fixtures.user(org, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of());
    }

    HttpResponse<String> call(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void requestWithoutTokenGetsProblemDetail401() {
        var response = call("GET", "/api/v1/me", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void readTokenCanReadButCannotWrite() {
        String token = fixtures.token(analyst, "read");
        var me = call("GET", "/api/v1/me", token, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(analyst).doesNotContain("password").doesNotContain("totp_secret");
        var post = call("POST", "/api/v1/tokens", token, "{\"name\":\"x\",\"scopes\":[\"read\"]}");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).contains("\"status\":403");
    }

    @Test
    void writeTokenCreatesATokenShownOnceAndUsable() {
        String token = fixtures.token(analyst, "read", "write");
        var post = call("POST", "/api/v1/tokens", token, "{\"name\":\"machine\",\"scopes\":[\"read\"],\"expiresInDays\":5}");
        assertThat(post.statusCode()).isEqualTo(201);
        String created = post.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(call("GET", "/api/v1/me", created, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/tokens", token, null).body()).doesNotContain(created);
    }

    @Test
    void nonAdministratorCannotReachAdministrationEvenWithAdminScope() {
        assertThat(call("GET", "/api/v1/admin/users", fixtures.token(analyst, "read", "admin"), null).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/v1/admin/users", fixtures.token(admin, "read"), null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/admin/users", fixtures.token(admin, "admin"), null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/organisations", fixtures.token(analyst, "read", "write"),
                "{\"name\":\"x\",\"type\":\"STATE_AGENCY\",\"country\":\"MR\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void auditApiNeedsAuditScopeAndAuditorRole() {
        assertThat(call("GET", "/api/v1/audit/records", fixtures.token(admin, "read", "audit"), null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void expiredAndRevokedTokensAreRefused() {
        String expired = fixtures.token(analyst, Instant.now().minusSeconds(5), "read");
        assertThat(call("GET", "/api/v1/me", expired, null).statusCode()).isEqualTo(401);
        String revoked = fixtures.token(analyst, "read");
        assertThat(call("GET", "/api/v1/me", revoked, null).statusCode()).isEqualTo(200);
        fixtures.revokeTokens(analyst);
        assertThat(call("GET", "/api/v1/me", revoked, null).statusCode()).isEqualTo(401);
    }

    @Test
    void ownerRevokesTheirTokenThroughTheApi() {
        String token = fixtures.token(analyst, "read", "write");
        var created = call("POST", "/api/v1/tokens", token, "{\"name\":\"t\",\"scopes\":[\"read\"]}");
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String plaintext = created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(call("DELETE", "/api/v1/tokens/" + id, token, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/me", plaintext, null).statusCode()).isEqualTo(401);
    }

    @Test
    void openApiDescriptionIsPublic() {
        assertThat(call("GET", "/api/v1/openapi.yaml", null, null).statusCode()).isNotIn(401, 403);
    }
}
