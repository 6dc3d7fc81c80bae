package org.fusioncell.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
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
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
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
 * The contribute and edit pages: explanations next to the pickers in French and Arabic, an error shown at
 * its field with what was typed kept, edits by version (a stale one saves nothing), a tag filter on the list.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class ReportPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reports reports;
    @Autowired
    Readers readers;
    @Autowired
    ClassificationScheme scheme;
    @Autowired
    org.fusioncell.intake.Attachments attachments;

    private static String orgA;
    private static String userA;
    private static String orgB;
    private static String userB;

    @BeforeEach
    void world() {
        if (userA != null) {
            return;
        }
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        orgA = fx.organisation("Agence A", OrganisationType.STATE_AGENCY, "MR");
        orgB = fx.organisation("Agence B", OrganisationType.STATE_AGENCY, "MR");
        userA = fx.user(orgA, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of());
        userB = fx.user(orgB, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of());
    }

    @Test
    void theFormInFrenchExplainsTlpClassificationAndGradingAndGroupsTagsByTaxonomy() throws Exception {
        String html = page(as(userA, orgA, get("/reports/new").param("lang", "fr")), 200);
        assertThat(html).contains("lang=\"fr\"", "id=\"tlp-explained\"", "destinataires nommés uniquement",
                "id=\"classification-explained\"", "la divulgation nuirait gravement à la sécurité nationale",
                "généralement fiable", "probablement vraie", "<legend>Type de menace</legend>",
                "id=\"tag-threat-type-cyber\"", "value=\"threat-type:cyber\"", "Agence B");
    }

    @Test
    void theFormInArabicIsRightToLeftWithTheExplanationsInArabic() throws Exception {
        String html = page(as(userA, orgA, get("/reports/new").param("lang", "ar")), 200);
        assertThat(html).contains("dir=\"rtl\"", "المتلقون المسمَّون فقط", "يضر ضرراً جسيماً بالأمن الوطني",
                "<legend>نوع التهديد</legend>", "سيبراني", "موثوق عادةً");
    }

    @Test
    void anErrorIsShownAtItsFieldAndWhatWasTypedIsKept() throws Exception {
        String html = page(as(userA, orgA, post("/reports").param("lang", "fr")
                .param("title", "Mouvements suspects, route nord").param("body", "")
                .param("sourceReliability", "B").param("informationCredibility", "2")
                .param("classification", "RESTRICTED").param("tlp", "GREEN")
                .param("tags", "threat-type:cyber").param("tags", "modus-operandi:financing")
                .param("organisationTypes", "PARTNER_FUSION_CELL")).with(csrf()), 200);
        assertThat(html).contains("id=\"error-body\"", "Vérifiez ce champ", "is required", "aria-invalid=\"true\"",
                "value=\"Mouvements suspects, route nord\"");
        int error = html.indexOf("id=\"error-body\"");
        assertThat(error).isGreaterThan(html.indexOf("id=\"body\"")).isLessThan(html.indexOf("id=\"occurredAt\""));
        assertThat(html).containsPattern("id=\"tag-threat-type-cyber\"[^>]*checked")
                .containsPattern("id=\"tag-modus-operandi-financing\"[^>]*checked")
                .containsPattern("id=\"type-PARTNER_FUSION_CELL\"[^>]*checked")
                .containsPattern("<option value=\"GREEN\"\\s+selected")
                .doesNotContainPattern("id=\"tag-threat-type-bio\"[^>]*checked");
    }

    @Test
    void anEditSavesANewVersionAndAStaleVersionIsRefusedWithNothingSaved() throws Exception {
        String id = contribute("Rapport initial", List.of("threat-type:cyber"));

        String form = page(as(userA, orgA, get("/reports/" + id + "/edit").param("lang", "fr")), 200);
        assertThat(form).contains("value=\"Rapport initial\"", "name=\"version\"", "Motif de la modification")
                .containsPattern("id=\"tag-threat-type-cyber\"[^>]*checked")
                .containsPattern("id=\"version\"[^>]*value=\"1\"|value=\"1\"[^>]*id=\"version\"");

        MvcResult saved = mvc.perform(as(userA, orgA, edit(id, "Rapport corrigé", 1, "Titre précisé")).with(csrf())).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/reports/" + id);

        String stale = page(as(userA, orgA, edit(id, "Autre titre", 1, "Correction concurrente")).with(csrf()), 200);
        assertThat(stale).contains("id=\"stale-version\"", "version 2", "value=\"Autre titre\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_report_version WHERE report_id = :r").param("r", id)
                .query(Long.class).single()).isEqualTo(2);

        String report = page(as(userA, orgA, get("/reports/" + id).param("lang", "fr")), 200);
        assertThat(report).contains("Rapport corrigé", "Version 2", "Titre précisé", "id=\"report-edit\"")
                .doesNotContain("Autre titre");
    }

    @Test
    void aConfidentialReportOpensForEditingOnlyOnceAJustificationIsGiven() throws Exception {
        Marking confidential = new Marking(scheme.rankOf("CONFIDENTIAL"), Tlp.AMBER, Releasability.NONE, false, Set.of(), orgA);
        String id = reports.contribute(readers.forUser(userA, null), new ReportDraft("Rapport sensible", "Texte du rapport",
                null, null, new Grading(SourceReliability.B, 2), confidential, null, List.of())).id();

        String prompt = page(as(userA, orgA, get("/reports/" + id + "/edit").param("lang", "fr")), 200);
        assertThat(prompt).contains("id=\"justification\"", "action=\"/reports/" + id + "/edit/open\"")
                .doesNotContain("Rapport sensible");
        String form = page(as(userA, orgA, post("/reports/" + id + "/edit/open").param("lang", "fr")
                .param("justification", "Correction demandée par le superviseur")).with(csrf()), 200);
        assertThat(form).contains("value=\"Rapport sensible\"", "name=\"version\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'CONSULTATION' AND object_ids = :id "
                + "AND justification = 'Correction demandée par le superviseur'").param("id", id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void attachmentsOfASensitiveReportDownloadInTheSessionWhereTheReasonWasGiven() throws Exception {
        Marking confidential = new Marking(scheme.rankOf("CONFIDENTIAL"), Tlp.AMBER, Releasability.NONE, false, Set.of(), orgA);
        String id = reports.contribute(readers.forUser(userA, null), new ReportDraft("Avec pièce jointe", "Texte du rapport",
                null, null, new Grading(SourceReliability.B, 2), confidential, null, List.of())).id();
        String attachmentId = attachments.attach(readers.forUser(userA, null), id, "note.txt", "text/plain",
                new java.io.ByteArrayInputStream("note de terrain".getBytes(StandardCharsets.UTF_8))).orElseThrow().id();
        String download = "/reports/" + id + "/attachments/" + attachmentId;

        page(as(userA, orgA, get(download)), 404); // no reason given yet: nothing to download
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        page(as(userA, orgA, post("/reports/" + id + "/open").session(session)
                .param("justification", "Préparation de l'évaluation hebdomadaire")).with(csrf()), 200);
        assertThat(page(as(userA, orgA, get(download).session(session)), 200)).isEqualTo("note de terrain");
        page(as(userA, orgA, get(download).session(new org.springframework.mock.web.MockHttpSession())), 404);
    }

    @Test
    void aReasonIsRequiredToSaveAnEdit() throws Exception {
        String id = contribute("Sans motif", List.of());
        String html = page(as(userA, orgA, edit(id, "Sans motif, version 2", 1, "")).with(csrf()), 200);
        assertThat(html).contains("id=\"error-reason\"", "value=\"Sans motif, version 2\"");
    }

    @Test
    void anotherOrganisationCannotOpenTheEditFormEvenWhenItSeesTheReport() throws Exception {
        String id = contribute("Partagé", List.of());
        page(as(userB, orgB, get("/reports/" + id)), 200);
        page(as(userB, orgB, get("/reports/" + id + "/edit")), 404);
        page(as(userB, orgB, edit(id, "Pris", 1, "essai")).with(csrf()), 404);
    }

    @Test
    void theListFiltersByTagAndKeepsTheTagInItsLinks() throws Exception {
        contribute("Rapport ciblé cyber", List.of("threat-type:cyber"));
        contribute("Rapport sans étiquette", List.of());
        String html = page(as(userA, orgA, get("/reports").param("lang", "fr").param("tag", "threat-type:cyber")), 200);
        assertThat(html).contains("Rapport ciblé cyber", "class=\"tag\"").containsPattern("<option value=\"threat-type:cyber\"\\s+selected")
                .doesNotContain("Rapport sans étiquette");
    }

    private String contribute(String title, List<String> tags) {
        // releasable to agency B so that B sees the report but may not change it
        Marking m = new Marking(scheme.rankOf("RESTRICTED"), Tlp.AMBER, Releasability.toOrganisations(orgB), false,
                Set.of(), orgA);
        return reports.contribute(readers.forUser(userA, null), new ReportDraft(title, "Texte du rapport", null, null,
                new Grading(SourceReliability.B, 2), m, null, tags)).id();
    }

    private static MockHttpServletRequestBuilder edit(String id, String title, int version, String reason) {
        return post("/reports/" + id + "/edit").param("lang", "fr").param("title", title).param("body", "Texte du rapport")
                .param("sourceReliability", "B").param("informationCredibility", "2")
                .param("classification", "RESTRICTED").param("tlp", "AMBER").param("organisations", orgB)
                .param("version", String.valueOf(version)).param("reason", reason);
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
