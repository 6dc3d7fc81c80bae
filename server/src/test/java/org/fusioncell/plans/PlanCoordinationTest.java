package org.fusioncell.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A plan's coordination and participation over the API, for a fictitious country (XW): the donor matrix with its
 * gaps and overlaps, the participation summary and the unmatched capacity needs checked against numbers computed
 * by hand; an action attached to an MoU's joint project; overdue follow-ups; bad input naming the field with
 * nothing written; another organisation learning nothing of a restricted draft's coordination.
 */
@FusionCellTest
@Tag("persistence")
class PlanCoordinationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private BearerApi api;
    private String analyst;
    private String plan;

    private String post(String path, Object body) throws Exception {
        return BearerApi.created(api.send(analyst, "/api/v1/plans/" + plan + path, body));
    }

    private String field(String path, Object body) throws Exception {
        HttpResponse<String> r = api.send(analyst, "/api/v1/plans/" + plan + path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return BearerApi.JSON.readTree(r.body()).get("field").asString();
    }

    private String action(String area, String currency, String budget, String funded, String pledged, String donor)
            throws Exception {
        String objective = post("/objectives", Map.of("areaCode", area, "title", "Objectif " + area));
        String output = post("/outputs", Map.of("objectiveId", objective, "title", "Produit " + area));
        Map<String, Object> a = PlansApiTest.actionBody(output, currency, budget, funded, pledged);
        a.put("donor", donor);
        return post("/actions", a);
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void coordinationAndParticipationOfAPlanForAFictitiousCountry() throws Exception {
        api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Commission nationale de prévention", OrganisationType.STATE_AGENCY, "MR");
        String other = fx.organisation("Office des douanes", OrganisationType.STATE_AGENCY, "MR");
        analyst = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String customs = fx.token(fx.user(other, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        Map<String, Object> body = PlansApiTest.planBody("Stratégie nationale de Zembara");
        body.put("country", "xw");
        plan = BearerApi.created(api.send(analyst, "/api/v1/plans", body));
        assertThat(api.get(analyst, "/api/v1/plans/" + plan, 200).get("country").asString()).isEqualTo("XW");

        // --- the donor matrix: gaps and overlaps by hand
        action("empowering-youth", "MRU", "1000", "600", "200", "Union européenne");       // gap 400
        action("empowering-youth", "MRU", "500", "400", "300", "Coopération allemande"); // gap 100, overlap 200
        action("empowering-youth", "EUR", "100", "0", "0", null);                          // gap 100, no donor
        action("engaging-communities", "EUR", "1000", "250", "0", "Union européenne");      // gap 750
        action("dialogue-conflict-prevention", "USD", "300", "0", "0", "Union européenne"); // named, not financing
        JsonNode m = api.get(analyst, "/api/v1/plans/" + plan + "/donor-matrix", 200);
        assertThat(m.get("planId").asString()).isEqualTo(plan);
        JsonNode columns = m.get("columns");
        assertThat(columns).hasSize(7);
        JsonNode dialogue = columns.get(0);
        JsonNode communities = columns.get(2);
        JsonNode youth = columns.get(3);
        assertThat(dialogue.get("uncovered").asBoolean()).isTrue();
        assertThat(money(dialogue.get("funding"), "USD", "gap")).isEqualByComparingTo("300");
        assertThat(strings(youth.get("donors"))).containsExactly("Coopération allemande", "Union européenne");
        assertThat(youth.get("shared").asBoolean()).isTrue();
        assertThat(money(youth.get("funding"), "MRU", "gap")).isEqualByComparingTo("500");      // 400 + 100
        assertThat(money(youth.get("funding"), "MRU", "overlap")).isEqualByComparingTo("200");  // 400 + 300 − 500
        assertThat(money(youth.get("funding"), "EUR", "gap")).isEqualByComparingTo("100");
        assertThat(communities.get("shared").asBoolean()).isFalse();
        assertThat(communities.get("uncovered").asBoolean()).isFalse();
        assertThat(money(communities.get("funding"), "EUR", "gap")).isEqualByComparingTo("750");
        assertThat(columns.get(6).get("uncovered").asBoolean()).isTrue();
        assertThat(columns.get(6).get("funding")).isEmpty();
        JsonNode rows = m.get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("donor").asString()).isEqualTo("Coopération allemande");
        assertThat(money(rows.get(0).get("cells").get(3), "MRU", "pledged")).isEqualByComparingTo("300");
        JsonNode eu = rows.get(1);
        assertThat(eu.get("cells").get(0)).isEmpty();
        assertThat(money(eu.get("cells").get(3), "MRU", "funded")).isEqualByComparingTo("600");
        assertThat(money(eu.get("cells").get(2), "EUR", "funded")).isEqualByComparingTo("250");
        assertThat(money(eu.get("total"), "EUR", "funded")).isEqualByComparingTo("250");
        assertThat(money(eu.get("total"), "MRU", "pledged")).isEqualByComparingTo("200");
        // the matrix's column totals are the dashboard's per-area funding: one roll-up, not two
        JsonNode tree = api.get(analyst, "/api/v1/plans/" + plan, 200);
        assertThat(tree.get("areas").get(3).get("funding")).isEqualTo(youth.get("funding"));

        // --- working groups, a meeting with decisions and follow-ups, one overdue
        String donors = post("/working-groups", Map.of("name", "Groupe des partenaires techniques et financiers",
                "kind", "donor_group", "chair", "Union européenne", "members", List.of("Union européenne", "GIZ")));
        String meeting = post("/meetings", Map.of("workingGroupId", donors, "heldOn", "2025-06-01",
                "place", "Kandara", "participants", List.of("Union européenne", "GIZ"),
                "minutes", "Revue de la matrice des bailleurs.",
                "decisions", List.of(Map.of("text", "Coordonner le volet jeunesse", "followUps", List.of(
                        Map.of("what", "Partager la matrice", "owner", "Union européenne", "dueDate", "2025-07-01"),
                        Map.of("what", "Note conjointe", "owner", "GIZ", "dueDate", "2025-07-15",
                                "status", "DONE"))))));
        JsonNode c = api.get(analyst, "/api/v1/plans/" + plan + "/coordination", 200);
        JsonNode group = c.get("workingGroups").get(0);
        assertThat(group.get("kind").asString()).isEqualTo("DONOR_GROUP");
        assertThat(group.get("meetings").get(0).get("id").asString()).isEqualTo(meeting);
        JsonNode follows = group.get("meetings").get(0).get("decisions").get(0).get("followUps");
        assertThat(follows.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(follows.get(1).get("overdue").asBoolean()).isFalse();
        assertThat(c.get("overdue")).hasSize(1);
        HttpResponse<String> moved = api.send(analyst, "/api/v1/plans/" + plan + "/follow-ups/"
                + follows.get(0).get("id").asString() + "/status", Map.of("status", "done"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(api.get(analyst, "/api/v1/plans/" + plan + "/coordination", 200).get("overdue")).isEmpty();

        // --- capacity needs and offers: the unmatched needs that are not met are the gaps
        String justice = post("/capacity-needs", Map.of("institution", "Ministère de la Justice", "areaCode",
                "governance-human-rights-rule-of-law", "description", "Former les greffiers", "priority", "high"));
        String media = post("/capacity-needs", Map.of("institution", "الهيئة العليا للسمعي البصري", "areaCode",
                "strategic-communications", "description", "أدوات رصد خطاب الكراهية", "priority", "MEDIUM"));
        post("/capacity-needs", Map.of("institution", "Ministère de la Jeunesse", "areaCode", "empowering-youth",
                "description", "Animateurs formés", "priority", "LOW", "status", "MET"));
        String unodc = post("/support-offers", Map.of("organisation", "UNODC", "what", "Module de formation",
                "amount", "40000", "currency", "USD"));
        String undp = post("/support-offers", Map.of("organisation", "PNUD", "what", "Un expert pendant six mois"));
        post("/support-matches", Map.of("needId", justice, "offerId", unodc));
        JsonNode needs = api.get(analyst, "/api/v1/plans/" + plan + "/coordination", 200);
        assertThat(needs.get("needs")).hasSize(3);
        assertThat(needs.get("needs").get(0).get("supportedBy").get(0).get("amount").decimalValue())
                .isEqualByComparingTo("40000");
        assertThat(strings(needs.get("gaps"), "id")).containsExactly(media);
        assertThat(needs.get("offers").get(1).get("amount").isNull()).isTrue();

        // --- participation: totals and shares by hand
        post("/participants", Map.of("organisation", "Ministère de l'Intérieur", "sector", "GOVERNMENT"));
        post("/participants", Map.of("organisation", "جمعية شباب من أجل السلام", "sector", "youth organisations"));
        post("/participants", Map.of("organisation", "Ministère de la Jeunesse", "sector", "GOVERNMENT"));
        post("/consultations", consultation(120, 48, 72, 30));
        post("/consultations", consultation(80, 44, 30, 50));
        JsonNode p = api.get(analyst, "/api/v1/plans/" + plan + "/participation", 200);
        JsonNode s = p.get("summary");
        assertThat(s.get("consultations").asInt()).isEqualTo(2);
        assertThat(s.get("participants").asInt()).isEqualTo(200);
        assertThat(s.get("women").asInt()).isEqualTo(92);
        assertThat(s.get("men").asInt()).isEqualTo(102);
        assertThat(s.get("youth").asInt()).isEqualTo(80);
        assertThat(s.get("nonYouth").asInt()).isEqualTo(120);
        assertThat(s.get("womenShare").asDouble()).isCloseTo(0.46, within(1e-9));   // 92 / 200
        assertThat(s.get("youthShare").asDouble()).isCloseTo(0.40, within(1e-9));   // 80 / 200
        assertThat(s.get("sectors").get(0).get("sector").asString()).isEqualTo("GOVERNMENT");
        assertThat(s.get("sectors").get(0).get("organisations").asInt()).isEqualTo(2);
        assertThat(s.get("sectors").get(1).get("sector").asString()).isEqualTo("YOUTH_ORGANISATIONS");
        assertThat(p.get("consultations").get(1).get("nonYouth").asInt()).isEqualTo(30);

        // --- bad input names the field, nothing is written
        long[] before = {rows("plans_meeting"), rows("plans_follow_up"), rows("plans_consultation"),
                rows("plans_working_group"), rows("plans_support_match"), rows("plans_capacity_need")};
        Map<String, Object> late = new HashMap<>(Map.of("workingGroupId", donors, "heldOn", "2025-09-01",
                "place", "Kandara", "decisions", List.of(Map.of("text", "Décision", "followUps", List.of(
                        Map.of("what", "Rapport", "owner", "GIZ", "dueDate", "2025-08-31"))))));
        assertThat(field("/meetings", late)).isEqualTo("decisions[0].followUps[0].dueDate");
        assertThat(field("/consultations", consultation(-5, 0, 0, 0))).isEqualTo("participants");
        assertThat(field("/consultations", consultation(50, 30, 25, 10))).isEqualTo("women");
        assertThat(field("/consultations", consultation(50, 20, 20, 51))).isEqualTo("youth");
        assertThat(field("/consultations", consultation(50, -1, 20, 10))).isEqualTo("women");
        assertThat(field("/working-groups", Map.of("name", "Groupe", "kind", "steering committee")))
                .isEqualTo("kind");
        assertThat(field("/capacity-needs", Map.of("institution", "Police", "areaCode", "counter-narcotics",
                "description", "x", "priority", "HIGH"))).isEqualTo("areaCode");
        assertThat(field("/capacity-needs", Map.of("institution", "Police", "areaCode", "empowering-youth",
                "description", "x", "priority", "URGENT"))).isEqualTo("priority");
        assertThat(field("/support-offers", Map.of("organisation", "UE", "what", "x", "amount", "-10",
                "currency", "EUR"))).isEqualTo("amount");
        assertThat(field("/participants", Map.of("organisation", "Presse", "sector", "PRESS"))).isEqualTo("sector");
        assertThat(field("/support-matches", Map.of("needId", justice, "offerId", unodc))).isEqualTo("offerId");
        // an offer matched to a need of another plan (of the same owner)
        String otherPlan = BearerApi.created(api.send(analyst, "/api/v1/plans", PlansApiTest.planBody("Autre plan")));
        String foreignNeed = BearerApi.created(api.send(analyst, "/api/v1/plans/" + otherPlan + "/capacity-needs",
                Map.of("institution", "Police", "areaCode", "empowering-youth", "description", "x",
                        "priority", "LOW")));
        assertThat(field("/support-matches", Map.of("needId", foreignNeed, "offerId", undp))).isEqualTo("needId");
        assertThat(new long[] {rows("plans_meeting"), rows("plans_follow_up"), rows("plans_consultation"),
                rows("plans_working_group"), rows("plans_support_match"), rows("plans_capacity_need") - 1})
                .isEqualTo(before);

        // --- a joint project under an MoU the owner is a party to
        // (an agreement with the customs' organisation would let it learn that the plan exists: not this one)
        String university = fx.organisation("Université de Kandara", OrganisationType.ACADEMIC_INSTITUTION, "MR");
        String mou = fx.agreement(Set.of(cell, university), "RESTRICTED", Set.of("*"));
        jdbc.sql("INSERT INTO identity_agreement_project (agreement_id, position, title) VALUES (:a, 0, :t)")
                .param("a", mou).param("t", "Observatoire conjoint").update();
        String strangers = fx.agreement(Set.of(other, university), "RESTRICTED", Set.of("*"));
        String objective = post("/objectives", Map.of("areaCode", "strategic-communications", "title", "Contrer"));
        String output = post("/outputs", Map.of("objectiveId", objective, "title", "Observatoire"));
        Map<String, Object> joint = PlansApiTest.actionBody(output, "EUR", "1000", "0", "0");
        joint.put("agreementId", strangers);
        assertThat(field("/actions", joint)).isEqualTo("agreementId");
        joint.put("agreementId", mou);
        joint.put("jointProject", "Autre projet");
        assertThat(field("/actions", joint)).isEqualTo("jointProject");
        joint.put("jointProject", "Observatoire conjoint");
        String jointAction = post("/actions", joint);
        JsonNode attached = api.get(analyst, "/api/v1/plans/" + plan, 200).get("areas").get(6).get("objectives")
                .get(0).get("outputs").get(0).get("actions").get(0);
        assertThat(attached.get("id").asString()).isEqualTo(jointAction);
        assertThat(attached.get("agreement").get("id").asString()).isEqualTo(mou);
        assertThat(attached.get("agreement").get("jointProject").asString()).isEqualTo("Observatoire conjoint");
        assertThat(attached.get("agreement").get("title").asString()).startsWith("Agreement ");

        // --- another organisation learns nothing of the restricted draft's coordination
        for (String view : List.of("coordination", "donor-matrix", "participation")) {
            assertThat(api.status(customs, "/api/v1/plans/" + plan + "/" + view)).isEqualTo(404);
        }
        assertThat(api.send(customs, "/api/v1/plans/" + plan + "/working-groups",
                Map.of("name", "x", "kind", "OTHER")).statusCode()).isEqualTo(404);
        JsonNode theirs = api.get(customs, "/api/v1/plans/coordination/count", 200);
        assertThat(List.of(theirs.get("workingGroups").asLong(), theirs.get("meetings").asLong(),
                theirs.get("needs").asLong(), theirs.get("consultations").asLong())).containsOnly(0L);
        JsonNode ours = api.get(analyst, "/api/v1/plans/coordination/count", 200);
        assertThat(ours.get("needs").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(ours.get("consultations").asLong()).isGreaterThanOrEqualTo(2);
    }

    private static Map<String, Object> consultation(int total, int women, int men, int youth) {
        Map<String, Object> b = new HashMap<>();
        b.put("heldOn", "2025-05-10");
        b.put("place", "Kandara");
        b.put("kind", "NATIONAL_WORKSHOP");
        b.put("organiser", "Commission nationale de prévention");
        b.put("organisations", List.of("PNUD", "Réseau des femmes médiatrices"));
        b.put("participants", total);
        b.put("women", women);
        b.put("men", men);
        b.put("youth", youth);
        b.put("summary", "Atelier national de lancement.");
        return b;
    }

    private static java.math.BigDecimal money(JsonNode funding, String currency, String field) {
        for (JsonNode f : funding) {
            if (f.get("currency").asString().equals(currency)) {
                return f.get(field).decimalValue();
            }
        }
        throw new AssertionError("no " + currency + " in " + funding);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }
}
