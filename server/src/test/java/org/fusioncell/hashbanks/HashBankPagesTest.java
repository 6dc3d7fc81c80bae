package org.fusioncell.hashbanks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.media.digest.FileDigests;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.PageVisitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The pages in the three languages: the analyst creates a bank shared with a platform (bad input shown next to the
 * form), adds a hash and an image, sees a refused list line by line in Arabic (right to left); the platform's user
 * finds the bank in the navigation, matches the image and downloads the list; an outsider gets "no such bank".
 */
@FusionCellTest
@AutoConfigureMockMvc
class HashBankPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void analystKeepsABankThePlatformMatchesAgainstAndAnOutsiderNeverSees() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule", OrganisationType.STATE_AGENCY, "MR");
        String platform = fx.organisation("Plateforme Tawasul " + System.nanoTime(),
                OrganisationType.TECHNOLOGY_PLATFORM, "MA");
        String other = fx.organisation("Autre", OrganisationType.TECHNOLOGY_PLATFORM, "MA");
        String agreement = fx.agreement(Set.of(cell, platform), "UNCLASSIFIED", Set.of(HashBanks.INFORMATION_TYPE));
        PageVisitor analyst = new PageVisitor(mvc, fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), cell,
                Role.ANALYST);
        PageVisitor partner = new PageVisitor(mvc, fx.user(platform, "UNCLASSIFIED", Set.of(Role.PLATFORM_PARTNER),
                Set.of()), platform, Role.PLATFORM_PARTNER);
        PageVisitor outsider = new PageVisitor(mvc, fx.user(other, "UNCLASSIFIED", Set.of(Role.PLATFORM_PARTNER),
                Set.of()), other, Role.PLATFORM_PARTNER);

        String form = analyst.page(get("/hash-banks/new").param("lang", "fr"), 200);
        assertThat(form).contains("Partager au titre d&#39;accords", "share-" + agreement, "Plateforme Tawasul");
        String missing = analyst.page(post("/hash-banks").with(csrf()).param("lang", "fr").param("classification",
                "UNCLASSIFIED").param("tlp", "AMBER"), 200);
        assertThat(missing).contains("Vérifiez le champ name");
        String created = analyst.redirect(post("/hash-banks").with(csrf()).param("name", "بنك الدعاية المرئية")
                .param("classification", "UNCLASSIFIED").param("tlp", "AMBER").param("sharing", agreement));
        assertThat(created).startsWith("/hash-banks/");
        String id = created.substring("/hash-banks/".length());

        String bad = analyst.page(post(created + "/entries").with(csrf()).param("lang", "en").param("algorithm", "md5")
                .param("hash", "abc"), 200);
        assertThat(bad).contains("Check the field hash", "a md5 hash is 32 hex digits, got 3");
        assertThat(analyst.redirect(post(created + "/entries").with(csrf()).param("algorithm", "sha256")
                .param("hash", "ab".repeat(32)).param("label", "بيان تبني"))).endsWith("#entry");
        byte[] png = TestImages.png(TestImages.scene(11));
        assertThat(analyst.redirect(multipart(created + "/entries/files").file(new MockMultipartFile("file",
                "affiche.png", "image/png", png)).with(csrf()).param("label", "ملصق دعائي"))).endsWith("#file");
        String refused = analyst.page(multipart(created + "/imports").file(new MockMultipartFile("file", "liste.csv",
                "text/csv", ("hash,algorithm,label,deleted\n" + "ab".repeat(32) + ",sha256,ok,false\nzz,md5,x,false\n")
                .getBytes(StandardCharsets.UTF_8))).with(csrf()).param("lang", "ar"), 200);
        assertThat(refused).contains("dir=\"rtl\"", "مشكلة واحدة في القائمة", "السطر 3، العمود hash");
        String page = analyst.page(get(created).param("lang", "ar"), 200);
        assertThat(page).contains("dir=\"rtl\"", "بنك الدعاية المرئية", "إضافة بصمات", "ملصق دعائي",
                "UNCLASSIFIED // TLP:AMBER", "Plateforme Tawasul");

        String list = partner.page(get("/hash-banks").param("lang", "en").param("name", "الدعاية"), 200);
        assertThat(list).contains("id=\"nav-hash-banks\"", "id=\"nav-alerts\"", "One bank", "بنك الدعاية المرئية")
                .as("a platform's user is not offered the cell's working pages")
                .doesNotContain("id=\"nav-reports\"", "id=\"nav-entities\"", "id=\"nav-watchlists\"");
        assertThat(analyst.page(get("/hash-banks").param("lang", "en"), 200)).contains("id=\"nav-reports\"",
                "id=\"nav-watchlists\"");
        String matches = partner.page(multipart("/hash-banks/matches/files").file(new MockMultipartFile("file",
                "q.jpg", "image/jpeg", TestImages.jpeg(TestImages.edited(TestImages.scene(11))))).with(csrf())
                .param("lang", "fr"), 200);
        assertThat(matches).contains("Une correspondance", "ملصق دعائي");
        String byValue = partner.page(post("/hash-banks/matches").with(csrf()).param("lang", "en")
                .param("algorithm", "sha256").param("hash", FileDigests.of(png).sha256()), 200);
        assertThat(byValue).contains("One match");
        assertThat(partner.page(get(created).param("lang", "en"), 200)).doesNotContain("id=\"keeper-forms\"");
        MvcResult csv = partner.perform(get(created + "/export.csv"));
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("بيان تبني");

        assertThat(outsider.page(get(created).param("lang", "fr"), 404)).contains("Banque introuvable");
        assertThat(outsider.page(get("/hash-banks").param("lang", "en").param("name", "الدعاية"), 200))
                .contains("No banks").doesNotContain(id);
        assertThat(outsider.page(post("/hash-banks/matches").with(csrf()).param("lang", "en")
                .param("algorithm", "sha256").param("hash", FileDigests.of(png).sha256()), 200)).contains("No match");
    }
}
