package org.fusioncell.safeguards.redress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
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
 * The redress pages: a filing refused with its field named and nothing stored (French), then filed; the request
 * read in Arabic right to left, noted and decided; an analyst is refused.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class RedressPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficerFilesReviewsAndDecidesThroughThePages() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation(OrganisationType.STATE_AGENCY);
        String dpo = fx.user(cell, "SECRET", Set.of(Role.DATA_PROTECTION_OFFICER), Set.of());
        String analyst = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        assertThat(mvc.perform(as(analyst, cell, Role.ANALYST, get("/redress"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);

        long before = jdbc.sql("SELECT COUNT(*) FROM redress_request").query(Long.class).single();
        String refused = page(as(dpo, cell, Role.DATA_PROTECTION_OFFICER, post("/redress")).with(csrf())
                .param("lang", "fr").param("names", "Fatima Zahra Belkacem").param("dateOfBirth", "le 3 mars")
                .param("language", "fr").param("contact", "12 rue des Oliviers, Nouakchott"));
        assertThat(refused).contains("id=\"form-error\"", "Vérifiez Date de naissance", "Fatima Zahra Belkacem",
                "12 rue des Oliviers");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM redress_request").query(Long.class).single()).isEqualTo(before);

        MvcResult filed = mvc.perform(as(dpo, cell, Role.DATA_PROTECTION_OFFICER, post("/redress")).with(csrf())
                .param("names", "فاطمة الزهراء بلقاسم\nFatima Zahra Belkacem").param("dateOfBirth", "1979-03-03")
                .param("nationality", "Mauritanie").param("language", "ar")
                .param("contact", "12 rue des Oliviers, Nouakchott")).andReturn();
        String location = filed.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/redress/");

        String detail = page(as(dpo, cell, Role.DATA_PROTECTION_OFFICER, get(location).param("lang", "ar")));
        assertThat(detail).contains("dir=\"rtl\"", "طلب تظلّم", "فاطمة الزهراء بلقاسم", "مقدَّم", "id=\"candidates\"",
                "id=\"decision-form\"", "العربية");
        mvc.perform(as(dpo, cell, Role.DATA_PROTECTION_OFFICER, post(location + "/notes")).with(csrf())
                .param("text", "لا يوجد أي تطابق مسجَّل لهذه الشخصية"));
        String noReason = page(as(dpo, cell, Role.DATA_PROTECTION_OFFICER, post(location + "/decision")).with(csrf())
                .param("lang", "en").param("outcome", "NOT_UPHELD").param("reason", " "));
        assertThat(noReason).contains("id=\"form-error\"", "Check Reasons (internal, not in the letter)");
        mvc.perform(as(dpo, cell, Role.DATA_PROTECTION_OFFICER, post(location + "/decision")).with(csrf())
                .param("outcome", "NOT_UPHELD").param("reason", "No screening of this person was recorded"));
        String decided = page(as(dpo, cell, Role.DATA_PROTECTION_OFFICER, get(location).param("lang", "fr")));
        assertThat(decided).contains("Non fondée", "No screening of this person was recorded", "id=\"letter-pdf\"",
                "لا يوجد أي تطابق مسجَّل لهذه الشخصية").doesNotContain("id=\"decision-form\"");
        assertThat(page(as(dpo, cell, Role.DATA_PROTECTION_OFFICER, get("/redress").param("lang", "en"))))
                .contains("فاطمة الزهراء بلقاسم", "Not upheld", "Arabic");
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
