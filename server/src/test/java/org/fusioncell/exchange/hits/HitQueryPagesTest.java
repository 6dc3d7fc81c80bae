package org.fusioncell.exchange.hits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The page: a bad query re-shown in French with the field named and nothing sent; a query asked in Arabic
 * (right to left) answered HIT by the partner; release asked; the holder's supervisor decides in its inbox;
 * the requester reads the decision; the holder's analysts and a stranger see none of it.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Tag("persistence")
class HitQueryPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aQueryAskedFromThePageIsAnsweredAndReleasedThroughTheHoldersInbox() throws Exception {
        HitWorld w = HitWorld.build(jdbc, new BearerApi(port), port);

        String form = page(as(w.aAnalystUser(), w.cellA(), Role.ANALYST, get("/exchange/hits").param("lang", "ar")));
        assertThat(form).contains("dir=\"rtl\"", "الاستعلام بنعم/لا مع الخلايا الشريكة", "id=\"partner-" + w.partnerB() + "\"",
                "Cellule B");

        long before = jdbc.sql("SELECT COUNT(*) FROM exchange_hit_query").query(Long.class).single();
        String refused = page(as(w.aAnalystUser(), w.cellA(), Role.ANALYST, post("/exchange/hits")).with(csrf())
                .param("lang", "fr").param("kind", "PERSON").param("name", "Mokhtar").param("birthDate", "1985")
                .param("partners", w.partnerB()));
        assertThat(refused).contains("Vérifiez le champ name", "id=\"error-name\"", "aria-invalid=\"true\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_hit_query").query(Long.class).single()).isEqualTo(before);

        MvcResult asked = mvc.perform(as(w.aAnalystUser(), w.cellA(), Role.ANALYST, post("/exchange/hits")).with(csrf())
                .param("kind", "PERSON").param("name", "مختار ولد سالم").param("birthDate", "1985-07-14")
                .param("partners", w.partnerB())).andReturn();
        assertThat(asked.getResponse().getStatus()).isEqualTo(302);
        String queryId = asked.getResponse().getRedirectedUrl().replaceAll(".*#query-", "");
        String answerId = jdbc.sql("SELECT id FROM exchange_hit_answer WHERE query_id = :q").param("q", queryId)
                .query(String.class).single();
        String mine = page(as(w.aAnalystUser(), w.cellA(), Role.ANALYST, get("/exchange/hits").param("lang", "ar")));
        assertThat(mine).contains("id=\"query-" + queryId + "\"", "يوجد", "مكتب الاتصال", "id=\"release-" + answerId + "\"");

        MvcResult release = mvc.perform(as(w.aAnalystUser(), w.cellA(), Role.ANALYST,
                post("/exchange/hits/" + queryId + "/answers/" + answerId + "/release")).with(csrf())
                .param("justification", "Enquête en cours sur un réseau de passeurs.")).andReturn();
        assertThat(release.getResponse().getStatus()).isEqualTo(302);

        String reference = jdbc.sql("SELECT reference FROM exchange_hit_answer WHERE id = :a").param("a", answerId)
                .query(String.class).single();
        String inbox = page(as(w.bSupervisorUser(), w.cellB(), Role.SUPERVISOR, get("/exchange/hits").param("lang", "fr")));
        assertThat(inbox).contains("id=\"inbox-list\"", "id=\"incoming-" + reference + "\"", "réseau de passeurs",
                w.heldPerson().substring(0, 8));
        String strangerPage = page(as(w.strangerUser(), w.stranger(), Role.ANALYST, get("/exchange/hits")));
        assertThat(strangerPage).doesNotContain("inbox-list", "مختار", reference, queryId);

        MvcResult decided = mvc.perform(as(w.bSupervisorUser(), w.cellB(), Role.SUPERVISOR,
                post("/exchange/hits/inbox/" + reference + "/decision")).with(csrf()).param("decision", "release")
                .param("message", "Le dossier vous sera transmis par demande de renseignements.")).andReturn();
        assertThat(decided.getResponse().getStatus()).isEqualTo(302);

        String after = page(as(w.aAnalystUser(), w.cellA(), Role.ANALYST, get("/exchange/hits").param("lang", "en")));
        assertThat(after).contains("Released", "Le dossier vous sera transmis");
    }

    @Test
    void administratorsSetTheContactAndTheRulesFromThePageAndOthersDoNotSeeTheSettings() throws Exception {
        HitWorld w = HitWorld.build(jdbc, new BearerApi(port), port);
        String settings = page(as(w.aAdminUser(), w.cellA(), Role.ADMINISTRATOR, get("/exchange/hits").param("lang", "fr")));
        assertThat(settings).contains("id=\"settings\"", "id=\"rule-" + w.agreement() + "\"",
                "une clé est enregistrée");
        assertThat(page(as(w.aAnalystUser(), w.cellA(), Role.ANALYST, get("/exchange/hits")))).doesNotContain("id=\"settings\"");

        MvcResult saved = mvc.perform(as(w.aAdminUser(), w.cellA(), Role.ADMINISTRATOR, post("/exchange/hits/contact"))
                .with(csrf()).param("contact", "Permanence de la cellule — +222 45 00 00 00")).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(page(as(w.aAdminUser(), w.cellA(), Role.ADMINISTRATOR, get("/exchange/hits"))))
                .contains("Permanence de la cellule");

        String shortKey = page(as(w.aAdminUser(), w.cellA(), Role.ADMINISTRATOR,
                post("/exchange/hits/rules/" + w.agreement())).with(csrf()).param("lang", "ar").param("names", "true")
                .param("precision", "YEAR").param("hashes", "true").param("key", "c2hvcnQ="));
        assertThat(shortKey).contains("تحقق من الحقل key", "aria-invalid=\"true\"");
        MvcResult yearOnly = mvc.perform(as(w.aAdminUser(), w.cellA(), Role.ADMINISTRATOR,
                post("/exchange/hits/rules/" + w.agreement())).with(csrf()).param("names", "true")
                .param("precision", "YEAR").param("hashes", "true")).andReturn();
        assertThat(yearOnly.getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT birth_precision FROM exchange_hit_rule WHERE agreement_id = :a")
                .param("a", w.agreement()).query(String.class).single()).isEqualTo("YEAR");
        assertThat(jdbc.sql("SELECT hash_key FROM exchange_hit_rule WHERE agreement_id = :a")
                .param("a", w.agreement()).query(String.class).single()).isNotBlank(); // blank keeps the key

        // a query now sends the year only
        MvcResult asked = mvc.perform(as(w.aAnalystUser(), w.cellA(), Role.ANALYST, post("/exchange/hits")).with(csrf())
                .param("kind", "PERSON").param("name", "Mokhtar Ould Salem").param("birthDate", "1985-07-14")
                .param("partners", w.partnerB())).andReturn();
        String queryId = asked.getResponse().getRedirectedUrl().replaceAll(".*#query-", "");
        assertThat(jdbc.sql("SELECT sent FROM exchange_hit_answer WHERE query_id = :q").param("q", queryId)
                .query(String.class).single()).contains("\"birthDate\":\"1985\"").doesNotContain("07-14");
        // an analyst cannot change a rule
        String refused = page(as(w.aAnalystUser(), w.cellA(), Role.ANALYST, post("/exchange/hits/rules/" + w.agreement()))
                .with(csrf()).param("names", "true").param("precision", "DAY"));
        assertThat(refused).contains("administrator");
        assertThat(jdbc.sql("SELECT birth_precision FROM exchange_hit_rule WHERE agreement_id = :a")
                .param("a", w.agreement()).query(String.class).single()).isEqualTo("YEAR");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(200);
        return body;
    }

    private static MockHttpServletRequestBuilder as(String userId, String orgId, Role role,
                                                    MockHttpServletRequestBuilder request) {
        FusionCellPrincipal principal = new FusionCellPrincipal(userId, userId, "Test user", orgId, Set.of(role), Set.of());
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(role.authority())))));
    }
}
