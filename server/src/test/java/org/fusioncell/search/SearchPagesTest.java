package org.fusioncell.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/** The search page in Arabic with highlighted snippets and facet links; the admin reindex endpoint. */
@FusionCellTest
// a context (and database) of its own: items another test created in a shared context would be counted
@TestPropertySource(properties = "fusioncell.test.context=search-pages")
@DirtiesContext
@AutoConfigureMockMvc
class SearchPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Reports reports;
    @Autowired
    ClassificationScheme scheme;
    @Autowired
    SearchIndex index;

    @Test
    void arabicPageShowsHighlightedSnippetsAndFacetsForAQueryWithoutDiacritics() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        String user = fx.user(org, scheme.highest(), Set.of(Role.ANALYST, Role.ADMINISTRATOR), Set.of());
        long before = index.size();
        Report report = reports.contribute(readers.forUser(user, "test"), new ReportDraft("تقرير عن الإرهابِ",
                "رُصِدت مجموعةٌ تخطط لهجوم. مكافحة الإرهاب <script>x</script> تتطلب تبادل المعلومات.", null, null,
                new Grading(SourceReliability.B, 2), new Marking(0, Tlp.AMBER, Releasability.NONE, false, Set.of(), org),
                null));
        awaitIndexed(before + 1);

        String html = mvc.perform(get("/search").param("q", "الارهاب").param("lang", "ar").with(as(user, org, Set.of())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("dir=\"rtl\"").contains("data-id=\"" + report.id() + "\"").contains("<mark>")
                .contains("نتيجة واحدة").contains("data-facet=\"language\"").contains("&lt;script&gt;")
                .doesNotContain("<script>x");

        mvc.perform(post("/api/v1/admin/search/reindex").with(as(user, org, Set.of("read", "write", "admin"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.indexed.report").value(1));
        mvc.perform(get("/api/v1/search").param("q", "مكافحه").with(as(user, org, Set.of("read"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(report.id()));
        mvc.perform(get("/api/v1/search").param("from", "not-a-date").with(as(user, org, Set.of("read"))))
                .andExpect(status().isBadRequest());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String user, String org,
                                                                                       Set<String> scopes) {
        FusionCellPrincipal principal = new FusionCellPrincipal(user, user, "Test", org,
                Set.of(Role.ANALYST, Role.ADMINISTRATOR), scopes);
        List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>(List.of(
                new SimpleGrantedAuthority("ROLE_ANALYST"), new SimpleGrantedAuthority("ROLE_ADMINISTRATOR")));
        scopes.forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    }

    private void awaitIndexed(long expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (index.size() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(index.size()).isGreaterThanOrEqualTo(expected);
    }
}
