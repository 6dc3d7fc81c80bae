package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.fusioncell.testing.FusionCellTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The resolution parts of the entity page in French: the duplicates fragment with its reasons and merge
 * form, refusals said in words, and a hidden entity's fragment and merge answered like an absent one.
 */
@FusionCellTest
@AutoConfigureMockMvc
class ResolutionPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Entities entities;
    @Autowired
    Readers readers;
    @Autowired
    ClassificationScheme scheme;

    private static String orgA;
    private static String userA;
    private static String orgB;
    private static String userB;

    @BeforeEach
    void world() {
        if (userA == null) {
            IdentityFixtures fx = new IdentityFixtures(jdbc);
            orgA = fx.organisation("Agence A", OrganisationType.STATE_AGENCY, "MR");
            orgB = fx.organisation("Agence B", OrganisationType.STATE_AGENCY, "MR");
            userA = fx.user(orgA, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of());
            userB = fx.user(orgB, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of());
        }
    }

    private String person(String user, String org, Tlp tlp, String name) {
        Marking m = new Marking(scheme.rankOf("RESTRICTED"), tlp, Releasability.NONE, false, Set.of(), org);
        return entities.record(readers.forUser(user, null), new EntityDraft(EntityType.PERSON, name, null,
                Map.of("names", List.of(Map.of("value", name, "script", "Latin"))), m)).entity().id();
    }

    @Test
    void theDuplicatesFragmentInFrenchListsTheCandidateWithItsReasonsAndAMergeFormWithAReason() throws Exception {
        String iyad = person(userA, orgA, Tlp.AMBER, "Iyad Ag Ghali");
        String spelled = person(userA, orgA, Tlp.AMBER, "Iyad Ag Ghaly");
        String strict = person(userA, orgA, Tlp.AMBER_STRICT, "Iyad Ag Ghaly");
        String hidden = person(userB, orgB, Tlp.AMBER, "Iyad Ag Ghali");
        String html = page(as(userA, orgA, get("/entities/" + iyad + "/duplicates").param("lang", "fr")), 200);
        assertThat(html).contains("id=\"merge-form\"", "name=\"_csrf\"", "name=\"otherIds\" value=\"" + spelled + "\"",
                "Noms", "Motif de la fusion", "required", "Sous un autre marquage : fusion impossible",
                "aria-label=\"Fusionner Iyad Ag Ghaly dans cette entité\"").doesNotContain(hidden);
        // the candidate under another marking is shown but cannot be ticked
        assertThat(html).containsPattern("value=\"" + strict + "\"[^>]*disabled");
        // the page itself loads the fragment by htmx
        assertThat(page(as(userA, orgA, get("/entities/" + iyad).param("lang", "fr")), 200))
                .contains("hx-get=\"/entities/" + iyad + "/duplicates\"", "Doublons possibles");
    }

    @Test
    void aRefusedMergeIsSaidInWordsAndAHiddenEntityIsAnsweredLikeAnAbsentOne() throws Exception {
        String survivor = person(userA, orgA, Tlp.AMBER, "Mohamed Lemine Ould Sidi");
        String strict = person(userA, orgA, Tlp.AMBER_STRICT, "Mohamed Lemine Ould Sidi");
        String hidden = person(userB, orgB, Tlp.AMBER, "Mohamed Lemine Ould Sidi");
        MvcResult refused = mvc.perform(as(userA, orgA, post("/entities/" + survivor + "/merges")
                .param("otherIds", strict).param("reason", "doublon")).with(csrf())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/entities/" + survivor + "?refused=DIFFERENT_MARKING");
        assertThat(page(as(userA, orgA, get(refused.getResponse().getRedirectedUrl()).param("lang", "fr")), 200))
                .contains("id=\"merge-refused\"", "Ces entités relèvent de marquages différents");
        MvcResult noReason = mvc.perform(as(userA, orgA, post("/entities/" + survivor + "/merges")
                .param("otherIds", strict)).with(csrf())).andReturn();
        assertThat(noReason.getResponse().getRedirectedUrl()).endsWith("?refused=NO_REASON");
        // text in the address is not shown: only known codes
        assertThat(page(as(userA, orgA, get("/entities/" + survivor).param("refused", "<b>x</b>")), 200))
                .doesNotContain("merge-refused");

        String absentFragment = page(as(userA, orgA, get("/entities/" + Ids.newId() + "/duplicates")), 200);
        assertThat(page(as(userA, orgA, get("/entities/" + hidden + "/duplicates")), 200)).isEqualTo(absentFragment);
        String absent = page(as(userA, orgA, post("/entities/" + Ids.newId() + "/merges").param("otherIds", survivor)
                .param("reason", "x").with(csrf())), 404);
        assertThat(page(as(userA, orgA, post("/entities/" + hidden + "/merges").param("otherIds", survivor)
                .param("reason", "x").with(csrf())), 404)).isEqualTo(absent);
        assertThat(page(as(userA, orgA, post("/entities/" + survivor + "/merges").param("otherIds", hidden)
                .param("reason", "x").with(csrf())), 404)).isEqualTo(absent);
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(status);
        return body;
    }

    private static MockHttpServletRequestBuilder as(String userId, String orgId, MockHttpServletRequestBuilder request) {
        FusionCellPrincipal principal = new FusionCellPrincipal(userId, userId, "Test user", orgId, Set.of(Role.ANALYST), Set.of());
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_ANALYST")))));
    }
}
