package org.fusioncell.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.PageVisitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The research pages: a researcher's request refused in French naming « Période au », nothing stored, then sent;
 * the cell's supervisor decides on the Arabic page (right to left) and the export's CSV link works for the
 * researcher; the cell's analyst gets the same 404 as for a request that does not exist.
 */
@FusionCellTest
@AutoConfigureMockMvc
class ResearchPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestIsMadeDecidedAndDownloadedFromThePages() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule (pages recherche)", OrganisationType.STATE_AGENCY, "MR");
        jdbc.sql("UPDATE identity_organisation SET sector = 'INTELLIGENCE' WHERE id = :id").param("id", cell).update();
        String university = fx.organisation("Université (pages recherche)", OrganisationType.ACADEMIC_INSTITUTION, "MR");
        String researcherId = fx.user(university, "UNCLASSIFIED", Set.of(Role.RESEARCHER), Set.of());
        String supervisorId = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        String analystId = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        PageVisitor researcher = new PageVisitor(mvc, researcherId, university, Role.RESEARCHER);
        PageVisitor supervisor = new PageVisitor(mvc, supervisorId, cell, Role.SUPERVISOR);
        PageVisitor analyst = new PageVisitor(mvc, analystId, cell, Role.ANALYST);

        String form = researcher.page(get("/research/new").param("lang", "fr"), 200);
        assertThat(form).contains("Nouvelle demande de recherche", "Cellule (pages recherche)", "id=\"field-perpetratorGroup\"")
                .doesNotContain("placeName");
        long before = jdbc.sql("SELECT COUNT(*) FROM research_request").query(Long.class).single();
        String refused = researcher.page(request().param("periodTo", "2003-12-31").param("lang", "fr")
                .param("cellOrganisationId", cell), 200);
        assertThat(refused).contains("id=\"research-error\"", "Période au");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM research_request").query(Long.class).single()).isEqualTo(before);
        String location = researcher.redirect(request().param("periodTo", "2004-12-31").param("cellOrganisationId", cell));
        String id = location.substring(location.lastIndexOf('/') + 1);

        analyst.page(get("/research/" + id), 404);
        assertThat(researcher.page(get("/research/" + id).param("lang", "fr"), 200)).doesNotContain("id=\"research-decision\"");
        String decide = supervisor.page(get("/research/" + id).param("lang", "ar"), 200);
        assertThat(decide).contains("dir=\"rtl\"", "id=\"research-decision\"", "بانتظار القرار");
        supervisor.redirect(post("/research/" + id + "/decision").with(csrf()).param("decision", "APPROVE")
                .param("text", "نشر المجاميع فقط"));
        String approved = researcher.page(get("/research/" + id).param("lang", "ar"), 200);
        assertThat(approved).contains("مقبول", "نشر المجاميع فقط", "/research/" + id + "/exports/");
        String exportId = approved.replaceAll("(?s).*/research/" + id + "/exports/([0-9a-f-]+)\\.csv.*", "$1");
        var csv = researcher.perform(get("/research/" + id + "/exports/" + exportId + ".csv"));
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getContentAsString()).startsWith("row,country,attackType,count,flag");
        assertThat(researcher.page(get("/research").param("lang", "ar"), 200)).contains("id=\"research-" + id + "\"");
        assertThat(analyst.page(get("/research"), 200)).doesNotContain(id);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request() {
        return post("/research").with(csrf()).param("purpose", "Étude des attaques contre les civils")
                .param("ethicsReference", "CER-12").param("ethicsIssuingBody", "Comité d'éthique")
                .param("ethicsDate", "2025-01-10").param("fields", "country").param("fields", "attackType")
                .param("periodFrom", "2004-01-01").param("output", "AGGREGATES").param("k", "10")
                .param("threshold", "10");
    }
}
