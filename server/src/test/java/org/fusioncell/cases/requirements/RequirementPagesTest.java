package org.fusioncell.cases.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
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
 * The pages: a requirement set from the French form (a bad one first, re-shown with the field named and nothing
 * stored), an agency tasked; the coverage overview read in Arabic (right to left) by the agency, with the gap
 * highlighted; an outsider gets the not-found page.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class RequirementPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequirementIsSetTaskedAndCoveredThroughThePagesInThreeLanguages() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule de fusion", OrganisationType.STATE_AGENCY, "MR");
        String gendarmerie = fx.organisation("الدرك الوطني", OrganisationType.STATE_AGENCY, "MR");
        String outsiderOrg = fx.organisation("Port autonome", OrganisationType.STATE_AGENCY, "MR");
        String supervisor = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        String gendarme = fx.user(gendarmerie, "SECRET", Set.of(Role.ANALYST), Set.of());
        String outsider = fx.user(outsiderOrg, "SECRET", Set.of(Role.ANALYST), Set.of());
        String code = "PIR-P" + System.nanoTime() % 100000;

        String form = page(as(supervisor, cell, Role.SUPERVISOR, get("/requirements/new").param("lang", "fr")));
        assertThat(form).contains("Fixer un besoin", "id=\"classification\"", "Question à laquelle répondre")
                .doesNotContain("value=\"RED\"");

        long before = jdbc.sql("SELECT COUNT(*) FROM rq_requirement").query(Long.class).single();
        String refused = page(as(supervisor, cell, Role.SUPERVISOR, post("/requirements")).with(csrf())
                .param("lang", "fr").param("code", code).param("title", "Filières de hawala")
                .param("question", "").param("priority", "HIGH").param("classification", "RESTRICTED")
                .param("tlp", "AMBER"));
        assertThat(refused).contains("id=\"form-error\"", "Vérifiez ce champ : question", "id=\"error-question\"",
                "aria-invalid=\"true\"", "value=\"Fili");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rq_requirement").query(Long.class).single()).isEqualTo(before);

        MvcResult created = mvc.perform(as(supervisor, cell, Role.SUPERVISOR, post("/requirements")).with(csrf())
                .param("code", code).param("title", "تمويل شبكات الحوالة")
                .param("question", "ما هي شبكات الحوالة التي تموّل شراء المعدات بين روصو ونواكشوط؟")
                .param("priority", "HIGH").param("classification", "RESTRICTED").param("tlp", "AMBER")).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).as(created.getResponse().getContentAsString()).startsWith("/requirements/");
        String id = location.substring("/requirements/".length(), location.indexOf('?'));

        MvcResult tasked = mvc.perform(as(supervisor, cell, Role.SUPERVISOR, post("/requirements/" + id + "/tasks"))
                .with(csrf()).param("organisationId", gendarmerie).param("indicators", "أسماء الوسطاء ومبالغ التحويلات")
                .param("dueAt", LocalDate.now().plusDays(7).toString())).andReturn();
        assertThat(tasked.getResponse().getRedirectedUrl()).contains("done=tasked");

        String bad = page(as(supervisor, cell, Role.SUPERVISOR, post("/requirements/" + id + "/tasks")).with(csrf())
                .param("lang", "fr").param("organisationId", gendarmerie).param("indicators", "x")
                .param("dueAt", "hier"));
        assertThat(bad).contains("Vérifiez ce champ : dueAt", "id=\"error-dueAt\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rq_task WHERE requirement_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);

        String overview = page(as(gendarme, gendarmerie, Role.ANALYST, get("/requirements").param("lang", "ar")));
        assertThat(overview).contains("dir=\"rtl\"", "الاحتياجات الاستخباراتية", "تغطية الاحتياجات النشطة", code,
                "تمويل شبكات الحوالة", "ثغرة", "class=\"gap\"", "id=\"nav-requirements\"", "عالية");
        String detail = page(as(gendarme, gendarmerie, Role.ANALYST, get("/requirements/" + id).param("lang", "ar")));
        assertThat(detail).contains("dir=\"rtl\"", "ما هي شبكات الحوالة", "أسماء الوسطاء", "مفتوحة", "تأكيد الاستلام",
                "ربط تقرير كإجابة").doesNotContain("id=\"task-form\"", "id=\"status-form\"");

        String english = page(as(supervisor, cell, Role.SUPERVISOR, get("/requirements/" + id).param("lang", "en")));
        assertThat(english).contains("Collection tasks", "id=\"task-form\"", "id=\"status-form\"", "Coverage");

        String editForm = page(as(supervisor, cell, Role.SUPERVISOR, get("/requirements/" + id + "/edit")
                .param("lang", "fr")));
        assertThat(editForm).contains("Modifier le besoin", "value=\"" + code + "\"");
        String badEdit = page(as(supervisor, cell, Role.SUPERVISOR, post("/requirements/" + id + "/edit")).with(csrf())
                .param("lang", "fr").param("version", "1").param("code", code).param("title", "Hawala")
                .param("question", "Qui finance ?").param("priority", "LOW").param("validUntil", "bientôt"));
        assertThat(badEdit).contains("Vérifiez ce champ : validUntil", "id=\"error-validUntil\"");
        MvcResult edited = mvc.perform(as(supervisor, cell, Role.SUPERVISOR, post("/requirements/" + id + "/edit"))
                .with(csrf()).param("version", "1").param("code", code).param("title", "Hawala")
                .param("question", "Qui finance ?").param("priority", "LOW")).andReturn();
        assertThat(edited.getResponse().getRedirectedUrl()).contains("done=edited");
        String taskId = jdbc.sql("SELECT id FROM rq_task WHERE requirement_id = :id").param("id", id)
                .query(String.class).single();
        MvcResult closed = mvc.perform(as(supervisor, cell, Role.SUPERVISOR, post("/requirements/" + id + "/tasks/"
                + taskId + "/close")).with(csrf()).param("reason", "Remplacée")).andReturn();
        assertThat(closed.getResponse().getRedirectedUrl()).contains("done=closed");
        assertThat(page(as(gendarme, gendarmerie, Role.ANALYST, get("/requirements/" + id).param("lang", "ar"))))
                .contains("Hawala", "مغلقة");

        MvcResult hidden = mvc.perform(as(outsider, outsiderOrg, Role.ANALYST, get("/requirements/" + id)
                .param("lang", "fr"))).andReturn();
        assertThat(hidden.getResponse().getStatus()).isEqualTo(404);
        assertThat(hidden.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Besoin introuvable")
                .doesNotContain("hawala", "الحوالة");
        assertThat(page(as(outsider, outsiderOrg, Role.ANALYST, get("/requirements")))).doesNotContain(code);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(200);
        return body;
    }

    private static MockHttpServletRequestBuilder as(String userId, String orgId, Role role,
                                                    MockHttpServletRequestBuilder request) {
        FusionCellPrincipal principal = new FusionCellPrincipal(userId, userId, "Test user", orgId, Set.of(role),
                Set.of());
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(role.authority())))));
    }
}
