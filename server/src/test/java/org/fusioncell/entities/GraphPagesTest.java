package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graph page: Arabic right-to-left with the banner above and below the chart, scripts from the
 * server only (the CSP allows no inline script), the timeline; its JSON carries every element's marking
 * and the highest one as the banner; a hidden entity answers like an absent one.
 */
@FusionCellTest
@AutoConfigureMockMvc
class GraphPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Entities entities;
    @Autowired
    ReportEntities reportEntities;
    @Autowired
    Reports reports;
    @Autowired
    Readers readers;
    @Autowired
    ClassificationScheme scheme;

    private static String orgA;
    private static String userA;
    private static String alpha;
    private static String bravo;
    private static String hidden;

    @BeforeEach
    void world() {
        if (userA != null) {
            return;
        }
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        orgA = fx.organisation("Agence A", OrganisationType.STATE_AGENCY, "MR");
        String orgB = fx.organisation("Agence B", OrganisationType.STATE_AGENCY, "MR");
        userA = fx.user(orgA, "SECRET", Set.of(Role.ANALYST), Set.of());
        Reader a = readers.forUser(userA, null);
        Reader b = readers.forUser(fx.user(orgB, "SECRET", Set.of(Role.ANALYST), Set.of()), null);
        alpha = person(a, "أحمد ولد سالم", new Marking(1, Tlp.GREEN, Releasability.NONE, false, Set.of(), orgA));
        bravo = person(a, "Bravo", new Marking(2, Tlp.AMBER, Releasability.NONE, false, Set.of(), orgA));
        hidden = person(b, "Caché", new Marking(1, Tlp.AMBER, Releasability.NONE, false, Set.of(), orgB));
        String report = reports.contribute(a, new ReportDraft("تقرير", "نص", Instant.parse("2025-02-01T10:00:00Z"), null,
                new Grading(SourceReliability.B, 2), new Marking(2, Tlp.AMBER, Releasability.NONE, false, Set.of(), orgA),
                null)).id();
        reportEntities.link(a, new ReportEntities.LinkDraft(alpha, bravo, LinkType.FAMILY, report, 0.9,
                LocalDate.of(2024, 5, 1), null), "page test").orElseThrow();
    }

    private String person(Reader author, String label, Marking m) {
        return entities.record(author, new EntityDraft(EntityType.PERSON, label, null, Map.of(), m)).entity().id();
    }

    @Test
    void theArabicPageIsRightToLeftWithTheBannerAroundTheChartAndTheTimeline() throws Exception {
        String html = page(as(get("/entities/" + alpha + "/graph").param("lang", "ar")), 200);
        assertThat(html).contains("dir=\"rtl\"", "روابط \u2068أحمد ولد سالم\u2069", "مخطط الروابط", "التسلسل الزمني",
                "id=\"graph-banner-top\"", "id=\"graph-banner-bottom\"", "RESTRICTED // TLP:GREEN",
                "تصدير بصيغة PNG", "تصدير بصيغة JSON", "الرابط سارٍ منذ", "href=\"/entities/" + bravo + "\"",
                "data-chart-url=\"/entities/" + alpha + "/graph.json\"",
                "src=\"/webjars/cytoscape/3.33.1/dist/cytoscape.min.js\"", "src=\"/js/graph.js\"");
        // the timeline shows the AMBER link of a CONFIDENTIAL report: its banner is the highest
        assertThat(html).contains("CONFIDENTIAL // TLP:AMBER");
        assertThat(html.replaceAll("<script[^>]*\\bsrc=\"[^\"]*\"[^>]*></script>", ""))
                .as("no inline script").doesNotContain("<script");
    }

    @Test
    void theChartJsonCarriesEveryMarkingAndTheHighestAsItsBanner() throws Exception {
        JsonNode chart = JsonMapper.builder().build().readTree(page(as(get("/entities/" + alpha + "/graph.json")
                .param("hops", "2")), 200));
        assertThat(chart.get("banner").asString()).isEqualTo("CONFIDENTIAL // TLP:AMBER");
        assertThat(chart.get("nodes")).hasSize(2);
        assertThat(chart.get("nodes").get(0).get("marking").get("banner").asString()).isEqualTo("RESTRICTED // TLP:GREEN");
        assertThat(chart.get("edges").get(0).get("marking").get("tlp").asString()).isEqualTo("TLP:AMBER");
        assertThat(page(as(get("/entities/" + hidden + "/graph.json")), 404)).isEmpty();
    }

    @Test
    void aHiddenEntitysGraphPageAnswersExactlyLikeAnAbsentOne() throws Exception {
        String hiddenPage = page(as(get("/entities/" + hidden + "/graph").param("lang", "fr")), 404);
        String absent = page(as(get("/entities/" + Ids.newId() + "/graph").param("lang", "fr")), 404);
        assertThat(hiddenPage).isEqualTo(absent).doesNotContain("Caché");
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(status);
        return body;
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        FusionCellPrincipal principal = new FusionCellPrincipal(userA, userA, "Test user", orgA, Set.of(Role.ANALYST), Set.of());
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_ANALYST")))));
    }
}
