package org.fusioncell.exchange.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Set;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.PageVisitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The partner cell pages: the form in Arabic (right to left) offers the partner's organisation and the agreement
 * naming it; a bad base URL is refused in French with the field named and nothing stored; the stored token is
 * never sent back, an empty field keeps it and the box removes it; analysts get 403; another organisation's
 * administrator neither lists nor opens the partner.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class PartnerCellPagesTest {

    private static final String TOKEN = "secret-token-of-the-partner-7f3a";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void administratorsRegisterAndChangePartnerCellsWithoutTheTokenEverShown() throws Exception {
        PageWorld w = PageWorld.build(mvc, jdbc, "خلية الاندماج الإقليمية");
        String cell = w.cell();
        String partnerOrg = w.partnerOrg();
        String agreement = w.agreement();
        w.fx().agreement(Set.of(w.strangerOrg(), partnerOrg), "SECRET", Set.of("*"));
        PageVisitor admin = w.visitor(cell, Role.ADMINISTRATOR);
        PageVisitor analyst = w.visitor(cell, Role.ANALYST);
        PageVisitor stranger = w.visitor(w.strangerOrg(), Role.ADMINISTRATOR);
        String key = Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());

        String form = admin.page(get("/admin/partner-cells/new").param("lang", "ar"), 200);
        assertThat(form).contains("dir=\"rtl\"", "تسجيل خلية شريكة", "خلية الاندماج الإقليمية",
                "value=\"" + agreement + "\"", "data-parties=\"" + partnerOrg + "\"", "type=\"password\"")
                .doesNotContain("value=\"" + cell + "\"");

        String refused = admin.page(fields(post("/admin/partner-cells/new"), partnerOrg, agreement, key, "ftp://cell.example.sn")
               .param("token", TOKEN).param("lang", "fr"), 200);
        assertThat(refused).contains("Vérifiez le champ « Adresse de base »", "id=\"error-baseUrl\"",
                "une adresse https absolue", "aria-invalid=\"true\"", "&mdash; Dakar\"") // the name typed, shown again
                .doesNotContain(TOKEN);
        assertThat(count(cell)).isZero();

        assertThat(admin.redirect(fields(post("/admin/partner-cells/new"), partnerOrg, agreement, key, "https://cell.example.sn").param("token", TOKEN)))
                .isEqualTo("/admin/partner-cells");
        String id = jdbc.sql("SELECT id FROM exchange_partner_cell WHERE owner_organisation_id = :o").param("o", cell)
                .query(String.class).single();
        String list = admin.page(get("/admin/partner-cells").param("lang", "en"), 200);
        assertThat(list).contains("id=\"partner-" + id + "\"", "Cellule régionale — Dakar", "خلية الاندماج الإقليمية",
                "https://cell.example.sn (fusioncell)", "stored", "registered").doesNotContain(TOKEN);
        String edit = admin.page(get("/admin/partner-cells/" + id).param("lang", "fr"), 200);
        assertThat(edit).contains("id=\"removeToken\"", "Un jeton est enregistré").doesNotContain(TOKEN);

        // an empty token field keeps the stored token; the box removes it
        admin.redirect(fields(post("/admin/partner-cells/" + id), partnerOrg, agreement, key, "https://cell.example.sn").param("token", "")
                .param("contact", "Permanence — +221 33 800 00 00"));
        assertThat(token(id)).isEqualTo(TOKEN);
        assertThat(admin.page(get("/admin/partner-cells/" + id), 200)).contains("+221 33 800 00 00").doesNotContain(TOKEN);
        admin.redirect(fields(post("/admin/partner-cells/" + id), partnerOrg, agreement, key, "https://cell.example.sn").param("token", "")
                .param("removeToken", "true"));
        assertThat(token(id)).isNull();
        assertThat(admin.page(get("/admin/partner-cells/" + id), 200)).doesNotContain("id=\"removeToken\"");

        analyst.page(get("/admin/partner-cells"), 403);
        analyst.page(get("/admin/partner-cells/" + id), 403);
        assertThat(stranger.page(get("/admin/partner-cells"), 200)).contains("id=\"no-partner-cells\"")
                .doesNotContain(id, "Cellule régionale");
        assertThat(stranger.page(get("/admin/partner-cells/" + id), 404)).doesNotContain("Cellule régionale");
        stranger.page(fields(post("/admin/partner-cells/" + id), partnerOrg, agreement, key, "https://cell.example.sn"), 404);
        assertThat(jdbc.sql("SELECT name FROM exchange_partner_cell WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Cellule régionale — Dakar");
    }

    private static MockHttpServletRequestBuilder fields(MockHttpServletRequestBuilder post, String organisation,
                                                        String agreement, String key, String baseUrl) {
        return post.with(csrf()).param("name", "Cellule régionale — Dakar").param("organisationId", organisation)
                .param("agreementId", agreement).param("baseUrl", baseUrl).param("apiRoot", "fusioncell")
                .param("publicKey", key);
    }

    private long count(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_partner_cell WHERE owner_organisation_id = :o").param("o", owner)
                .query(Long.class).single();
    }

    private String token(String id) {
        return jdbc.sql("SELECT token FROM exchange_partner_cell WHERE id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
    }
}
