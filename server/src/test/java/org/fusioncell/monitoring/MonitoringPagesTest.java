package org.fusioncell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
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

/**
 * The watch editor and the inbox pages: translated in Arabic and French, a refused watch comes back
 * with the field named and what was typed, an alert's moves, another user's alert answers as absent.
 */
@FusionCellTest
@AutoConfigureMockMvc
class MonitoringPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Alerts alerts;

    private PageVisitor analyst;
    private PageVisitor other;
    private String analystId;

    @BeforeEach
    void world() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        analystId = fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of());
        analyst = new PageVisitor(mvc, analystId, org, Role.ANALYST);
        String otherOrg = fx.organisation(OrganisationType.STATE_AGENCY);
        other = new PageVisitor(mvc, fx.user(otherOrg, "SECRET", Set.of(Role.ANALYST), Set.of()), otherOrg, Role.ANALYST);
    }

    @Test
    void theEditorIsTranslatedAndARefusedWatchKeepsWhatWasTyped() throws Exception {
        String ar = analyst.page(get("/watches").param("lang", "ar"), 200);
        assertThat(ar).contains("dir=\"rtl\"", "المراقبات", "مراقبة جديدة", "اسم شخص", "إنشاء المراقبة");
        String fr = analyst.page(get("/watches").param("lang", "fr"), 200);
        assertThat(fr).contains("Veilles", "Nouvelle veille", "Le nom d&#39;une personne", "Créer la veille");

        String refused = analyst.page(post("/watches").param("lang", "fr").with(csrf()).param("name", "Zone du fleuve")
                .param("kind", "area").param("geometry", "{\"type\":\"Polygon\",\"coordinates\":[[[-16,18],[-15,18],[-15,19]]]}")
                .param("severity", "HIGH"), 400);
        assertThat(refused).contains("id=\"form-error\"", "criterion.geometry.coordinates[0]", "value=\"Zone du fleuve\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_watch WHERE name = 'Zone du fleuve'").query(Long.class).single())
                .isZero();

        String to = analyst.redirect(post("/watches").with(csrf()).param("name", "القحطاني").param("kind", "name")
                .param("value", "محمد عبد الله القحطاني").param("severity", "HIGH"));
        assertThat(to).startsWith("/watches/");
        String page = analyst.page(get(to).param("lang", "ar"), 200);
        assertThat(page).contains("حُفظت المراقبة", "value=\"محمد عبد الله القحطاني\"");
        assertThat(other.page(get(to.replaceAll("\\?.*", "")), 404)).doesNotContain("القحطاني");
    }

    @Test
    void theInboxShowsAlertsLiveAndAnAlertMovesOn() throws Exception {
        Reader reader = readers.forUser(analystId, "test");
        Watches watches = null;
        String html = analyst.page(get("/alerts").param("lang", "ar"), 200);
        assertThat(html).contains("التنبيهات", "لا توجد تنبيهات", "data-stream=\"/alerts/stream\"", "/js/alerts.js");
        assertThat(analyst.page(get("/alerts").param("lang", "fr"), 200)).contains("Aucune alerte", "Nouvelle");
        // an alert, raised the way evaluation raises it, is listed and moves through its states
        jdbc.sql("""
                INSERT INTO monitoring_alert (id, watch_id, watch_name, recipient_user_id, item_type, item_id,
                    item_organisation_id, disclosure, holder_organisation_id, level, severity, state, raised_at,
                    occurrences, last_matched_at)
                VALUES (:id, :w, 'Veille', :u, 'report', :item, :org, 'EXISTENCE_ONLY', :org, 'SECRET', 'HIGH', 'NEW',
                    CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP)""")
                .param("id", "00000000-0000-4000-8000-" + analystId.substring(24)).param("w", java.util.UUID.randomUUID().toString())
                .param("u", analystId).param("item", java.util.UUID.randomUUID().toString())
                .param("org", reader.organisationId()).update();
        String id = "00000000-0000-4000-8000-" + analystId.substring(24);
        String inbox = analyst.page(get("/alerts/inbox").param("lang", "fr"), 200);
        assertThat(inbox).contains("id=\"inbox\"", "Détenu par", "niveau SECRET").doesNotContain("<html");
        assertThat(analyst.page(get("/alerts/" + id).param("lang", "ar"), 200)).contains("محفوظ لدى جهة أخرى", "الإقرار بالاستلام");
        assertThat(other.page(get("/alerts/" + id), 404)).doesNotContain("Veille");
        assertThat(analyst.redirect(post("/alerts/" + id + "/state").with(csrf()).param("state", "ACKNOWLEDGED")
                .param("note", "vu"))).isEqualTo("/alerts/" + id);
        String refused = analyst.page(post("/alerts/" + id + "/state").param("lang", "fr").with(csrf())
                .param("state", "ACKNOWLEDGED"), 409);
        assertThat(refused).contains("Une alerte à l&#39;état Prise en compte ne peut pas passer à l&#39;état Prise en compte");
        assertThat(alerts.open(reader, id)).hasValueSatisfying(a -> assertThat(a.note()).isEqualTo("vu"));
    }
}
