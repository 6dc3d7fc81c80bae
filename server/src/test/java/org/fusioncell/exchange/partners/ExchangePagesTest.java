package org.fusioncell.exchange.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.PageVisitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The exchange log in Arabic (right to left), kinds and outcomes translated, filtered by partner and paged; another
 * organisation sees none of it. Release approvals: supervisors only; a missing reason refused in French naming the
 * field; the originating organisation's supervisor approves a TLP:RED report and sees the outcome; a supervisor of
 * another organisation cannot approve it and learns nothing about it.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class ExchangePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PartnerCells partners;
    @Autowired
    ExchangeLog log;
    @Autowired
    Readers readers;
    @Autowired
    Reports reports;
    @Autowired
    TaxiiStore store;

    @Test
    void theExchangeLogShowsTheOrganisationsTransfersOnly() throws Exception {
        PageWorld w = PageWorld.build(mvc, jdbc, "Cellule régionale (Dakar)");
        String cell = w.cell();
        String bamakoOrg = w.fx().organisation("Cellule de Bamako", OrganisationType.PARTNER_FUSION_CELL, "ML");
        String withBamako = w.fx().agreement(Set.of(cell, bamakoOrg), "SECRET", Set.of("*"));
        String adminUser = w.fx().user(cell, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of());
        String dakar = partners.create(readers.forUser(adminUser, "test"), new PartnerDraft("Cellule de Dakar",
                w.partnerOrg(), w.agreement(), null, null, null, null, null)).id();
        String bamako = partners.create(readers.forUser(adminUser, "test"), new PartnerDraft("Cellule de Bamako",
                bamakoOrg, withBamako, null, null, null, null, null)).id();
        PageVisitor analyst = w.visitor(cell, Role.ANALYST);
        PageVisitor stranger = w.visitor(w.strangerOrg(), Role.ANALYST);
        log.record(cell, dakar, ExchangeLog.Kind.TAXII_PULL, 0, "FAILED", "link to the partner: connection refused");
        for (int i = 0; i < 50; i++) {
            log.record(cell, bamako, ExchangeLog.Kind.HIT_QUERY, 1, "OK", "query " + i);
        }
        log.record(cell, dakar, ExchangeLog.Kind.PACKAGE_IMPORT, 12, "PARTIAL", "12 objects, 2 refused");

        String page = analyst.page(get("/exchange/log").param("lang", "ar"), 200);
        assertThat(page).contains("dir=\"rtl\"", "سجل التبادل", "52 عملية نقل", "حزمة مستلمة", "جزئي",
                "12 objects, 2 refused", "Cellule de Dakar", "id=\"log-next\"")
                .doesNotContain("connection refused"); // the oldest is on the second page
        assertThat(page.indexOf("12 objects, 2 refused")).isLessThan(page.indexOf("query 49"));
        String second = analyst.page(get("/exchange/log").param("page", "1").param("lang", "fr"), 200);
        assertThat(second).contains("Réception TAXII", "Échec", "connection refused", "id=\"log-previous\"");
        String dakarOnly = analyst.page(get("/exchange/log").param("partner", dakar).param("lang", "en"), 200);
        assertThat(dakarOnly).contains("2 transfers", "TAXII pull", "Failed", "Package received", "Partly done")
                .doesNotContain("query 1", "id=\"log-next\"");

        String strangers = stranger.page(get("/exchange/log").param("lang", "en"), 200);
        assertThat(strangers).contains("No transfer").doesNotContain("Cellule de Dakar", "connection refused", "query 1");
        assertThat(stranger.page(get("/exchange/log").param("partner", dakar), 200))
                .doesNotContain("connection refused", "Cellule de Dakar");
    }

    @Test
    void onlyTheOriginatingOrganisationsSupervisorsApproveARelease() throws Exception {
        PageWorld w = PageWorld.build(mvc, jdbc, "خلية الاندماج الإقليمية");
        String cell = w.cell();
        String agreement = w.agreement();
        PageVisitor supervisor = w.visitor(cell, Role.SUPERVISOR);
        PageVisitor analyst = w.visitor(cell, Role.ANALYST);
        PageVisitor otherSupervisor = w.visitor(w.strangerOrg(), Role.SUPERVISOR);
        String adminUser = w.fx().user(cell, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of());
        TaxiiCollection collection = store.create(readers.forUser(adminUser, "test"), new TaxiiCollection(null, "fusioncell",
                "Vers la cellule régionale", null, null, null, agreement, Set.of(), Set.of(), null, true));
        String red = reports.contribute(readers.forUser(analyst.userId(), "test"), new ReportDraft("Source sensible — Néma",
                "Informations d’une source humaine sur un convoi.", null, null, new Grading(SourceReliability.B, 2),
                new Marking(0, Tlp.RED, new Releasability(Set.of(), Set.of(), Set.of(agreement),
                        Set.of(supervisor.userId())), false,
                        Set.of(), cell), null, null)).id();

        analyst.page(get("/exchange/release-approvals"), 403);
        analyst.page(post("/exchange/release-approvals").with(csrf()).param("itemId", red)
                .param("collectionId", collection.id()).param("reason", "Accord"), 403);

        String form = supervisor.page(get("/exchange/release-approvals").param("lang", "ar"), 200);
        assertThat(form).contains("dir=\"rtl\"", "الموافقة على النشر", "Vers la cellule régionale",
                "لا يملك ذلك إلا مشرفو تلك المنظمة");
        String noReason = supervisor.page(post("/exchange/release-approvals").with(csrf()).param("lang", "fr")
                .param("itemId", red).param("collectionId", collection.id()).param("reason", ""), 200);
        assertThat(noReason).contains("Vérifiez le champ « Motif »", "id=\"error-reason\"", "value=\"" + red + "\"");
        assertThat(approvals(red)).isZero();

        String refused = otherSupervisor.page(post("/exchange/release-approvals").with(csrf()).param("lang", "en")
                .param("itemId", red).param("collectionId", collection.id()).param("reason", "We want it out"), 200);
        assertThat(refused).contains("id=\"error-itemId\"", "no item of your organisation has this id")
                .doesNotContain("Source sensible");
        assertThat(approvals(red)).isZero();

        // TLP:RED: a supervisor of the organisation who is not a named recipient cannot pass it on
        String notRecipient = w.visitor(cell, Role.SUPERVISOR).page(post("/exchange/release-approvals").with(csrf())
                .param("lang", "fr").param("itemId", red).param("collectionId", collection.id())
                .param("reason", "Accord"), 200);
        assertThat(notRecipient).contains("Vérifiez le champ « Identifiant du rapport ou de l’entité »",
                "destinataires nommés");
        assertThat(approvals(red)).isZero();

        MvcResult approved = supervisor.perform(post("/exchange/release-approvals").with(csrf()).param("itemId", red)
                .param("collectionId", collection.id()).param("reason", "Accord du service émetteur pour la cellule B"));
        assertThat(approved.getResponse().getStatus()).isEqualTo(302);
        assertThat(supervisor.page(get("/exchange/release-approvals").param("lang", "en")
                .flashAttrs(approved.getFlashMap()), 200)).contains("id=\"approved\"", red, "added");
        assertThat(approvals(red)).isEqualTo(1);
    }

    private long approvals(String itemId) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_release_approval WHERE item_id = :i").param("i", itemId)
                .query(Long.class).single();
    }
}
