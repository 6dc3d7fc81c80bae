package org.fusioncell.exchange.rfi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityDraft;
import org.fusioncell.entities.EntityType;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.IdentityFixtures;
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

/**
 * The pages: a request filed from the French form (a bad one first, re-shown with the field named and
 * nothing stored), read and answered in the addressee's Arabic inbox, accepted by the requester in English;
 * overdue rows highlighted; the response-time table for supervisors only; others get the not-found page.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class RfiPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Entities entities;
    @Autowired
    Readers readers;

    @Test
    void aRequestIsFiledAnsweredAndAcceptedThroughThePagesInThreeLanguages() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule de fusion", OrganisationType.STATE_AGENCY, "MR");
        String gendarmerie = fx.organisation("الدرك الوطني", OrganisationType.STATE_AGENCY, "MR");
        String outsiderOrg = fx.organisation("Port autonome", OrganisationType.STATE_AGENCY, "MR");
        String analyst = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String supervisor = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        String liaison = fx.user(gendarmerie, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of());
        String outsider = fx.user(outsiderOrg, "SECRET", Set.of(Role.ANALYST), Set.of());
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        // the gendarmerie learns that the cell holds the linked entity, nothing more (hit/no-hit under the agreement)
        fx.agreement(Set.of(cell, gendarmerie), "SECRET", Set.of("*"));
        Marking cellOnly = new Marking(1, Tlp.AMBER, Releasability.NONE, false, Set.of(), cell);
        String entityId = entities.record(readers.forUser(analyst, "test"), new EntityDraft(EntityType.EMAIL,
                "loueur.rosso@example.mr", "email:loueur.rosso@example.mr", Map.of("address", "loueur.rosso@example.mr"),
                cellOnly)).entity().id();

        String form = page(as(analyst, cell, Role.ANALYST, get("/rfis/new").param("lang", "fr")));
        assertThat(form).contains("Nouvelle demande de renseignements", "name=\"addressees\"", "الدرك الوطني",
                "id=\"classification\"", "Immédiate").doesNotContain("id=\"addressee-" + cell + "\"");

        long before = jdbc.sql("SELECT COUNT(*) FROM exchange_rfi").query(Long.class).single();
        String refused = page(as(analyst, cell, Role.ANALYST, post("/rfis")).with(csrf()).param("lang", "fr")
                .param("title", "").param("question", "Qui loue l’entrepôt de Rosso ?").param("priority", "IMMEDIATE")
                .param("dueDate", due).param("addressees", gendarmerie).param("classification", "RESTRICTED")
                .param("tlp", "AMBER").param("organisations", gendarmerie));
        assertThat(refused).contains("id=\"form-error\"", "title", "de Rosso ?");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_rfi").query(Long.class).single()).isEqualTo(before);

        MvcResult filed = mvc.perform(as(analyst, cell, Role.ANALYST, post("/rfis")).with(csrf())
                .param("title", "Entrepôt de Rosso").param("question", "Qui loue l’entrepôt de Rosso ?")
                .param("priority", "IMMEDIATE").param("dueDate", due).param("addressees", gendarmerie)
                .param("entityIds", entityId)
                .param("classification", "RESTRICTED").param("tlp", "AMBER").param("organisations", gendarmerie))
                .andReturn();
        String location = filed.getResponse().getRedirectedUrl();
        assertThat(location).matches("/rfis/[0-9a-f-]{36}\\?done=filed");
        String id = location.substring(6, 42);

        String inbox = page(as(liaison, gendarmerie, Role.LIAISON_OFFICER, get("/rfis").param("lang", "ar")));
        assertThat(inbox).contains("dir=\"rtl\"", "طلبات المعلومات", "Entrepôt de Rosso", "فوري", "مفتوح",
                "Cellule de fusion", "id=\"nav-rfis\"");
        String detail = page(as(liaison, gendarmerie, Role.LIAISON_OFFICER, get("/rfis/" + id).param("lang", "ar")));
        assertThat(detail).contains("Qui loue l’entrepôt de Rosso ?", "RESTRICTED // TLP:AMBER", "id=\"assign-form\"",
                "id=\"answer-form\"", "id=\"decline-form\"", "name=\"_csrf\"").doesNotContain("id=\"cancel-form\"");
        assertThat(detail).contains("rfi-item-held", "/entities/" + entityId).doesNotContain("loueur.rosso@example.mr");

        MvcResult answered = mvc.perform(as(liaison, gendarmerie, Role.LIAISON_OFFICER, post("/rfis/" + id + "/answer"))
                .with(csrf()).param("text", "المستودع مؤجر لشركة نقل منذ أغسطس.").param("reportIds", "")
                .param("entityIds", "")).andReturn();
        assertThat(answered.getResponse().getRedirectedUrl()).isEqualTo("/rfis/" + id + "?done=answered");

        String requesterView = page(as(analyst, cell, Role.ANALYST, get("/rfis/" + id).param("lang", "en")
                .param("done", "answered")));
        assertThat(requesterView).contains("The answer was sent.", "المستودع مؤجر لشركة نقل منذ أغسطس.", "Answered",
                "Accept the answer", "id=\"cancel-form\"", "loueur.rosso@example.mr");
        MvcResult accepted = mvc.perform(as(analyst, cell, Role.ANALYST, post("/rfis/" + id + "/accept")).with(csrf())
                .param("addresseeOrganisationId", gendarmerie)).andReturn();
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/rfis/" + id + "?done=accepted");
        MvcResult again = mvc.perform(as(analyst, cell, Role.ANALYST, post("/rfis/" + id + "/accept")).with(csrf())
                .param("addresseeOrganisationId", gendarmerie)).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/rfis/" + id);
        assertThat(again.getFlashMap().get("problem")).isEqualTo("wrong-state");
        assertThat(again.getFlashMap().get("problemState")).isEqualTo("ACCEPTED");

        // overdue: highlighted in the requester's outgoing box; figures for the supervisor only
        String late = jdbc.sql("SELECT id FROM exchange_rfi WHERE id <> :id AND requester_organisation_id = :o")
                .param("id", id).param("o", cell).query(String.class).optional().orElse(null);
        assertThat(late).isNull();
        MvcResult second = mvc.perform(as(analyst, cell, Role.ANALYST, post("/rfis")).with(csrf())
                .param("title", "Véhicule immatriculé 1234 AB 00").param("question", "هل رُصدت هذه المركبة؟")
                .param("priority", "ROUTINE").param("dueDate", due).param("addressees", gendarmerie)
                .param("classification", "RESTRICTED").param("tlp", "AMBER").param("organisations", gendarmerie))
                .andReturn();
        String overdueId = second.getResponse().getRedirectedUrl().substring(6, 42);
        jdbc.sql("UPDATE exchange_rfi SET due_at = :due WHERE id = :id")
                .param("due", Timestamp.from(Instant.now().minus(Duration.ofHours(2)))).param("id", overdueId).update();
        String outgoing = page(as(analyst, cell, Role.ANALYST, get("/rfis").param("box", "outgoing").param("lang", "en")));
        assertThat(outgoing).contains("id=\"rfi-" + overdueId + "\" class=\"overdue\"", "Overdue", "0 of 1 answered")
                .doesNotContain("id=\"rfi-times\"");
        String filtered = page(as(analyst, cell, Role.ANALYST, get("/rfis").param("box", "outgoing")
                .param("overdue", "true")));
        assertThat(filtered).contains("rfi-" + overdueId).doesNotContain("rfi-" + id);
        String figures = page(as(supervisor, cell, Role.SUPERVISOR, get("/rfis").param("box", "outgoing")
                .param("lang", "fr")));
        assertThat(figures).contains("id=\"rfi-times\"", "Délais de réponse", "الدرك الوطني");

        MvcResult hidden = mvc.perform(as(outsider, outsiderOrg, Role.ANALYST, get("/rfis/" + id).param("lang", "fr")))
                .andReturn();
        assertThat(hidden.getResponse().getStatus()).isEqualTo(404);
        assertThat(hidden.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Demande introuvable")
                .doesNotContain("Rosso");
        assertThat(page(as(outsider, outsiderOrg, Role.ANALYST, get("/rfis")))).doesNotContain("Rosso");
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
