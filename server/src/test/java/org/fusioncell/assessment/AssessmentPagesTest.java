package org.fusioncell.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.PageVisitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The product pages: the editor in Arabic (right to left), French and English with the matrix and the
 * yardstick explained; a refused draft shown again with the field named and what was typed; and a
 * product through its workflow, each state offering its own steps and no others, to the recipient's
 * inbox, read receipt and feedback.
 */
@FusionCellTest
@AutoConfigureMockMvc
class AssessmentPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Assessments assessments;
    @Autowired
    Readers readers;

    private PageVisitor analyst;
    private PageVisitor supervisor;
    private PageVisitor liaison;
    private PageVisitor stranger;
    private String analystId;
    private String police;

    @BeforeEach
    void world() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation(OrganisationType.STATE_AGENCY);
        police = fx.organisation(OrganisationType.STATE_AGENCY);
        String elsewhere = fx.organisation(OrganisationType.STATE_AGENCY);
        analystId = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        analyst = new PageVisitor(mvc, analystId, cell, Role.ANALYST);
        supervisor = new PageVisitor(mvc, fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), cell, Role.SUPERVISOR);
        liaison = new PageVisitor(mvc, fx.user(police, "CONFIDENTIAL", Set.of(Role.LIAISON_OFFICER), Set.of()), police,
                Role.LIAISON_OFFICER);
        stranger = new PageVisitor(mvc, fx.user(elsewhere, "SECRET", Set.of(Role.ANALYST), Set.of()), elsewhere, Role.ANALYST);
    }

    @Test
    void theEditorIsTranslatedWithTheMatrixAndTheYardstickExplained() throws Exception {
        String ar = analyst.page(get("/assessments/new").param("lang", "ar"), 200);
        assertThat(ar).contains("dir=\"rtl\"", "lang=\"ar\"", "<h1>كتابة منتج</h1>", "يقابل كل مصطلح نطاقاً محدداً من الاحتمال",
                "احتمال واقعي", "مرجَّح جداً", "يُقرأ مستوى التهديد من المصفوفة", "حرج", "جسيم", "ضئيل جداً",
                "name=\"summary[0].text\"", "name=\"keyJudgments[0].probability\"", "id=\"add-paragraph\"",
                "/js/assessment-form.js", "حفظ المسودة", "id=\"nav-assessments\"", "id=\"nav-products\"",
                "id=\"nav-threat-levels\"");
        String fr = analyst.page(get("/assessments/new").param("lang", "fr"), 200);
        assertThat(fr).contains("dir=\"ltr\"", "Rédiger un produit", "Possibilité réaliste", "Vraisemblance", "Substantiel",
                "Chaque terme correspond à une fourchette de probabilité", "Enregistrer le brouillon", "Marquage du paragraphe");
        String en = analyst.page(get("/assessments/new").param("lang", "en"), 200);
        assertThat(en).contains("Write a product", "Realistic possibility (40–50 %)", "Remote chance (0–5 %)",
                "Almost certain (95–100 %)", "Likelihood \\ impact", "Critical", "report:&lt;id&gt;");
        assertThat(analyst.page(get("/assessments").param("lang", "fr"), 200))
                .contains("<h1>Évaluations</h1>", "Rédiger un produit", "Aucun produit");
    }

    @Test
    void aRefusedDraftComesBackWithTheFieldNamedAndWhatWasTyped() throws Exception {
        long before = assessments.count(readers.forUser(analystId, "test"), null, null);
        String offMatrix = analyst.page(draft("Menace sur le corridor sud", "imminent").param("lang", "fr"), 400);
        assertThat(offMatrix).contains("id=\"form-error\"", "id=\"error-likelihood\"", "Vérifiez ce champ",
                "value=\"Menace sur le corridor sud\"", "selon trois sources, se regroupent");
        String untitled = analyst.page(draft("", "likely").param("lang", "en"), 400);
        assertThat(untitled).contains("id=\"error-title\"", "Check this field");
        String badEvidence = analyst.page(draft("Menace", "likely").param("evidence", "rapport 12").param("lang", "ar"), 400);
        assertThat(badEvidence).contains("id=\"error-evidence\"", "تحقق من هذا الحقل", "report:&lt;id&gt; or entity:&lt;id&gt;",
                "rapport 12");
        // an error about one paragraph shows beside that paragraph
        String badPortion = analyst.page(draft("Menace", "likely").param("summary[1].level", "TOP-SECRET").param("lang", "en"), 400);
        assertThat(badPortion).contains("id=\"error-summary[1]\"", "summary[1].level:")
                .doesNotContain("id=\"error-summary[0]\"");
        assertThat(assessments.count(readers.forUser(analystId, "test"), null, null)).isEqualTo(before);
    }

    @Test
    void aProductGoesThroughItsWorkflowWithTheStepsOfEachState() throws Exception {
        String created = analyst.redirect(draft("تهديد متزايد في الممر الجنوبي", "likely"));
        assertThat(created).matches("/assessments/[^/?]+\\?done=created");
        String path = created.replaceAll("\\?.*", "");

        String draft = analyst.page(get(created).param("lang", "en"), 200);
        assertThat(draft).contains("The draft is saved.", "تهديد متزايد في الممر الجنوبي", "Severe",
                "Les groupes armés, selon trois sources, se regroupent", "(likelihood Likely, impact Major)",
                "Likely (55–75 %)", "id=\"step-submit\"", "id=\"assessment-edit\"", "CONFIDENTIAL // TLP:AMBER",
                path + "/bulletin.pdf?lang=ar", path + "/bulletin.html?lang=fr", path + "/bulletin.pdf?lang=en")
                .doesNotContain("id=\"step-approve\"", "id=\"step-disseminate\"", "id=\"step-feedback\"");
        assertThat(stranger.page(get(path), 404)).doesNotContain("الممر الجنوبي");
        // the edit form comes back filled in, paragraph by paragraph
        assertThat(analyst.page(get(path + "/edit").param("lang", "fr"), 200)).contains("Modifier le produit",
                "selon trois sources, se regroupent", "تشير التقارير إلى تحركات ليلية قرب الحدود.", "name=\"version\"", "value=\"1\"");

        // a new version, then an edit made against the old one: nothing saved, the reader told why
        assertThat(analyst.redirect(form(path + "/edit", "تهديد متزايد في الممر الجنوبي", "likely").param("version", "1")))
                .isEqualTo(path + "?done=saved");
        String stale = analyst.page(form(path + "/edit", "عنوان آخر", "likely").param("version", "1").param("lang", "fr"), 409);
        assertThat(stale).contains("id=\"stale\"", "Quelqu’un a enregistré la version 2 entre-temps", "value=\"عنوان آخر\"");
        assertThat(analyst.page(get(path).param("lang", "en"), 200)).contains("id=\"versions\"", "?version=1\">1</a>", "?version=2\" aria-current=\"page\">2</a>")
                .doesNotContain("عنوان آخر");
        assertThat(analyst.page(get(path).param("version", "1").param("lang", "en"), 200)).contains("id=\"past-version\"",
                "You are reading version 1; the current version is 2.").doesNotContain("id=\"step-submit\"", "id=\"comment-form\"");
        analyst.page(get(path).param("version", "9"), 404);

        assertThat(analyst.redirect(post(path + "/submit").with(csrf()))).isEqualTo(path + "?done=submitted");
        assertThat(analyst.page(get(path).param("lang", "ar"), 200)).contains("قيد المراجعة", "id=\"step-send-back\"",
                "id=\"step-comment\"", "id=\"assessment-edit\"").doesNotContain("id=\"step-submit\"", "id=\"step-approve\"");
        String review = supervisor.page(get(path).param("lang", "fr"), 200);
        assertThat(review).contains("En relecture", "id=\"step-approve\"", "id=\"step-comment\"");
        // refusals by rule are said by their code in the reader's language, with the service's detail
        assertThat(analyst.page(post(path + "/approve").with(csrf()).param("lang", "fr"), 409)).contains("id=\"refused\"",
                "Seul un superviseur de l’organisation auteure peut le faire.", "a product is approved by a supervisor");
        assertThat(supervisor.page(post(path + "/approve").with(csrf()).param("lang", "ar"), 409)).contains("id=\"refused\"",
                "لم يتلقَّ المنتج أي تعليق مراجعة بعد", "قيد المراجعة");
        // approving twice in a row is refused by the state
        assertThat(supervisor.redirect(post(path + "/comment").with(csrf()).param("text", "Sources recoupées ; d’accord.")))
                .isEqualTo(path + "?done=commented#comments");
        assertThat(supervisor.redirect(post(path + "/approve").with(csrf()).param("note", "Bon pour diffusion")))
                .isEqualTo(path + "?done=approved");
        String again = supervisor.page(post(path + "/approve").with(csrf()).param("lang", "fr"), 409);
        assertThat(again).contains("id=\"wrong-state\"", "Approuvé");

        String approved = supervisor.page(get(path).param("lang", "en"), 200);
        assertThat(approved).contains("Approved", "id=\"step-disseminate\"", "id=\"step-withdraw\"",
                "id=\"assessment-sanitise\"", "Sources recoupées ; d’accord.")
                .doesNotContain("id=\"step-submit\"", "id=\"step-approve\"", "id=\"assessment-edit\"");
        assertThat(supervisor.redirect(post(path + "/disseminate").with(csrf()).param("organisationIds", police)))
                .isEqualTo(path + "?done=disseminated");

        String inbox = liaison.page(get("/products").param("lang", "ar"), 200);
        assertThat(inbox).contains("المنتجات الواردة", "تهديد متزايد في الممر الجنوبي", "لم يُقرأ بعد");
        String opened = liaison.page(get(path).param("lang", "ar"), 200);
        assertThat(opened).contains("معمَّم", "id=\"step-feedback\"", "هل كان هذا المنتج مفيداً؟")
                .doesNotContain("id=\"workflow\"", "id=\"step-withdraw\"", "id=\"comments\"");
        assertThat(liaison.page(get("/products").param("lang", "en"), 200)).doesNotContain("Not yet read");
        // the bulletin the page links to prints for the recipient, in the language asked for
        assertThat(liaison.page(get(path + "/bulletin.html").param("lang", "fr"), 200)).contains("تهديد متزايد في الممر الجنوبي");
        assertThat(liaison.redirect(post(path + "/feedback").with(csrf()).param("feedback", "ACTION_TAKEN")
                .param("note", "Patrouilles renforcées"))).isEqualTo(path + "?done=feedback#feedback");
        assertThat(analyst.page(get(path).param("lang", "fr"), 200)).contains("id=\"receipts\"", "Suite donnée",
                "Patrouilles renforcées");

        // the area's threat level now reads from this product, with its public summary
        String levels = liaison.page(get("/threat-levels").param("lang", "ar"), 200);
        assertThat(levels).contains("مستويات التهديد", "الممر الجنوبي", "شديد",
                "Le niveau de menace dans le corridor sud est relevé.", path, "/threat-levels/history?type=AREA&amp;key=MR-12");
        assertThat(liaison.page(get("/threat-levels/history").param("type", "AREA").param("key", "MR-12").param("lang", "fr"), 200))
                .contains("Historique du niveau de menace", "Grave", "Le niveau de menace dans le corridor sud est relevé.");
        // an indicator becomes one of the recipient's watches
        String watched = liaison.redirect(post(path + "/indicators/1/watch").with(csrf()).param("kind", "text")
                .param("value", "شراء وقود"));
        assertThat(watched).isEqualTo(path + "?done=watch#indicators");
        assertThat(liaison.page(get(path).param("done", "watch").param("lang", "fr"), 200)).contains("L’indicateur fait désormais partie de vos veilles.",
                "href=\"/watches/", "Sous veille", "id=\"watch-0\"").doesNotContain("id=\"watch-1\"");
        // the sanitised version starts from the original's text
        assertThat(analyst.page(get(path + "/sanitise").param("lang", "en"), 200)).contains("Write a sanitised version",
                "تشير التقارير إلى تحركات ليلية قرب الحدود.", "Save the sanitised draft");

        String sanitised = analyst.redirect(form(path + "/sanitise", "تهديد في الممر الجنوبي (نسخة منقحة)", "likely",
                "RESTRICTED"));
        assertThat(sanitised).matches("/assessments/[^/?]+\\?done=sanitised").doesNotStartWith(path + "?");
        assertThat(analyst.page(get(sanitised).param("lang", "en"), 200)).contains("The sanitised version is saved as a draft.",
                "RESTRICTED // TLP:AMBER", "Sanitised version of", "href=\"" + path + "\"", "id=\"step-submit\"");

        // no editor for a product whose text may no longer change
        assertThat(analyst.page(get(path + "/edit").param("lang", "en"), 409)).contains("id=\"wrong-state\"",
                "Not possible while the product is in the state: Disseminated.").doesNotContain("id=\"assessment-form\"");

        // the analyst sees the steps of a disseminated product that are the supervisor's only as refusals
        assertThat(analyst.page(get(path).param("lang", "en"), 200)).contains("id=\"assessment-sanitise\"")
                .doesNotContain("id=\"step-withdraw\"", "id=\"step-disseminate\"", "id=\"assessment-edit\"");
        assertThat(analyst.page(post(path + "/withdraw").with(csrf()).param("reason", "x").param("lang", "en"), 409))
                .contains("id=\"refused\"", "Only a supervisor of the authoring organisation can do this.");
        // a recipient cannot withdraw what it received: the step does not exist for it
        assertThat(liaison.page(post(path + "/withdraw").with(csrf()).param("reason", "x"), 404)).doesNotContain("الممر");

        assertThat(supervisor.redirect(post(path + "/withdraw").with(csrf()).param("reason", "Source rétractée")))
                .isEqualTo(path + "?done=withdrawn");
        assertThat(liaison.page(get(path).param("lang", "fr"), 200)).contains("id=\"withdrawn\"", "Ce produit a été retiré",
                "Source rétractée");
        assertThat(supervisor.page(get("/assessments").param("state", "WITHDRAWN").param("lang", "en"), 200))
                .contains("تهديد متزايد في الممر الجنوبي", "Withdrawn");
        assertThat(supervisor.page(get("/assessments").param("state", "DRAFT"), 200)).contains("(نسخة منقحة)")
                .doesNotContain("تهديد متزايد");
        assertThat(supervisor.page(get("/threat-levels").param("lang", "fr"), 200)).contains("Niveaux de menace");
    }

    /** A complete product as the form posts it, with two paragraphs, a key judgment and the police as readers. */
    private MockHttpServletRequestBuilder draft(String title, String likelihood) {
        return form("/assessments", title, likelihood, "CONFIDENTIAL");
    }

    private MockHttpServletRequestBuilder form(String url, String title, String likelihood) {
        return form(url, title, likelihood, "CONFIDENTIAL");
    }

    private MockHttpServletRequestBuilder form(String url, String title, String likelihood, String classification) {
        return post(url).with(csrf())
                .param("productType", "THREAT_ASSESSMENT").param("language", "ar").param("title", title)
                .param("subjectType", "AREA").param("subjectReference", "MR-12").param("subjectLabel", "الممر الجنوبي")
                .param("summary[0].text", "Les groupes armés, selon trois sources, se regroupent près du corridor sud.")
                .param("summary[0].level", "")
                .param("summary[1].text", "تشير التقارير إلى تحركات ليلية قرب الحدود.").param("summary[1].level", "RESTRICTED")
                .param("summary[2].text", "").param("summary[2].level", "")
                .param("keyJudgments[0].text", "من المرجح أن تتكرر الهجمات على القوافل خلال الأشهر الثلاثة المقبلة.")
                .param("keyJudgments[0].probability", "likely").param("keyJudgments[0].level", "")
                .param("likelihood", likelihood).param("impact", "major")
                .param("confidence", "MODERATE").param("confidenceReasons", "ثلاثة مصادر مستقلة")
                .param("assumptions", "لا تغيير في انتشار القوات")
                .param("indicators", "قوافل ليلية\nشراء وقود بكميات كبيرة")
                .param("validFrom", "2026-11-01").param("validUntil", "2027-02-01").param("reviewBy", "2027-01-15")
                .param("publicSummary", "Le niveau de menace dans le corridor sud est relevé.")
                .param("classification", classification).param("tlp", "AMBER").param("organisations", police);
    }
}
