package org.fusioncell.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusioncell.entities.ResolutionFixtures.AMBER;
import static org.fusioncell.entities.ResolutionFixtures.AMBER_STRICT;
import static org.fusioncell.entities.ResolutionFixtures.ids;
import static org.fusioncell.entities.ResolutionFixtures.phoneBody;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Merge and split through the API: a merge re-points mentions, links and correlation rows and unites
 * names; a split puts every row back where it was; refusals write nothing but their audit record.
 */
@FusionCellTest
@Tag("persistence")
class MergeSplitApiTest {

        @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private static String analyst;
    private static String colleague;
    private static String outsider;
    private static String partner;
    private ResolutionFixtures h;

    @BeforeEach
    void world() {
        h = new ResolutionFixtures(port, jdbc);
        if (analyst == null) {
            IdentityFixtures fx = new IdentityFixtures(jdbc);
            String a = fx.organisation("Agency A", OrganisationType.STATE_AGENCY, "MR");
            String b = fx.organisation("Agency B", OrganisationType.STATE_AGENCY, "MR");
            String c = fx.organisation("Partner", OrganisationType.STATE_AGENCY, "MR");
            fx.agreement(Set.of(a, c), "SECRET", Set.of("*"));
            analyst = fx.token(fx.user(a, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
            colleague = fx.token(fx.user(a, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
            outsider = fx.token(fx.user(b, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
            partner = fx.token(fx.user(c, "CONFIDENTIAL", Set.of(Role.ANALYST), Set.of()), "read", "write");
        }
    }

    @Test
    void aMergeRePointsMentionsLinksAndNamesAndItsSplitRestoresEveryRowExactly() throws Exception {
        String r1 = h.report(analyst, "Rapport 1");
        String r2 = h.report(analyst, "Rapport 2");
        String survivor = h.person(analyst, "[\"Hamada Ould Khairou\"]", "\"nationality\":\"MR\"", AMBER);
        String merged = h.person(analyst, "[\"حمادة ولد خيرو\"]", "\"aliases\":[\"Abou Qaqa\"],\"dateOfBirth\":\"1970\"", AMBER);
        String phone = created(h.api().post(analyst, "/api/v1/entities", phoneBody("+222 46 12 34 56", AMBER)));
        String associate = h.person(analyst, "[\"Sidi Ahmed Lemine\"]", null, AMBER);
        h.mention(r1, survivor);
        h.mention(r1, merged);   // the same report mentions both: the survivor's mention stands, this one stays
        h.mention(r2, merged);   // moves to the survivor
        String used = h.link(analyst, merged, phone, r1);        // from-end moves
        String knows = h.link(analyst, associate, merged, r2);   // to-end moves
        String between = h.link(analyst, survivor, merged, r2);  // between the two: stays as asserted
        Map<String, Object> before = snapshot(survivor, merged);

        HttpResponse<String> done = h.api().post(analyst, "/api/v1/entities/" + survivor + "/merges",
                "{\"otherIds\":[\"" + merged + "\"],\"reason\":\"Same man: Arabic and French spellings, same tribe\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        JsonNode merge = BearerApi.JSON.readTree(done.body());
        String mergeId = merge.get("id").asString();
        assertThat(merge.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(merge.get("mergedIds").toString()).contains(merged);

        assertThat(mentionedIn(survivor)).containsExactlyInAnyOrder(r1, r2);
        assertThat(mentionedIn(merged)).containsExactly(r1);
        assertThat(ends(used)).containsExactly(survivor, phone);
        assertThat(ends(knows)).containsExactly(associate, survivor);
        assertThat(ends(between)).containsExactly(survivor, merged);
        JsonNode opened = h.api().get(analyst, "/api/v1/entities/" + survivor, 200);
        assertThat(opened.get("attributes").get("names").toString()).contains("Hamada Ould Khairou", "حمادة ولد خيرو");
        assertThat(opened.get("attributes").get("aliases").toString()).contains("Abou Qaqa", merged);
        assertThat(opened.get("attributes").get("dateOfBirth").asString()).isEqualTo("1970");
        assertThat(opened.get("attributes").get("nationality").asString()).isEqualTo("MR");
        assertThat(opened.has("mergedInto")).isFalse();
        // the merged-away entity is kept and points to its survivor; lists show the survivor only
        JsonNode away = h.api().get(analyst, "/api/v1/entities/" + merged, 200);
        assertThat(away.get("mergedInto").asString()).isEqualTo(survivor);
        assertThat(h.api().get(analyst, "/api/v1/entities?type=PERSON&q=" + java.net.URLEncoder.encode("حمادة",
                java.nio.charset.StandardCharsets.UTF_8), 200).get("total").asLong()).isZero();
        assertThat(ids(h.suggestions(analyst, survivor))).doesNotContain(merged);
        JsonNode history = h.api().get(analyst, "/api/v1/entities/" + merged + "/merges", 200).get("items");
        assertThat(history.get(0).get("id").asString()).isEqualTo(mergeId);
        assertThat(history.get(0).get("reason").asString()).startsWith("Same man");

        HttpResponse<String> undone = h.api().post(colleague, "/api/v1/entities/" + survivor + "/splits",
                "{\"mergeId\":\"" + mergeId + "\",\"reason\":\"Two cousins after all\"}");
        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(BearerApi.JSON.readTree(undone.body()).get("state").asString()).isEqualTo("SPLIT");
        assertThat(snapshot(survivor, merged)).isEqualTo(before);
        assertThat(h.api().get(analyst, "/api/v1/entities/" + merged, 200).has("mergedInto")).isFalse();
        assertThat(ids(h.suggestions(analyst, survivor))).contains(merged);
        JsonNode after = h.api().get(analyst, "/api/v1/entities/" + survivor + "/merges", 200).get("items");
        assertThat(after.get(0).get("state").asString()).isEqualTo("SPLIT");
        assertThat(after.get(0).get("splitReason").asString()).isEqualTo("Two cousins after all");

        assertThat(audited("merge", mergeId, "Same man: Arabic and French spellings, same tribe")).isEqualTo(1);
        assertThat(audited("split", mergeId, "Two cousins after all")).isEqualTo(1);
    }

    @Test
    void mergingIdentifiersMovesTheirCorrelationRowsAndASplitPutsThemBack() throws Exception {
        String kept = created(h.api().post(analyst, "/api/v1/entities", phoneBody("+222 46 55 00 01", AMBER)));
        String gone = created(h.api().post(analyst, "/api/v1/entities", phoneBody("+222 46 55 00 02", AMBER)));
        // the partner holds the second number too: after the merge it correlates with the survivor
        String partners = created(h.api().post(partner, "/api/v1/entities", phoneBody("+222 46 55 00 02",
                "{\"classification\":\"RESTRICTED\",\"tlp\":\"GREEN\"}")));
        List<String> rowsBefore = correlationRows("phone:+22246550001", "phone:+22246550002");
        String mergeId = BearerApi.JSON.readTree(mergeOk(kept, gone)).get("id").asString();
        assertThat(correlationRows("phone:+22246550001", "phone:+22246550002")).containsExactlyInAnyOrder(
                "phone:+22246550001=" + kept, "phone:+22246550002=" + kept, "phone:+22246550002=" + partners);
        JsonNode seen = h.api().get(analyst, "/api/v1/entities/" + kept + "/merge-suggestions", 200).get("items");
        assertThat(ids(seen)).containsExactly(partners);
        assertThat(seen.get(0).get("mergeable").asBoolean()).isFalse();

        assertThat(h.api().post(analyst, "/api/v1/entities/" + kept + "/splits",
                "{\"mergeId\":\"" + mergeId + "\",\"reason\":\"wrong line\"}").statusCode()).isEqualTo(200);
        assertThat(correlationRows("phone:+22246550001", "phone:+22246550002")).isEqualTo(rowsBefore);
    }

    @Test
    void refusalsNameTheirReasonAndAnEntityTheAnalystMayNotSeeIsAnsweredAsAbsent() throws Exception {
        String person = h.person(analyst, "[\"Ely Ould Mohamed\"]", null, AMBER);
        String other = h.person(analyst, "[\"Ely Ould Mohamed\"]", null, AMBER);
        String strict = h.person(analyst, "[\"Ely Ould Mohamed\"]", null, AMBER_STRICT);
        String group = created(h.api().post(analyst, "/api/v1/entities",
                "{\"type\":\"GROUP\",\"attributes\":{\"name\":\"Ely Ould Mohamed\"},\"marking\":" + AMBER + "}"));
        String hidden = h.person(outsider, "[\"Ely Ould Mohamed\"]", null, AMBER);
        // the partner's entity: the analyst's agency may learn it exists (agreement) but not see it
        String existenceOnly = h.person(partner, "[\"Ely Ould Mohamed\"]", null, AMBER);
        long merges = rows("entity_merge");

        assertRefused(person, List.of(group), "DIFFERENT_TYPE");
        assertRefused(person, List.of(strict), "DIFFERENT_MARKING");
        assertRefused(person, List.of(person), "SAME_ENTITY");
        HttpResponse<String> absent = merge(person, List.of(UUID.randomUUID().toString()));
        assertThat(absent.statusCode()).isEqualTo(404);
        for (String unseen : List.of(hidden, existenceOnly)) {
            HttpResponse<String> r = merge(person, List.of(unseen));
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(normalise(r.body())).isEqualTo(normalise(absent.body()));
            HttpResponse<String> asSurvivor = merge(unseen, List.of(person));
            assertThat(asSurvivor.statusCode()).isEqualTo(404);
            assertThat(normalise(asSurvivor.body())).isEqualTo(normalise(absent.body()));
        }
        HttpResponse<String> noReason = h.api().post(analyst, "/api/v1/entities/" + person + "/merges",
                "{\"otherIds\":[\"" + other + "\"],\"reason\":\"  \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(noReason.body()).get("field").asString()).isEqualTo("reason");
        assertThat(rows("entity_merge")).as("nothing merged").isEqualTo(merges);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE outcome = 'REFUSED' AND details LIKE '%DIFFERENT_MARKING%'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);

        String mergeId = BearerApi.JSON.readTree(mergeOk(person, other)).get("id").asString();
        assertRefused(strict, List.of(other), "ALREADY_MERGED");
        // another agency may not learn of the merge, nor split it
        assertThat(h.api().post(outsider, "/api/v1/entities/" + person + "/splits",
                "{\"mergeId\":\"" + mergeId + "\",\"reason\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(h.api().status(outsider, "/api/v1/entities/" + person + "/merges")).isEqualTo(404);
        String split = "{\"mergeId\":\"" + mergeId + "\",\"reason\":\"not the same\"}";
        assertThat(h.api().post(analyst, "/api/v1/entities/" + person + "/splits", split).statusCode()).isEqualTo(200);
        HttpResponse<String> twice = h.api().post(analyst, "/api/v1/entities/" + person + "/splits", split);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(BearerApi.JSON.readTree(twice.body()).get("refusal").asString()).isEqualTo("ALREADY_SPLIT");
    }

    private void assertRefused(String survivor, List<String> others, String refusal) throws Exception {
        HttpResponse<String> r = merge(survivor, others);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        JsonNode p = BearerApi.JSON.readTree(r.body());
        assertThat(p.get("refusal").asString()).isEqualTo(refusal);
        assertThat(p.get("type").asString()).endsWith("/merge-refused");
        assertThat(p.get("detail").asString()).isNotBlank();
    }

    private HttpResponse<String> merge(String survivor, List<String> others) throws Exception {
        return h.api().post(analyst, "/api/v1/entities/" + survivor + "/merges", "{\"otherIds\":"
                + BearerApi.JSON.writeValueAsString(others) + ",\"reason\":\"duplicate\"}");
    }

    private String mergeOk(String survivor, String other) throws Exception {
        HttpResponse<String> r = merge(survivor, List.of(other));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body();
    }

    /** Every row that touches the two entities, as plain text, for an exact before/after comparison. */
    private Map<String, Object> snapshot(String a, String b) {
        return Map.of(
                "entities", jdbc.sql("SELECT id || '|' || attributes || '|' || COALESCE(merged_into, '-') FROM entity"
                        + " WHERE id IN (:ids) ORDER BY id").param("ids", List.of(a, b)).query(String.class).list(),
                "mentions", jdbc.sql("SELECT id || '|' || report_id || '|' || entity_id FROM entity_mention"
                        + " WHERE entity_id IN (:ids) ORDER BY id").param("ids", List.of(a, b)).query(String.class).list(),
                "links", jdbc.sql("SELECT id || '|' || from_entity_id || '|' || to_entity_id FROM entity_link"
                        + " WHERE from_entity_id IN (:ids) OR to_entity_id IN (:ids) ORDER BY id")
                        .param("ids", List.of(a, b)).query(String.class).list(),
                "nameKeys", jdbc.sql("SELECT entity_id || '|' || name_key FROM entity_name_key WHERE entity_id IN (:ids)"
                        + " ORDER BY entity_id, name_key").param("ids", List.of(a, b)).query(String.class).list());
    }

    private List<String> mentionedIn(String entity) {
        return jdbc.sql("SELECT report_id FROM entity_mention WHERE entity_id = :e").param("e", entity)
                .query(String.class).list();
    }

    private List<String> ends(String link) {
        return jdbc.sql("SELECT from_entity_id, to_entity_id FROM entity_link WHERE id = :id").param("id", link)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
    }

    private List<String> correlationRows(String... keys) {
        return jdbc.sql("SELECT identifier_key || '=' || entity_id FROM entity_correlation WHERE identifier_key IN (:k)"
                + " ORDER BY 1").param("k", List.of(keys)).query(String.class).list();
    }

    private long audited(String operation, String mergeId, String reason) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'ALTERATION' AND outcome = 'OK'"
                        + " AND details LIKE :op AND details LIKE :merge AND justification = :why")
                .param("op", "%\"operation\":\"" + operation + "\"%").param("merge", "%" + mergeId + "%")
                .param("why", reason).query(Long.class).single();
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static String normalise(String body) {
        return body.replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\"", "\"instance\":\"…\"");
    }

    private static String created(HttpResponse<String> r) {
        return BearerApi.created(r);
    }
}
