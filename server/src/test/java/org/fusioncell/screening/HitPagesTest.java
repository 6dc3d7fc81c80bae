package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The review queue and one hit side by side: counts per state, the person against the entry, four eyes
 * (a proposal, the same officer refused, a second officer confirms), the required reason, a remembered
 * false positive, and a hit of another agency answering like an absent one.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class HitPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Watchlists watchlists;
    @Autowired
    Screening screening;
    @Autowired
    Hits hits;
    @Autowired
    Colleagues colleagues;

    private static PageWorld world;

    @BeforeEach
    void world() throws Exception {
        if (world == null) {
            world = new PageWorld(mvc, jdbc, readers, watchlists, screening);
        }
    }

    /** Screens a file as the first officer and answers the hits of its run on the world's list. */
    private List<Hit> screened(String csv) throws Exception {
        String run = world.officer.redirect(multipart("/screening/batches")
                .file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf())).substring("/screening/runs/".length());
        return hits.list(readers.forUser(world.officer.userId(), "test"), null, run, PageRequest.of(0, 50)).items()
                .stream().filter(h -> h.facts().listId().equals(world.listId)).toList();
    }

    private static MockHttpServletRequestBuilder decide(String hitId, String decision, String reason) {
        return post("/screening/hits/" + hitId + "/decisions").with(csrf()).param("decision", decision)
                .param("reason", reason);
    }

    @Test
    void theHitShowsThePersonBesideTheEntryWithItsOriginalScriptAndTheExplanation() throws Exception {
        String hit = screened("name,dob,nationality,document\nZoubeir Ben Slimane Guerfali,1983-07-14,TN,X99812\n")
                .getFirst().facts().id();
        String html = world.officer.page(get("/screening/hits/" + hit).param("lang", "fr"), 200);
        assertThat(html).contains("Personne criblée", "Inscription sur la liste", "Zoubeir Ben Slimane Guerfali",
                "1983-07-14", "Tunisie (TN)", "X99812", "<bdi>زبير بن سليمان القرفالي</bdi>", "écriture d’origine",
                "FC-PG-002", "Fictional entry for the page tests: financing.", "date de naissance concordante",
                "Pas encore examinée.", "Ligne 2 du fichier", "id=\"decide-confirm\"", "id=\"decide-escalate\"", "TLP:AMBER+STRICT");
        assertThat(html.indexOf("id=\"subject\"")).isLessThan(html.indexOf("id=\"entry\""));
    }

    @Test
    void aMatchNeedsTwoOfficersAndTheSameOfficerIsRefusedTheSecondConfirmation() throws Exception {
        String hit = screened("name,dob\nMokhtar Ould Sidi Haiballa,1979-03-05\n").getFirst().facts().id();

        MockHttpSession session = new MockHttpSession();
        String back = world.officer.redirect(decide(hit, "confirm", "Même nom, même date de naissance").session(session));
        assertThat(back).isEqualTo("/screening/hits/" + hit);
        String proposed = world.officer.page(get(back).session(session).param("lang", "fr"), 200);
        assertThat(proposed).contains("id=\"outcome\"", "Un second agent doit confirmer", "id=\"proposal\"",
                "Confirmation proposée par Fixture ", "Vous l’avez vous-même confirmée", "En attente d’examen",
                "Confirmation proposée</strong>", "Même nom, même date de naissance");

        String refused = world.officer.page(decide(hit, "confirm", "J’insiste").param("lang", "fr"), 409);
        assertThat(refused).contains("id=\"four-eyes\"", "Principe des quatre yeux", "En attente d’examen");

        String queue = world.secondOfficer.page(get("/screening/hits").param("lang", "fr"), 200);
        assertThat(queue).contains("/screening/hits/" + hit, "confirmation proposée");
        assertThat(world.secondOfficer.page(get("/screening/hits/" + hit).param("lang", "fr"), 200))
                .contains("Confirmation proposée par Fixture ").doesNotContain("Vous l’avez vous-même confirmée");
        world.secondOfficer.redirect(decide(hit, "confirm", "Photographie du passeport vérifiée"));
        String confirmed = world.secondOfficer.page(get("/screening/hits/" + hit).param("lang", "fr"), 200);
        assertThat(confirmed).contains("state-CONFIRMED", "Correspondance confirmée", "Photographie du passeport vérifiée")
                .doesNotContain("id=\"decision-form\"", "id=\"proposal\"");
        assertThat(world.officer.page(get("/screening/hits").param("state", "CONFIRMED").param("lang", "fr"), 200))
                .contains("/screening/hits/" + hit).containsPattern("id=\"tab-CONFIRMED\"[^>]*aria-current=\"page\"");
    }

    @Test
    void aDecisionWithoutAReasonIsRefusedAtTheReasonAndChangesNothing() throws Exception {
        String hit = screened("name\nMokhtar Ould Sidi Haiballa\n").getFirst().facts().id();
        String html = world.officer.page(decide(hit, "dismiss", "  ").param("lang", "ar"), 400);
        assertThat(html).contains("dir=\"rtl\"", "id=\"form-error\"", "السبب (إلزامي)", "aria-invalid=\"true\"",
                "بانتظار المراجعة");
        assertThat(hits.open(readers.forUser(world.officer.userId(), "test"), hit))
                .isInstanceOfSatisfying(ScreeningAccess.Granted.class,
                        g -> assertThat(((HitDetail) g.value()).hit().state()).isEqualTo(HitState.PENDING));
    }

    @Test
    void aDismissedPersonScreenedAgainIsLabelledARememberedFalsePositive() throws Exception {
        String row = "name,dob,nationality\nZoubeir Slimane Guerfali,1983-02-02,TN\n";
        String first = screened(row).getFirst().facts().id();
        world.officer.redirect(decide(first, "dismiss", "Autre personne : prénom du père différent"));
        Hit again = screened(row).getFirst();
        assertThat(again.state()).isEqualTo(HitState.DISMISSED);
        String html = world.officer.page(get("/screening/hits/" + again.facts().id()).param("lang", "en"), 200);
        assertThat(html).contains("id=\"remembered\"", "Remembered false positive", "FusionCell (automatic)")
                .doesNotContain("id=\"decision-form\"");
        assertThat(world.officer.page(get("/screening/hits").param("state", "DISMISSED").param("lang", "en"), 200))
                .contains("/screening/hits/" + again.facts().id(), "Remembered false positive");
    }

    @Test
    void theQueueCountsEachStateAndAnotherAgencysHitAnswersLikeAnAbsentOne() throws Exception {
        String hit = screened("name\nMokhtar Ould Sidi Haiballa\n").getFirst().facts().id();
        world.officer.redirect(decide(hit, "escalate", "Homonyme possible, avis du superviseur"));
        String queue = world.officer.page(get("/screening/hits").param("state", "ESCALATED").param("lang", "fr"), 200);
        long escalated = hits.count(readers.forUser(world.officer.userId(), "test"), HitState.ESCALATED, null);
        assertThat(queue).contains("Transmise à un supérieur (" + escalated + ")", "/screening/hits/" + hit);
        assertThat(world.officer.page(get("/screening/hits/" + hit).param("lang", "fr"), 200))
                .contains("id=\"decide-confirm\"", "id=\"decide-dismiss\"").doesNotContain("id=\"decide-escalate\"");

        String hidden = world.outsider.page(get("/screening/hits/" + hit).param("lang", "fr"), 404);
        String absent = world.outsider.page(get("/screening/hits/" + Ids.newId()).param("lang", "fr"), 404);
        assertThat(hidden).contains("Introuvable").isEqualTo(absent);
        world.outsider.page(decide(hit, "dismiss", "Pas chez nous"), 404);
        assertThat(world.outsider.page(get("/screening/hits").param("state", "ESCALATED"), 200)).doesNotContain(hit);
        MvcResult r = world.outsider.perform(get("/screening/hits").param("state", "ESCALATED"));
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"no-hits\"");
    }

    @Test
    void reviewersAreNamedOnlyToColleaguesOfTheirOwnAgency() {
        List<String> ids = List.of(world.officer.userId(), world.secondOfficer.userId(), world.outsider.userId(),
                "not-an-id");
        assertThat(colleagues.displayNames(world.agency, ids)).containsOnlyKeys(world.officer.userId(),
                world.secondOfficer.userId()).allSatisfy((id, name) -> assertThat(name).startsWith("Fixture "));
        assertThat(colleagues.displayNames(world.otherAgency, ids)).containsOnlyKeys(world.outsider.userId());
    }
}
