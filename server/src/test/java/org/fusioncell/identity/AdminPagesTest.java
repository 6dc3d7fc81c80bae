package org.fusioncell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FusionCellTest
class AdminPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void administratorSeesEveryPageAndATranslatedErrorNextToTheField() {
        IdentityFixtures fixtures = new IdentityFixtures(jdbc);
        String org = fixtures.organisation(OrganisationType.STATE_AGENCY);
        String user = fixtures.user("pages.admin", org, "UNCLASSIFIED", Set.of(Role.ADMINISTRATOR), Set.of(), null);
        fixtures.agreement(Set.of(org, fixtures.organisation(OrganisationType.PARTNER_FUSION_CELL)), "SECRET", Set.of("*"));
        WebSession web = new WebSession(port);
        web.login("pages.admin", IdentityFixtures.PASSWORD);
        for (String page : new String[] {"/admin/organisations", "/admin/organisations/new", "/admin/organisations/" + org,
                "/admin/agreements", "/admin/agreements/new", "/admin/users", "/admin/users/new", "/admin/users/" + user,
                "/account/tokens"}) {
            assertThat(web.get(page).statusCode()).as(page).isEqualTo(200);
        }
        var refused = web.submit("/admin/organisations/new?lang=fr", "/admin/organisations/new",
                Map.of("name", "Nouvelle", "type", "STATE_AGENCY", "sector", "", "country", "QQ", "parentId", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("n’est pas un code pays ISO 3166");
        var created = web.submit("/account/tokens", "/account/tokens", Map.of("name", "machine", "scopes", "read"));
        assertThat(created.body()).contains("id=\"new-token\"");
    }
}
