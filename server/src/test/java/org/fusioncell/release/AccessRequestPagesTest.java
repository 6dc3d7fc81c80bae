package org.fusioncell.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.entities.EntityDraft;
import org.fusioncell.entities.EntityType;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The inbox: a request filed from the form, seen by the holder in Arabic, approved with CSRF, then released. */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class AccessRequestPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Entities entities;
    @Autowired
    Readers readers;

    @Test
    void aRequestFiledFromTheFormIsApprovedFromTheHoldersArabicInbox() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String orgA = fx.organisation("Agence A", OrganisationType.STATE_AGENCY, "MR");
        String orgB = fx.organisation("الوكالة ب", OrganisationType.STATE_AGENCY, "MR");
        fx.agreement(Set.of(orgA, orgB), "SECRET", Set.of("*"));
        String userA = fx.user(orgA, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of());
        String userB = fx.user(orgB, "CONFIDENTIAL", Set.of(Role.SUPERVISOR), Set.of());
        Marking amber = new Marking(1, Tlp.AMBER, Releasability.NONE, false, Set.of(), orgB);
        String entityId = entities.record(readers.forUser(userB, "test"), new EntityDraft(EntityType.EMAIL,
                "pages@gov.mr", "email:pages@gov.mr", Map.of("address", "pages@gov.mr"), amber)).entity().id();
        assertThat(entities.open(readers.forUser(userA, "test"), entityId)).isInstanceOf(EntityAccess.KnownToExist.class);

        assertThat(mvc.perform(as(userA, orgA, Role.ANALYST, post("/access-requests")).param("itemType", "ENTITY")
                .param("itemId", entityId).param("justification", "القضية المشتركة")).andReturn().getResponse()
                .getStatus()).as("no CSRF token, no request").isEqualTo(403);
        MvcResult filed = mvc.perform(as(userA, orgA, Role.ANALYST, post("/access-requests")).with(csrf())
                .param("itemType", "ENTITY").param("itemId", entityId).param("justification", "القضية المشتركة"))
                .andReturn();
        assertThat(filed.getResponse().getRedirectedUrl()).isEqualTo("/access-requests?box=outgoing&done=filed");
        String outgoing = page(as(userA, orgA, Role.ANALYST, get("/access-requests").param("box", "outgoing")
                .param("lang", "fr").param("done", "filed")));
        assertThat(outgoing).contains("Mes demandes", "Votre demande a été transmise", "En attente", "الوكالة ب",
                "Retirer").doesNotContain("pages@gov.mr");

        String inbox = page(as(userB, orgB, Role.SUPERVISOR, get("/access-requests").param("lang", "ar")));
        assertThat(inbox).contains("dir=\"rtl\"", "طلبات الاطلاع", "القضية المشتركة", "Agence A", "الموافقة والإفراج",
                "name=\"_csrf\"");
        String requestId = jdbc.sql("SELECT id FROM release_access_request WHERE item_id = :id").param("id", entityId)
                .query(String.class).single();
        MvcResult approved = mvc.perform(as(userB, orgB, Role.SUPERVISOR,
                post("/access-requests/" + requestId + "/approve")).with(csrf()).param("reason", "")).andReturn();
        assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/access-requests?box=incoming&done=approved");
        assertThat(entities.open(readers.forUser(userA, "test"), entityId)).isInstanceOf(EntityAccess.Opened.class);

        MvcResult again = mvc.perform(as(userB, orgB, Role.SUPERVISOR,
                post("/access-requests/" + requestId + "/deny")).with(csrf()).param("reason", "x")).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/access-requests?box=incoming&problem=decided");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(200);
        return body;
    }

    private static MockHttpServletRequestBuilder as(String userId, String orgId, Role role,
                                                    MockHttpServletRequestBuilder request) {
        FusionCellPrincipal principal = new FusionCellPrincipal(userId, userId, "Test user", orgId, Set.of(role), Set.of());
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(role.authority())))));
    }
}
