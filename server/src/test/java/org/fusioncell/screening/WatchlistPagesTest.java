package org.fusioncell.screening;

import org.fusioncell.testing.PageVisitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.screening.lists.WatchlistFiles;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The list pages: every list one may see with its marking and latest version, the import form with the
 * reports' marking picker, a version's differences (added, changed with its fields, delisted), entry
 * search and an entry's history; unreadable files name the line and column; need-to-know on every page.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class WatchlistPagesTest {

    private static final String HEADER = "id,name,original_script_name,date_of_birth,nationality,listing_reference,reason\n";
    private static final String V1 = HEADER
            + "W-1,Salif Ag Intalla Ghabdi,سالف آغ انتالا,1977,ML,NAT-W-1,Fictional: first reason.\n"
            + "W-2,Khadija Mint Baba Ahmed Labeid,,1990-05-17,MR,NAT-W-2,Fictional: financing.\n";
    private static final String V2 = HEADER
            + "W-1,Salif Ag Intalla Ghabdi,سالف آغ انتالا,1977,ML,NAT-W-1,Fictional: reason rewritten.\n"
            + "W-3,Oumar Ould Hamaha Taleb,,1971,ML,NAT-W-3,Fictional: newly listed.\n";

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
    private static PageVisitor partner;

    @BeforeEach
    void world() throws Exception {
        if (world == null) {
            world = new PageWorld(mvc, jdbc, readers, watchlists, screening);
            IdentityFixtures fx = new IdentityFixtures(jdbc);
            String partnerAgency = fx.organisation(OrganisationType.STATE_AGENCY);
            fx.agreement(Set.of(world.agency, partnerAgency), "SECRET", Set.of("*"));
            partner = new PageVisitor(mvc, fx.user(partnerAgency, "SECRET", Set.of(Role.ANALYST), Set.of()),
                    partnerAgency, Role.ANALYST);
        }
    }

    /** An import through the page, kept to the world's agency (RESTRICTED, TLP:AMBER+STRICT). */
    private static MockMultipartHttpServletRequestBuilder importing(String name, String fileName, String csv) {
        return multipart("/watchlists/imports")
                .file(new MockMultipartFile("file", fileName, "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("name", name).param("classification", "RESTRICTED").param("tlp", "AMBER_STRICT")
                .with(csrf());
    }

    @Test
    void everyoneSeesTheListsTheyMayWithTheirMarkingButOnlyOfficersGetTheImportForm() throws Exception {
        String analyst = world.analyst.page(get("/watchlists").param("lang", "fr"), 200);
        assertThat(analyst).contains("Listes de surveillance", world.listName, "UNCLASSIFIED // TLP:AMBER+STRICT",
                "/watchlists/" + world.listId, "Fixture ").doesNotContain("id=\"import-form\"");
        String officer = world.officer.page(get("/watchlists").param("lang", "ar"), 200);
        assertThat(officer).contains("dir=\"rtl\"", "استيراد إصدار من قائمة", "id=\"import-form\"", "multiple",
                "id=\"classification\"", "id=\"tlp-explained\"", "name=\"_csrf\"");
        assertThat(world.outsider.page(get("/watchlists"), 200)).doesNotContain(world.listName);
    }

    @Test
    void anImportedVersionShowsWhatWasAddedChangedWithItsFieldsAndDelisted() throws Exception {
        String name = "import-" + UUID.randomUUID().toString().substring(0, 8);
        String first = world.officer.redirect(importing(name, "national.csv", V1));
        assertThat(first).matches("/watchlists/[0-9a-f-]{36}/versions/1");
        String listPath = first.substring(0, first.indexOf("/versions/"));
        assertThat(world.officer.page(get(first).param("lang", "fr"), 200))
                .contains("La première version", "Ajoutée (2)", "Salif Ag Intalla Ghabdi", "RESTRICTED // TLP:AMBER+STRICT");

        MockHttpSession session = new MockHttpSession();
        String second = world.officer.redirect(importing(name, "national.csv", V2).session(session));
        assertThat(second).isEqualTo(listPath + "/versions/2");
        String all = world.officer.page(get(second).session(session).param("lang", "fr"), 200);
        assertThat(all).contains("id=\"imported\"", "Version 2 importée", "Comparée à la version 1", "Tous (3)",
                "Ajoutée (1)", "Modifiée (1)", "Radiée (1)", "Oumar Ould Hamaha Taleb", "Khadija Mint Baba Ahmed Labeid");
        String changed = world.officer.page(get(second).param("kind", "CHANGED").param("lang", "fr"), 200);
        assertThat(changed).contains("change-CHANGED", "Salif Ag Intalla Ghabdi", "Motif de l’inscription")
                .doesNotContain("change-ADDED", "Oumar Ould Hamaha Taleb");
        assertThat(world.officer.page(get(second).param("kind", "DELISTED").param("lang", "en"), 200))
                .contains("change-DELISTED", "Khadija Mint Baba Ahmed Labeid").doesNotContain("Salif");

        String list = world.officer.page(get(listPath).param("lang", "en"), 200);
        assertThat(list).contains("Version 2", "Version 1", "National list (CSV)", "id=\"entry-results\"", "hx-get");
        // the same file again makes no version
        String unchanged = world.officer.redirect(importing(name, "national.csv", V2).session(session));
        assertThat(unchanged).isEqualTo(listPath);
        assertThat(world.officer.page(get(unchanged).session(session).param("lang", "en"), 200))
                .contains("id=\"unchanged\"", "exactly the entries of version 2");
    }

    @Test
    void anUnreadableFileNamesItsLineAndColumnAndAnotherAgencysListIsRefused() throws Exception {
        String bad = HEADER + "W-9,Amadou Diallo,,1980,SN,NAT-W-9,ok\nW-10,,,1981,SN,NAT-W-10,no name\n";
        String html = world.officer.page(importing("bad-" + UUID.randomUUID(), "bad.csv", bad).param("lang", "fr"), 400);
        assertThat(html).contains("id=\"import-error\"", "La liste est illisible", "bad.csv", "line 3, column name")
                .doesNotContain("list-imports", "Exception");
        String refused = world.outsider.page(importing(world.listName, "national.csv", V1).param("lang", "fr"), 409);
        assertThat(refused).contains("id=\"import-error\"", "que vous ne pouvez pas mettre à jour");
        String noFile = world.officer.page(multipart("/watchlists/imports").param("name", "x").param("tlp", "CLEAR")
                .param("classification", "UNCLASSIFIED").with(csrf()), 400);
        assertThat(noFile).contains("id=\"form-error\"", "file");
        world.analyst.page(importing("not-mine", "national.csv", V1), 403);
    }

    @Test
    void ofacsSetOfFilesIsImportedAsOneListThroughThePage() throws Exception {
        Path set = Path.of(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"))
                .resolve("ofac-sdn/non-sdn-consolidated-2025");
        Assumptions.assumeTrue(Files.isDirectory(set), "the OFAC consolidated set is not at " + set
                + "; set FUSIONCELL_TEST_DATA");
        Watchlist read = WatchlistFiles.read(set, null);
        String name = "OFAC-CONS-" + UUID.randomUUID().toString().substring(0, 6);
        MockMultipartHttpServletRequestBuilder upload = multipart("/watchlists/imports");
        for (String file : new String[] {"cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"}) {
            upload.file(new MockMultipartFile("file", file, "text/csv", Files.readAllBytes(set.resolve(file))));
        }
        String version = world.officer.redirect(upload.param("name", name).param("classification", "UNCLASSIFIED")
                .param("tlp", "AMBER_STRICT").with(csrf()));
        assertThat(version).endsWith("/versions/1");
        String html = world.officer.page(get(version).param("lang", "en"), 200);
        assertThat(html).contains("Added (" + read.entries().size() + ")", name);
        WatchlistEntry first = read.entries().getFirst();
        String listPath = version.substring(0, version.indexOf("/versions/"));
        assertThat(world.officer.page(get(listPath + "/entries/" + first.reference()).param("lang", "en"), 200))
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(first.primaryName().name()));
    }

    @Test
    void entriesAreSearchedWithinAListAndAnEntryShowsEveryFieldAndItsHistory() throws Exception {
        String found = world.officer.page(get("/watchlists/" + world.listId).param("q", "zoubeir").param("lang", "fr"), 200);
        assertThat(found).contains("Une inscription", "Zoubeir Ben Slimane Guerfali", "/entries/P-2")
                .doesNotContain("Mokhtar Ould Sidi Haiballa");
        String entry = world.officer.page(get("/watchlists/" + world.listId + "/entries/P-2").param("lang", "ar"), 200);
        assertThat(entry).contains("dir=\"rtl\"", "<bdi>زبير بن سليمان القرفالي</bdi>", "بالكتابة الأصلية",
                "FC-PG-002", "تونس (TN)", "FICTIONAL", "Fictional entry for the page tests: financing.", "السجل",
                "/versions/1", "أضيف");
    }

    @Test
    void aHiddenListAnswersLikeAnAbsentOneAndAPartnerLearnsOnlyItsHolder() throws Exception {
        for (String path : new String[] {"", "/versions/1", "/entries/P-1"}) {
            String hidden = world.outsider.page(get("/watchlists/" + world.listId + path).param("lang", "fr"), 404);
            String absent = world.outsider.page(get("/watchlists/" + Ids.newId() + path).param("lang", "fr"), 404);
            assertThat(hidden).contains("Introuvable").isEqualTo(absent);
        }
        String held = partner.page(get("/watchlists/" + world.listId).param("lang", "fr"), 200);
        assertThat(held).contains("id=\"list-held\"", "Agence de criblage", "UNCLASSIFIED")
                .doesNotContain(world.listName, "Mokhtar", "P-1");
        assertThat(partner.page(get("/watchlists"), 200)).doesNotContain(world.listName);
        world.officer.page(get("/watchlists/" + world.listId + "/versions/7"), 404);
    }
}
