package org.fusioncell.exchange.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.PageVisitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The TAXII administration pages: a collection opened from the form (a bad one refused in French, naming the
 * field), its backlog published and an object revoked from the list in Arabic; a feed added (a bad one refused),
 * run against a partner that does not answer (FAILED, shown with its error), disabled and started again after
 * a confirmation; analysts get 403; another organisation's administrator sees none of it and cannot run it;
 * the partner's token never appears.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class TaxiiAdminPagesTest {

    private static final String TOKEN = "token-issued-by-the-partner-91c2";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PartnerCells partners;
    @Autowired
    Readers readers;

    @Test
    void collectionsAreOpenedPublishedAndRevokedFromThePage() throws Exception {
        PageWorld w = PageWorld.build(mvc, jdbc, "خلية الاندماج الإقليمية");
        String cell = w.cell();
        String partnerOrg = w.partnerOrg();
        String agreement = w.agreement();
        PageVisitor admin = w.visitor(cell, Role.ADMINISTRATOR);
        PageVisitor analyst = w.visitor(cell, Role.ANALYST);

        String refused = admin.page(post("/admin/taxii-collections").with(csrf()).param("lang", "fr")
                .param("title", " ").param("agreementId", agreement), 200);
        assertThat(refused).contains("Vérifiez le champ « Titre »", "id=\"error-title\"", "obligatoire");
        String noAudience = admin.page(post("/admin/taxii-collections").with(csrf()).param("lang", "fr")
                .param("title", "Vers Dakar"), 200);
        assertThat(noAudience).contains("Vérifiez le champ « Accord »", "id=\"error-agreementId\"");
        assertThat(collections(cell)).isZero();

        String created = admin.redirect(post("/admin/taxii-collections").with(csrf()).param("title", "Vers Dakar")
                .param("description", "Rapports partagés avec la cellule régionale").param("agreementId", agreement)
                .param("readers", partnerOrg).param("publishes", "true"));
        String id = created.replaceAll(".*#collection-", "");
        String list = admin.page(get("/admin/taxii-collections").param("lang", "ar"), 200);
        assertThat(list).contains("dir=\"rtl\"", "مجموعات TAXII", "id=\"collection-" + id + "\"", "Vers Dakar",
                "خلية الاندماج الإقليمية", "id=\"publish-" + id + "\"", "id=\"revoke-" + id + "\"");

        MvcResult published = admin.perform(post("/admin/taxii-collections/" + id + "/publication").with(csrf()));
        assertThat(published.getResponse().getStatus()).isEqualTo(302);
        assertThat(admin.page(get("/admin/taxii-collections").param("lang", "en")
                .flashAttrs(published.getFlashMap()), 200)).contains("id=\"published\"", "No object added, none revoked.");

        MvcResult badRevoke = admin.perform(post("/admin/taxii-collections/" + id + "/revocations").with(csrf())
                .param("objectId", "rapport-42").param("reason", "Erreur de saisie").param("lang", "fr"));
        assertThat(admin.page(get("/admin/taxii-collections").param("lang", "fr").flashAttrs(badRevoke.getFlashMap()), 200))
                .contains("Vérifiez le champ « Identifiant d’objet STIX »", "id=\"error-objectId-" + id + "\"",
                        "value=\"rapport-42\"");
        MvcResult revoke = admin.perform(post("/admin/taxii-collections/" + id + "/revocations").with(csrf())
                .param("objectId", "report--6f1c2a9e-1d1b-4b3e-9c51-0d2f1e6a7b88").param("reason", "Erreur de saisie"));
        assertThat(admin.page(get("/admin/taxii-collections").param("lang", "en").flashAttrs(revoke.getFlashMap()), 200))
                .contains("id=\"done\"", "report--6f1c2a9e-1d1b-4b3e-9c51-0d2f1e6a7b88");

        analyst.page(get("/admin/taxii-collections"), 403);
        analyst.page(post("/admin/taxii-collections/" + id + "/publication").with(csrf()), 403);
    }

    @Test
    void feedsAreAddedRunAndRestartedFromThePageAndStayTheirOrganisations() throws Exception {
        PageWorld w = PageWorld.build(mvc, jdbc, "Cellule régionale (Dakar)");
        String cell = w.cell();
        PageVisitor admin = w.visitor(cell, Role.ADMINISTRATOR);
        PageVisitor analyst = w.visitor(cell, Role.ANALYST);
        PageVisitor stranger = w.visitor(w.strangerOrg(), Role.ADMINISTRATOR);
        // nothing listens on the discard port of this machine: the run cannot reach the partner
        String partner = partners.create(readers.forUser(admin.userId(), "test"), new PartnerDraft("Cellule de Dakar",
                w.partnerOrg(), w.agreement(), "http://127.0.0.1:9", null, null, null, TOKEN)).id();

        String refused = admin.page(feed(post("/admin/taxii-feeds"), partner, "../collection").param("lang", "fr"), 200);
        assertThat(refused).contains("Vérifiez le champ « Collection du partenaire »", "id=\"error-remoteCollectionId\"");
        String badInterval = admin.page(feed(post("/admin/taxii-feeds"), partner, "a1b2").param("intervalSeconds", "5")
                .param("lang", "ar"), 200);
        assertThat(badInterval).contains("dir=\"rtl\"", "تحقق من الحقل «كل (ثانية)»", "بين 30 ثانية و7 أيام");
        String push = admin.page(feed(post("/admin/taxii-feeds"), partner, "a1b2").param("direction", "PUSH"), 200);
        assertThat(push).contains("id=\"error-localCollectionId\"");
        assertThat(feeds(cell)).isZero();

        String id = admin.redirect(feed(post("/admin/taxii-feeds"), partner, "collection-a1b2").param("intervalSeconds", "600"))
                .replaceAll(".*#feed-", "");
        String list = admin.page(get("/admin/taxii-feeds").param("lang", "fr"), 200);
        assertThat(list).contains("id=\"feed-" + id + "\"", "Cellule de Dakar", "collection-a1b2", "Réception", "jamais",
                "le début", "planifié").doesNotContain(TOKEN);

        MvcResult run = admin.perform(post("/admin/taxii-feeds/" + id + "/run").with(csrf()));
        assertThat(run.getResponse().getStatus()).isEqualTo(302);
        String after = admin.page(get("/admin/taxii-feeds").param("lang", "fr").flashAttrs(run.getFlashMap()), 200);
        assertThat(after).contains("id=\"run-result\"", "outcome-FAILED", "L’exécution a échoué",
                "0 pages, 0 objets", "link to the partner", "Échec").doesNotContain(TOKEN);

        admin.redirect(post("/admin/taxii-feeds/" + id + "/enabled").with(csrf()).param("enabled", "false"));
        assertThat(jdbc.sql("SELECT enabled FROM exchange_taxii_feed WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isFalse();
        jdbc.sql("UPDATE exchange_taxii_feed SET cursor_added = '2026-01-01T00:00:00.000000Z' WHERE id = :id")
                .param("id", id).update();
        MvcResult unconfirmed = admin.perform(post("/admin/taxii-feeds/" + id + "/reset").with(csrf()).param("lang", "en"));
        assertThat(admin.page(get("/admin/taxii-feeds").param("lang", "en").flashAttrs(unconfirmed.getFlashMap()), 200))
                .contains("id=\"error-confirm-" + id + "\"", "tick the box to confirm");
        assertThat(cursor(id)).isNotNull();
        admin.redirect(post("/admin/taxii-feeds/" + id + "/reset").with(csrf()).param("confirm", "true"));
        assertThat(cursor(id)).isNull();

        analyst.page(get("/admin/taxii-feeds"), 403);
        analyst.page(post("/admin/taxii-feeds/" + id + "/run").with(csrf()), 403);
        assertThat(stranger.page(get("/admin/taxii-feeds"), 200)).contains("id=\"no-feeds\"")
                .doesNotContain(id, "Cellule de Dakar", "collection-a1b2");
        stranger.page(post("/admin/taxii-feeds/" + id + "/run").with(csrf()), 404);
        stranger.page(post("/admin/taxii-feeds/" + id + "/reset").with(csrf()).param("confirm", "true"), 404);
        assertThat(jdbc.sql("SELECT last_outcome FROM exchange_taxii_feed WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("FAILED");
    }

    private static MockHttpServletRequestBuilder feed(MockHttpServletRequestBuilder post, String partner, String remote) {
        return post.with(csrf()).param("partnerId", partner).param("remoteCollectionId", remote).param("_enabled", "on")
                .param("enabled", "true");
    }

    private long collections(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_taxii_collection WHERE owner_organisation_id = :o").param("o", owner)
                .query(Long.class).single();
    }

    private long feeds(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_taxii_feed WHERE owner_organisation_id = :o").param("o", owner)
                .query(Long.class).single();
    }

    private String cursor(String id) {
        return jdbc.sql("SELECT cursor_added FROM exchange_taxii_feed WHERE id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
    }
}
