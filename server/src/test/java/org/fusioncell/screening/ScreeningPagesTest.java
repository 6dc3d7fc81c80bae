package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The screening page: a single query with explained candidates, batch and manifest uploads that land on
 * their run or come back naming the line and column or the segment, past runs, and need-to-know.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class ScreeningPagesTest {

    /** One message with one passenger, the listed P-1 (date of birth 5 March 1979). Segment 13 is the DTM. */
    static final String MANIFEST = String.join("\n",
            "UNA:+.? '",
            "UNB+UNOA:4+CARRIER:ZZ+RECEIVER:ZZ+250301:0600+REF1++APIS'",
            "UNH+MSG1+PAXLST:D:05B:UN:IATA'",
            "BGM+745'",
            "NAD+MS+++OPERATIONS CENTRE'",
            "TDT+20+XY123+++XY'",
            "LOC+125+CDG'",
            "DTM+189:2503011000:201'",
            "LOC+87+NKC'",
            "DTM+232:2503011500:201'",
            "NAD+FL+++OULD SIDI HAIBALLA:MOKHTAR'",
            "ATT+2++M'",
            "DTM+329:790305'",
            "NAT+2+MRT'",
            "DOC+P:110:111+M7741205'",
            "CNT+42:1'",
            "UNT+15+MSG1'",
            "UNZ+1+REF1'");

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

    private static PageWorld world;

    @BeforeEach
    void world() throws Exception {
        if (world == null) {
            world = new PageWorld(mvc, jdbc, readers, watchlists, screening);
        }
    }

    private static MockHttpServletRequestBuilder query(String name, String dateOfBirth, String nationality) {
        return post("/screening").with(csrf()).param("name", name).param("dateOfBirth", dateOfBirth)
                .param("nationality", nationality).param("document", "").param("gender", "").param("threshold", "");
    }

    @Test
    void aQueryShowsTheListedPersonWithAnExplanationInFrench() throws Exception {
        String html = world.officer.page(query("Mokhtar Ould Sidi Haiballa", "1979-03-05", "MR").param("lang", "fr"), 200);
        assertThat(html).contains("id=\"candidates\"", world.listName + " v1", "FC-PG-001", "P-1",
                "Mokhtar Ould Sidi Haiballa", "même date de naissance", "+0.", "même nationalité", "identique",
                "Listes consultées");
        // the name typed stays in the form, which posts again (never a name in a URL)
        assertThat(html).contains("value=\"Mokhtar Ould Sidi Haiballa\"", "method=\"post\"", "name=\"_csrf\"");
    }

    @Test
    void anArabicScriptQueryFindsThePersonListedUnderLatinNamesOnly() throws Exception {
        String html = world.officer.page(query("مختار ولد سيدي هيبالله", "", "").param("lang", "ar"), 200);
        assertThat(html).contains("dir=\"rtl\"", "FC-PG-001", "Haiballa", "السبب");
        assertThat(html).containsPattern("<bdi>[^<]*[\\u0600-\\u06FF][^<]*</bdi> ↔ <bdi>[a-z]+</bdi>");
    }

    @Test
    void aWrongDateOfBirthIsShownAtItsInputAndNothingIsScreened() throws Exception {
        String html = world.officer.page(query("Zoubeir Guerfali", "31/02/19x3", "").param("lang", "fr"), 400);
        assertThat(html).contains("id=\"error-dateOfBirth\"", "Vérifiez Date de naissance", "not a date of birth",
                "aria-invalid=\"true\"", "value=\"Zoubeir Guerfali\"").doesNotContain("id=\"candidates\"");
        assertThat(world.officer.page(query("Muhаmmad", "", ""), 400)) // a Cyrillic а among Latin letters
                .contains("id=\"error-name\"", "mixes letters of several scripts");
    }

    @Test
    void aBatchFileLandsOnItsRunWithItsPeopleAndHits() throws Exception {
        String csv = "name,dob,nationality\nZoubeir Ben Slimane Guerfali,1983,TN\nJeanne Martin,1990,FR\n";
        String run = world.officer.redirect(multipart("/screening/batches")
                .file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf()));
        assertThat(run).startsWith("/screening/runs/");
        String html = world.officer.page(get(run).param("lang", "fr"), 200);
        assertThat(html).contains("Fichier de personnes", "people.csv", "Jeanne Martin", "Zoubeir Ben Slimane Guerfali",
                "En attente d’examen", world.listName + " v1", "TLP:AMBER+STRICT");
        // listed on the screening page's past runs
        assertThat(world.officer.page(get("/screening").param("lang", "fr"), 200)).contains(run);
    }

    @Test
    void aBatchFileWithWrongCellsComesBackNamingEachLineAndColumn() throws Exception {
        String csv = "name,dob\nZoubeir Guerfali,1983\n,1990\nAmina Sall,tomorrow\n";
        String html = world.officer.page(multipart("/screening/batches")
                .file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).param("lang", "fr"), 400);
        assertThat(html).contains("id=\"batch-error\"", "2 problèmes dans le fichier", "Ligne 3, colonne name",
                "Ligne 4, colonne dob", "not a date of birth").doesNotContain("Exception", "problem+json");
        String header = world.officer.page(multipart("/screening/batches")
                .file(new MockMultipartFile("file", "people.csv", "text/csv", "nom,dob\nA,1990\n".getBytes(
                        StandardCharsets.UTF_8))).with(csrf()).param("lang", "en"), 400);
        assertThat(header).contains("Line 1, column nom:", "unknown column");
    }

    @Test
    void aManifestLandsOnItsFlightAndABrokenOneNamesItsSegment() throws Exception {
        String run = world.officer.redirect(multipart("/screening/manifests")
                .file(new MockMultipartFile("file", "XY123.txt", "text/plain", MANIFEST.getBytes(StandardCharsets.UTF_8)))
                .with(csrf()));
        String html = world.officer.page(get(run).param("lang", "en"), 200);
        assertThat(html).contains("Passenger manifest", "XY123 CDG → NKC", "2025-03-01 10:00", "MOKHTAR",
                world.listName + " v1", "P-1");

        String broken = MANIFEST.replace("DTM+329:790305", "DTM+329:7903x5");
        String refused = world.officer.page(multipart("/screening/manifests")
                .file(new MockMultipartFile("file", "XY123.txt", "text/plain", broken.getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).param("lang", "fr"), 400);
        assertThat(refused).contains("id=\"manifest-error\"", "illisible au segment 13 (DTM)", "is not YYMMDD",
                "Rien n’a été criblé ni enregistré").doesNotContain("Exception");
    }

    @Test
    void onlyScreeningOfficersScreenAndAnotherAgencysRunAnswersLikeAnAbsentOne() throws Exception {
        world.analyst.page(get("/screening"), 403);
        world.analyst.page(get("/screening/hits"), 403);
        assertThat(world.analyst.page(get("/watchlists"), 200)).doesNotContain("id=\"nav-screening\"", "id=\"import\"");
        assertThat(world.officer.page(get("/watchlists"), 200)).contains("id=\"nav-screening\"", "id=\"nav-hits\"");

        String csv = "name\nMokhtar Ould Sidi Haiballa\n";
        String run = world.officer.redirect(multipart("/screening/batches")
                .file(new MockMultipartFile("file", "one.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf()));
        String hidden = world.outsider.page(get(run).param("lang", "fr"), 404);
        String absent = world.outsider.page(get("/screening/runs/" + Ids.newId()).param("lang", "fr"), 404);
        assertThat(hidden).contains("Introuvable").isEqualTo(absent);
        assertThat(world.outsider.page(get("/screening"), 200)).doesNotContain(run);
        // and the outsider's query searches no list of the agency
        assertThat(world.outsider.page(query("Mokhtar Ould Sidi Haiballa", "", ""), 200)).doesNotContain("FC-PG-001");
    }
}
