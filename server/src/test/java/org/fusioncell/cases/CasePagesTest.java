package org.fusioncell.cases;

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
 * The pages: a case opened from the French form (a bad one first, re-shown with the field named and nothing
 * stored), shared with the gendarmerie, given a task; read in Arabic (right to left) by the gendarmerie;
 * a status change without a reason refused; an outsider gets the not-found page.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class CasePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Entities entities;
    @Autowired
    Readers readers;

    @Test
    void aCaseIsOpenedSharedAndWorkedThroughThePagesInThreeLanguages() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule de fusion", OrganisationType.STATE_AGENCY, "MR");
        String gendarmerie = fx.organisation("الدرك الوطني", OrganisationType.STATE_AGENCY, "MR");
        String outsiderOrg = fx.organisation("Port autonome", OrganisationType.STATE_AGENCY, "MR");
        String analyst = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String supervisor = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        String gendarme = fx.user(gendarmerie, "SECRET", Set.of(Role.ANALYST), Set.of());
        String outsider = fx.user(outsiderOrg, "SECRET", Set.of(Role.ANALYST), Set.of());

        String form = page(as(analyst, cell, Role.ANALYST, get("/cases/new").param("lang", "fr")));
        assertThat(form).contains("Ouvrir un dossier", "id=\"classification\"", "Enquête", "Réponse à un attentat")
                .doesNotContain("value=\"RED\"");

        long before = jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single();
        String refused = page(as(analyst, cell, Role.ANALYST, post("/cases")).with(csrf()).param("lang", "fr")
                .param("title", "").param("summary", "Location d’un entrepôt à Rosso par un facilitateur présumé.")
                .param("kind", "INVESTIGATION").param("language", "fr").param("classification", "RESTRICTED")
                .param("tlp", "AMBER"));
        assertThat(refused).contains("id=\"form-error\"", "Vérifiez le champ title", "id=\"error-title\"",
                "aria-invalid=\"true\"", "Rosso par un facilitateur");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single()).isEqualTo(before);

        MvcResult opened = mvc.perform(as(analyst, cell, Role.ANALYST, post("/cases")).with(csrf())
                .param("title", "Entrepôt de Rosso").param("summary", "Location d’un entrepôt à Rosso par un"
                        + " facilitateur présumé.").param("kind", "INVESTIGATION").param("language", "fr")
                .param("classification", "RESTRICTED").param("tlp", "AMBER")).andReturn();
        String location = opened.getResponse().getRedirectedUrl();
        assertThat(location).matches("/cases/[0-9a-f-]{36}\\?done=opened");
        String id = location.substring(7, 43);

        MvcResult shared = mvc.perform(as(supervisor, cell, Role.SUPERVISOR, post("/cases/" + id + "/participants"))
                .with(csrf()).param("organisationId", gendarmerie).param("version", "1")).andReturn();
        assertThat(shared.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + id + "?done=participant-added");
        MvcResult task = mvc.perform(as(analyst, cell, Role.ANALYST, post("/cases/" + id + "/tasks")).with(csrf())
                .param("title", "Identifier le locataire").param("assignee", "org:" + gendarmerie)
                .param("priority", "HIGH").param("dueDate", "")).andReturn();
        assertThat(task.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + id + "?done=task-created");

        // an item by id: shown with its label to whoever its own marking lets see it, to nobody else
        Marking cellOnly = new Marking(1, Tlp.AMBER, Releasability.NONE, false, Set.of(), cell);
        String entityId = entities.record(readers.forUser(analyst, "test"), new EntityDraft(EntityType.EMAIL,
                "loueur.rosso@example.mr", "email:loueur.rosso@example.mr", Map.of("address", "loueur.rosso@example.mr"),
                cellOnly)).entity().id();
        MvcResult item = mvc.perform(as(analyst, cell, Role.ANALYST, post("/cases/" + id + "/items")).with(csrf())
                .param("itemType", "ENTITY").param("itemId", entityId).param("note", "Contact du loueur")).andReturn();
        assertThat(item.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + id + "?done=item-added");
        assertThat(page(as(analyst, cell, Role.ANALYST, get("/cases/" + id).param("lang", "fr"))))
                .contains("loueur.rosso@example.mr", "/entities/" + entityId, "Contact du loueur", "RESTRICTED");

        MvcResult noReason = mvc.perform(as(supervisor, cell, Role.SUPERVISOR, post("/cases/" + id + "/status"))
                .with(csrf()).param("status", "SUSPENDED").param("reason", "").param("version", "2")).andReturn();
        assertThat(noReason.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + id);
        assertThat(noReason.getFlashMap().get("errorField")).isEqualTo("reason");

        String list = page(as(gendarme, gendarmerie, Role.ANALYST, get("/cases").param("lang", "ar")));
        assertThat(list).contains("dir=\"rtl\"", "الملفات", "Entrepôt de Rosso", "تحقيق", "مفتوح", "id=\"nav-cases\"",
                "Cellule de fusion");
        String detail = page(as(gendarme, gendarmerie, Role.ANALYST, get("/cases/" + id).param("lang", "ar")));
        assertThat(detail).contains("dir=\"rtl\"", "RESTRICTED // TLP:AMBER", "Identifier le locataire", "عالية",
                "مسندة إلى", "الدرك الوطني", "فتح الملف", "شارك الملف مع", "أنشأ مهمة", "id=\"item-form\"",
                "id=\"task-form\"", "name=\"_csrf\"").doesNotContain("id=\"status-form\"")
                .doesNotContain("id=\"participant-form\"").doesNotContain("loueur.rosso").doesNotContain(entityId);
        String lead = page(as(supervisor, cell, Role.SUPERVISOR, get("/cases/" + id).param("lang", "en")));
        assertThat(lead).contains("id=\"status-form\"", "Referred to prosecution", "Timeline", "created a task");
        String filtered = page(as(analyst, cell, Role.ANALYST, get("/cases").param("status", "CLOSED")
                .param("lang", "fr")));
        assertThat(filtered).contains("Aucun dossier").doesNotContain("Entrepôt de Rosso");

        MvcResult hidden = mvc.perform(as(outsider, outsiderOrg, Role.ANALYST, get("/cases/" + id).param("lang", "fr")))
                .andReturn();
        assertThat(hidden.getResponse().getStatus()).isEqualTo(404);
        assertThat(hidden.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Dossier introuvable")
                .doesNotContain("Rosso");
        assertThat(page(as(outsider, outsiderOrg, Role.ANALYST, get("/cases")))).doesNotContain("Rosso");
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
