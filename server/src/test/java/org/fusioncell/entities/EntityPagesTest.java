package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.WithFusionCellUser;
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
 * The entity pages as three agencies see them: the cell shares an agreement with agency A, agency B
 * shares nothing. Pages render in French and Arabic; hidden answers like absent; existence-only is a notice.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class EntityPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Entities entities;
    @Autowired
    Reports reports;
    @Autowired
    Readers readers;
    @Autowired
    ClassificationScheme scheme;

    private static String orgA;
    private static String userA;
    private static String userB;
    private static String ofA;
    private static String ofB;
    private static String ofCell;

    @BeforeEach
    void world() {
        if (userA != null) {
            return;
        }
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        orgA = fx.organisation("Agence A", OrganisationType.STATE_AGENCY, "MR");
        String orgB = fx.organisation("Agence B", OrganisationType.STATE_AGENCY, "MR");
        String cell = fx.organisation("Cellule de fusion", OrganisationType.STATE_AGENCY, "MR");
        fx.agreement(Set.of(orgA, cell), "SECRET", Set.of("*"));
        userA = fx.user(orgA, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of());
        userB = fx.user(orgB, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of());
        String userCell = fx.user(cell, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of());
        ofA = phone(userA, orgA, Tlp.GREEN);
        ofB = phone(userB, orgB, Tlp.AMBER);
        ofCell = phone(userCell, cell, Tlp.AMBER);
    }

    private String phone(String user, String org, Tlp tlp) {
        Marking m = new Marking(scheme.rankOf("RESTRICTED"), tlp, Releasability.NONE, false, Set.of(), org);
        return entities.record(readers.forUser(user, null), new EntityDraft(EntityType.PHONE, "+22246112233",
                "phone:+22246112233", Map.of("number", "+22246112233", "country", "MR"), m)).entity().id();
    }

    @Test
    void theEntityPageInFrenchShowsTheNormalisedNumberAndTheCellsHoldingAsAHitWithoutContent() throws Exception {
        String html = page(as(userA, orgA, get("/entities/" + ofA).param("lang", "fr")), 200);
        assertThat(html).contains("lang=\"fr\"", "dir=\"ltr\"", "RESTRICTED // TLP:GREEN", "Numéro de téléphone",
                "phone:+22246112233", "Le même identifiant ailleurs", "Cellule de fusion", "Demandez la communication au détenteur.");
        // the cell's entity is a notice only: no link to it, and agency B's entity is not there at all
        assertThat(html).doesNotContain("/entities/" + ofCell, ofB, "Agence B");
    }

    @Test
    void theListInArabicIsRightToLeftWithTranslatedTypesAndTheReadersCountOnly() throws Exception {
        String html = page(as(userA, orgA, get("/entities").param("lang", "ar").param("type", "PHONE").param("q", "46112233")), 200);
        assertThat(html).contains("dir=\"rtl\"", "<h1>الكيانات</h1>", "رقم هاتف", "كيان واحد", "/entities/" + ofA)
                .doesNotContain(ofCell, ofB);
        String none = page(as(userA, orgA, get("/entities").param("lang", "ar").param("q", "no-such-thing")), 200);
        assertThat(none).contains("لا توجد كيانات");
    }

    @Test
    void aHiddenEntityAnswersExactlyLikeAnAbsentOne() throws Exception {
        String hidden = page(as(userA, orgA, get("/entities/" + ofB).param("lang", "fr")), 404);
        String absent = page(as(userA, orgA, get("/entities/" + Ids.newId()).param("lang", "fr")), 404);
        assertThat(hidden).contains("Introuvable").isEqualTo(absent);
    }

    @Test
    void anEntityOnlyKnownToExistShowsItsHolderAndLevelAndNothingElse() throws Exception {
        String html = page(as(userA, orgA, get("/entities/" + ofCell).param("lang", "ar")), 200);
        assertThat(html).contains("لدى جهة أخرى", "Cellule de fusion", "RESTRICTED")
                .doesNotContain("phone:+22246112233", "TLP:AMBER");
        // and offers to ask the holder for release
        assertThat(html).contains("id=\"access-request-form\"", "name=\"itemType\" value=\"ENTITY\"",
                "name=\"itemId\" value=\"" + ofCell + "\"");
    }

    @Test
    void proposalsAreHighlightedAndAConfirmedPhoneLandsOnItsEntityWithTheMention() throws Exception {
        Marking amber = new Marking(scheme.rankOf("RESTRICTED"), Tlp.AMBER, Releasability.NONE, false, Set.of(), orgA);
        String reportId = reports.contribute(readers.forUser(userA, null), new ReportDraft("تقرير ميداني",
                "اتصل المشتبه به بالرقم +222 45 25 12 34 وراسل contact@exemple.mr مساءً", null, null,
                new Grading(SourceReliability.B, 2), amber, null)).id();

        String panel = page(as(userA, orgA, get("/reports/" + reportId + "/proposals").param("lang", "ar")), 200);
        assertThat(panel).contains("dir=\"rtl\"", "المعرّفات المستخرجة", "phone:+22245251234", "email:contact@exemple.mr",
                "<mark dir=\"ltr\"", ">+222 45 25 12 34</mark>", "name=\"_csrf\"", "aria-label=\"تأكيد +222 45 25 12 34 ككيان\"");
        assertThat(page(as(userB, orgA, get("/reports/" + reportId + "/proposals")), 404)).doesNotContain("+222");

        String proposal = jdbc.sql("SELECT id FROM entity_proposal WHERE report_id = :r AND identifier_key = 'phone:+22245251234'")
                .param("r", reportId).query(String.class).single();
        MvcResult confirmed = mvc.perform(as(userA, orgA, post("/reports/" + reportId + "/proposals/" + proposal + "/confirm"))
                .with(csrf())).andReturn();
        assertThat(confirmed.getResponse().getStatus()).isEqualTo(302);
        String location = confirmed.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/entities/");

        String entity = page(as(userA, orgA, get(location).param("lang", "fr")), 200);
        assertThat(entity).contains("RESTRICTED // TLP:AMBER", "phone:+22245251234", "Cité dans",
                "href=\"/reports/" + reportId + "\"");
        String after = page(as(userA, orgA, get("/reports/" + reportId + "/proposals").param("lang", "fr")), 200);
        assertThat(after).contains("data-state=\"CONFIRMED\"", "Entités citées par ce rapport", "href=\"" + location + "\"");
    }

    @Test
    @WithFusionCellUser
    void aDecisionWithoutTheCsrfTokenIsRefused() throws Exception {
        assertThat(mvc.perform(post("/reports/" + Ids.newId() + "/proposals/" + Ids.newId() + "/confirm"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(status);
        return body;
    }

    /** A session user who passed both factors, as the login filters leave it (see WithFusionCellUser). */
    private static MockHttpServletRequestBuilder as(String userId, String orgId, MockHttpServletRequestBuilder request) {
        FusionCellPrincipal principal = new FusionCellPrincipal(userId, userId, "Test user", orgId, Set.of(Role.ANALYST), Set.of());
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_ANALYST")))));
    }
}
