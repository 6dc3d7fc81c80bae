package org.fusioncell.cases.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The evidence pages: an extraction without its hash refused in French naming the field, nothing stored; a
 * sealed item received and handed to the gendarmerie, whose analyst reads the custody in Arabic (right to
 * left) and acknowledges it; an outsider gets the not-found page.
 */
@FusionCellTest
@AutoConfigureMockMvc
class EvidencePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void evidenceIsReceivedHandedOverAndReadInThreeLanguages() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule de fusion", OrganisationType.STATE_AGENCY, "MR");
        String gendarmerie = fx.organisation("الدرك الوطني", OrganisationType.STATE_AGENCY, "MR");
        String outsiderOrg = fx.organisation("Port autonome", OrganisationType.STATE_AGENCY, "MR");
        String analyst = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String supervisor = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        String gendarme = fx.user(gendarmerie, "SECRET", Set.of(Role.ANALYST), Set.of());
        String outsider = fx.user(outsiderOrg, "SECRET", Set.of(Role.ANALYST), Set.of());

        MvcResult opened = mvc.perform(as(analyst, cell, Role.ANALYST, post("/cases")).with(csrf())
                .param("title", "Entrepôt de Rosso").param("summary", "Perquisition de l’entrepôt loué.")
                .param("kind", "INVESTIGATION").param("language", "ar")
                .param("classification", "RESTRICTED").param("tlp", "AMBER")).andReturn();
        String id = opened.getResponse().getRedirectedUrl().substring(7, 43);
        mvc.perform(as(supervisor, cell, Role.SUPERVISOR, post("/cases/" + id + "/participants")).with(csrf())
                .param("organisationId", gendarmerie).param("version", "1")).andReturn();
        assertThat(page(as(analyst, cell, Role.ANALYST, get("/cases/" + id).param("lang", "fr"))))
                .contains("id=\"evidence-link\"", "/cases/" + id + "/evidence", "Chaîne de conservation");

        MvcResult refused = mvc.perform(as(analyst, cell, Role.ANALYST, multipart("/cases/" + id + "/evidence"))
                .with(csrf()).param("lang", "fr").param("kind", "DIGITAL_EXTRACTION")
                .param("title", "Extraction du téléphone").param("tool", "UFED").param("sourceDevice", "Samsung A52")
                .param("sha256", "").param("place", "Laboratoire").param("why", "Perquisition")).andReturn();
        String refusedPage = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refusedPage).contains("id=\"evidence-error\"", "Vérifiez le champ sha256", "without a hash",
                "aria-invalid=\"true\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_evidence_item WHERE case_id = :id").param("id", id)
                .query(Long.class).single()).isZero();

        MvcResult received = mvc.perform(as(analyst, cell, Role.ANALYST, multipart("/cases/" + id + "/evidence")
                        .file(new MockMultipartFile("file", new byte[0])))
                .with(csrf()).param("kind", "PHYSICAL").param("title", "دفتر مكتوب بخط اليد")
                .param("description", "دفتر حلزوني من 48 صفحة").param("sealNumber", "SC-2026-0412")
                .param("place", "غرفة الأحراز").param("why", "ضُبط في منزل المشتبه به")).andReturn();
        assertThat(received.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + id + "/evidence");
        String item = jdbc.sql("SELECT id FROM cases_evidence_item WHERE case_id = :id").param("id", id)
                .query(String.class).single();
        MvcResult handed = mvc.perform(as(analyst, cell, Role.ANALYST,
                        post("/cases/" + id + "/evidence/" + item + "/custody")).with(csrf())
                .param("kind", "TRANSFERRED").param("place", "غرفة الأحراز").param("why", "للفحص")
                .param("toUserId", gendarme)).andReturn();
        assertThat(handed.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + id + "/evidence");

        String arabic = page(as(gendarme, gendarmerie, Role.ANALYST, get("/cases/" + id + "/evidence")
                .param("lang", "ar")));
        assertThat(arabic).contains("dir=\"rtl\"", "الأدلة", "سلسلة الحيازة", "دليل مادي", "استُلم", "نُقل",
                "بانتظار إقرار الاستلام من", "SC-2026-0412", "class=\"inline custody-form\"");
        MvcResult acknowledged = mvc.perform(as(gendarme, gendarmerie, Role.ANALYST,
                        post("/cases/" + id + "/evidence/" + item + "/custody")).with(csrf())
                .param("kind", "ACKNOWLEDGED").param("place", "مختبر الدرك").param("why", "استلام للفحص")).andReturn();
        assertThat(acknowledged.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + id + "/evidence");
        String english = page(as(analyst, cell, Role.ANALYST, get("/cases/" + id + "/evidence")
                .param("lang", "en").param("verify", "true")));
        assertThat(english).contains("Transfer acknowledged", "The custody log is intact: 1 items, 3 events.")
                .doesNotContain("class=\"inline custody-form\"");
        assertThat(page(as(analyst, cell, Role.ANALYST, get("/cases/" + id).param("lang", "en"))))
                .contains("acknowledged an evidence transfer");

        MvcResult hidden = mvc.perform(as(outsider, outsiderOrg, Role.ANALYST, get("/cases/" + id + "/evidence")
                .param("lang", "fr"))).andReturn();
        assertThat(hidden.getResponse().getStatus()).isEqualTo(404);
        assertThat(hidden.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("SC-2026-0412");
    }

    private String page(RequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(200);
        return body;
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(String userId, String orgId, Role role,
                                                                             B request) {
        FusionCellPrincipal principal = new FusionCellPrincipal(userId, userId, "Test user", orgId, Set.of(role), Set.of());
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(role.authority())))));
    }
}
