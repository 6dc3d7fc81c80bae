package org.fusioncell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.internal.Totp;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@FusionCellTest
@Tag("persistence")
@TestPropertySource(properties = {"fusioncell.identity.max-failed-logins=3", "fusioncell.identity.lockout=3s"})
class LoginSecurityTest {

    static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    IdentityFixtures fixtures;
    String org;

    @BeforeEach
    void setUp() {
        fixtures = new IdentityFixtures(jdbc);
        org = fixtures.organisation(OrganisationType.STATE_AGENCY);
    }

    private String cleared(String username) {
        return fixtures.user(username, org, "SECRET", Set.of(Role.ANALYST), Set.of(), SECRET);
    }

    @Test
    void clearedUserNeedsTheTotpCodeAndAWrongCodeIsRefused() {
        cleared("cleared.one");
        WebSession web = new WebSession(port);
        assertThat(WebSession.location(web.login("cleared.one", IdentityFixtures.PASSWORD))).endsWith("/login/totp");
        assertThat(WebSession.location(web.get("/"))).endsWith("/login/totp");
        var wrong = web.submit("/login/totp", "/login/totp", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("code-error");
        String code = Totp.code(Totp.decodeSecret(SECRET), Instant.now());
        assertThat(WebSession.location(web.submit("/login/totp", "/login/totp", Map.of("code", code)))).endsWith("/");
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        assertThat(web.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void userAtTheLowestLevelNeedsNoSecondFactor() {
        fixtures.user("plain.one", org, "UNCLASSIFIED", Set.of(Role.RESEARCHER), Set.of(), null);
        WebSession web = new WebSession(port);
        var response = web.login("plain.one", IdentityFixtures.PASSWORD);
        assertThat(WebSession.location(response)).endsWith("/");
        assertThat(web.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void clearedUserWithoutSecretEnrolsAtFirstLogin() {
        fixtures.user("enrolling.one", org, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of(), null);
        WebSession web = new WebSession(port);
        web.login("enrolling.one", IdentityFixtures.PASSWORD);
        String page = web.get("/login/totp").body();
        var m = java.util.regex.Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)<").matcher(page);
        assertThat(m.find()).isTrue();
        assertThat(page).contains("otpauth://totp/");
        String code = Totp.code(Totp.decodeSecret(m.group(1)), Instant.now());
        assertThat(WebSession.location(web.submit("/login/totp", "/login/totp", Map.of("code", code)))).endsWith("/");
        assertThat(jdbc.sql("SELECT totp_secret FROM identity_user WHERE username = 'enrolling.one'")
                .query(String.class).single()).isEqualTo(m.group(1));
    }

    @Test
    void accountLocksAfterRepeatedFailuresAndUnlocksWhenTheLockoutExpires() throws Exception {
        fixtures.user("locking.one", org, "UNCLASSIFIED", Set.of(Role.ANALYST), Set.of(), null);
        WebSession web = new WebSession(port);
        for (int i = 0; i < 3; i++) {
            assertThat(WebSession.location(web.login("locking.one", "wrong-password-" + i))).endsWith("/login?error");
        }
        assertThat(WebSession.location(web.login("locking.one", IdentityFixtures.PASSWORD))).endsWith("/login?error");
        Thread.sleep(3_200);
        assertThat(WebSession.location(web.login("locking.one", IdentityFixtures.PASSWORD))).endsWith("/");
        long lockouts = jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'LOGIN_FAILED' AND outcome = 'LOCKED_OUT'")
                .query(Long.class).single();
        assertThat(lockouts).isEqualTo(1);
    }

    @Test
    void failedLoginForAnUnknownNameIsAuditedWithoutTheName() {
        WebSession web = new WebSession(port);
        web.login("nobody.by.this.name", "whatever-password");
        var rows = jdbc.sql("SELECT actor_user_id, object_ids, details FROM audit_record WHERE outcome = 'UNKNOWN_ACCOUNT'")
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).list();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).doesNotContain("nobody");
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() {
        fixtures.user("csrf.one", org, "UNCLASSIFIED", Set.of(Role.ANALYST), Set.of(), null);
        WebSession web = new WebSession(port);
        assertThat(web.post("/login", Map.of("username", "csrf.one", "password", IdentityFixtures.PASSWORD))
                .statusCode()).isEqualTo(403);
        web.login("csrf.one", IdentityFixtures.PASSWORD);
        assertThat(web.post("/account/tokens", Map.of("name", "x", "scopes", "read")).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_api_token").query(Long.class).single()).isZero();
    }

    @Test
    void pagesCarrySecureHeaders() {
        var response = new WebSession(port).get("/login");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.body()).doesNotContain("onchange=").doesNotContain("<script>");
    }

    @Test
    void unauthenticatedPageRedirectsToLogin() {
        assertThat(WebSession.location(new WebSession(port).get("/"))).endsWith("/login");
    }
}
