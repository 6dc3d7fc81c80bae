package org.fusioncell.exchange.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Markings;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.PageVisitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.FlashMap;

/**
 * The page in three languages: the cell's liaison officer sees the key and builds a package (downloaded), is told
 * in Arabic when there is nothing new; the partner's liaison officer imports it from the French form, then a
 * tampered copy is refused in English naming what is wrong; an analyst gets no forms; another organisation sees
 * no packages.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class PackagesPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaxiiStore store;
    @Autowired
    Readers readers;
    @Autowired
    Markings markings;

    @Test
    void packagesAreBuiltAndImportedFromThePageInThreeLanguages() throws Exception {
        PackageWorld w = new PackageWorld(port, jdbc).withPartnersAndCollection();
        w.add(store, readers, PackageWorld.greenOf(markings, w.cell), PackageWorld.noteId(), PackageWorld.noteId());
        PageVisitor cellLiaison = new PageVisitor(mvc, w.cellLiaisonId, w.cell, Role.LIAISON_OFFICER);
        PageVisitor partnerLiaison = new PageVisitor(mvc, w.partnerLiaisonId, w.partnerOrg, Role.LIAISON_OFFICER);

        String ar = cellLiaison.page(get("/exchange/packages").param("lang", "ar"), 200);
        assertThat(ar).contains("dir=\"rtl\"", "الحزم غير المتصلة", "id=\"export-form\"", "id=\"import-form\"",
                "خلية الاندماج الإقليمية — داكار", w.installationKey, "لا توجد حزم");

        MvcResult built = cellLiaison.perform(post("/exchange/packages/export").with(csrf())
                .param("partnerId", w.partnerOfCell).param("collectionId", w.collection).param("since", ""));
        assertThat(built.getResponse().getStatus()).isEqualTo(200);
        assertThat(built.getResponse().getContentType()).isEqualTo("application/zip");
        assertThat(built.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"fusioncell-package-");
        byte[] zip = built.getResponse().getContentAsByteArray();

        MvcResult nothing = cellLiaison.perform(post("/exchange/packages/export").with(csrf())
                .param("partnerId", w.partnerOfCell).param("collectionId", w.collection));
        assertThat(nothing.getResponse().getStatus()).isEqualTo(303);
        String again = cellLiaison.page(get("/exchange/packages").param("lang", "ar").flashAttrs(flash(nothing)), 200);
        assertThat(again).contains("id=\"export-error\"", "تحقق من التاريخ:", "since: nothing the partner may read",
                "حزمة واحدة");

        MvcResult imported = partnerLiaison.perform(multipart("/exchange/packages/import").file(file(zip)).with(csrf())
                .param("partnerId", w.cellOfPartner));
        assertThat(imported.getResponse().getStatus()).isEqualTo(302);
        String fr = partnerLiaison.page(get("/exchange/packages").param("lang", "fr").flashAttrs(flash(imported)), 200);
        assertThat(fr).contains("Paquet importé : 2 objets, 2 nouveaux, 0 déjà détenus.", "Importé du partenaire",
                "Cellule nationale de fusion — Nouakchott");

        Map<String, byte[]> tampered = new LinkedHashMap<>(PackageWorld.entries(zip));
        tampered.put("objects.json", new String(tampered.get("objects.json"), StandardCharsets.UTF_8)
                .replace("Gao", "Kidal").getBytes(StandardCharsets.UTF_8));
        MvcResult refused = partnerLiaison.perform(multipart("/exchange/packages/import")
                .file(file(PackageWorld.zip(tampered))).with(csrf()).param("partnerId", w.cellOfPartner));
        String en = partnerLiaison.page(get("/exchange/packages").param("lang", "en").flashAttrs(flash(refused)), 200);
        assertThat(en).contains("id=\"import-error\"", "The package&#39;s objects are not acceptable:",
                "objects.json: SHA-256 does not match the manifest", "Nothing was imported.", "One package");

        String analystId = w.fx.user(w.cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String analyst = new PageVisitor(mvc, analystId, w.cell, Role.ANALYST).page(get("/exchange/packages"), 200);
        assertThat(analyst).contains("id=\"packages-not-carrier\"", "One package").doesNotContain("id=\"export-form\"");
        String outsiderOrg = w.fx.organisation(org.fusioncell.access.OrganisationType.STATE_AGENCY);
        String outsiderId = w.fx.user(outsiderOrg, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of());
        String outsider = new PageVisitor(mvc, outsiderId, outsiderOrg, Role.LIAISON_OFFICER)
                .page(get("/exchange/packages"), 200);
        assertThat(outsider).contains("No packages").doesNotContain("Nouakchott").doesNotContain("داكار");
    }

    private static MockMultipartFile file(byte[] zip) {
        return new MockMultipartFile("file", "package.zip", "application/zip", zip);
    }

    private static Map<String, Object> flash(MvcResult r) {
        FlashMap flash = r.getFlashMap();
        return new LinkedHashMap<>(flash);
    }
}
