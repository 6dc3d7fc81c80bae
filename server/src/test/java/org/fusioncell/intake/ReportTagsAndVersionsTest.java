package org.fusioncell.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Tags from the taxonomies, the default retention date, versioned edits and their history, on H2 and PostgreSQL. */
@FusionCellTest
@Tag("persistence")
class ReportTagsAndVersionsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClassificationScheme scheme;

    ReportApiClient api;
    String author;
    String colleague;
    String partnerHigh;
    String partnerLow;

    @BeforeEach
    void world() {
        api = new ReportApiClient(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cell", OrganisationType.STATE_AGENCY, "MR");
        String police = fx.organisation("Police", OrganisationType.STATE_AGENCY, "MR");
        fx.agreement(Set.of(cell, police), scheme.highest(), Set.of("*"));
        author = fx.token(fx.user(cell, scheme.highest(), Set.of(Role.ANALYST), Set.of()), "read", "write");
        colleague = fx.token(fx.user(cell, scheme.highest(), Set.of(Role.ANALYST), Set.of()), "read", "write");
        partnerHigh = fx.token(fx.user(police, scheme.highest(), Set.of(Role.ANALYST), Set.of()), "read", "write");
        partnerLow = fx.token(fx.user(police, scheme.level(1), Set.of(Role.ANALYST), Set.of()), "read", "write");
    }

    private String create(String token, Map<String, Object> body) {
        HttpResponse<String> r = api.post(token, "/api/v1/reports", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ReportApiClient.tree(r).get("id").asString();
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void tagsAreStoredShownAndFilterTheListInsideTheAccessPredicate() {
        String cyber = create(author, ReportApiClient.report("Cyber", scheme.level(0), "GREEN",
                List.of("threat-type:cyber", "target-sector:energy")));
        String arson = create(author, ReportApiClient.report("Arson", scheme.level(0), "GREEN",
                List.of("modus-operandi:arson")));
        JsonNode detail = ReportApiClient.tree(api.get(author, "/api/v1/reports/" + cyber));
        assertThat(detail.get("tags").toString()).contains("threat-type:cyber", "target-sector:energy");
        JsonNode list = ReportApiClient.tree(api.get(author, "/api/v1/reports?tag=threat-type:cyber"));
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(cyber);
        assertThat(list.get("items").get(0).get("tags").toString()).contains("threat-type:cyber");
        assertThat(ReportApiClient.tree(api.get(author, "/api/v1/reports/count?tag=modus-operandi:arson"))
                .get("count").asLong()).isEqualTo(1);
        assertThat(arson).isNotEqualTo(cyber);
        assertThat(api.get(author, "/api/v1/reports?tag=threat-type:nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownTagIsRefusedNamingItsIndexAndNothingIsStored() {
        long reports = rows("intake_report");
        long tags = rows("intake_report_tag");
        long versions = rows("intake_report_version");
        HttpResponse<String> r = api.post(author, "/api/v1/reports", ReportApiClient.report("T", scheme.level(0),
                "GREEN", List.of("threat-type:cyber", "threat-type:islamist")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ReportApiClient.tree(r).get("field").asString()).isEqualTo("tags[1]");
        assertThat(rows("intake_report")).isEqualTo(reports);
        assertThat(rows("intake_report_tag")).isEqualTo(tags);
        assertThat(rows("intake_report_version")).isEqualTo(versions);
    }

    @Test
    void withoutARetentionDateTheConfiguredPeriodApplies() {
        String id = create(author, ReportApiClient.report("R", scheme.level(0), "GREEN", List.of()));
        JsonNode detail = ReportApiClient.tree(api.get(author, "/api/v1/reports/" + id));
        LocalDate expected = LocalDate.now(ZoneOffset.UTC).plusYears(5);
        assertThat(LocalDate.parse(detail.get("retentionUntil").asString())).isBetween(expected.minusDays(1), expected);
    }

    @Test
    void anEditKeepsEveryVersionAndAStaleVersionIsRefusedWithNothingStored() {
        String id = create(author, ReportApiClient.report("First title", scheme.level(0), "GREEN",
                List.of("threat-type:other")));
        Map<String, Object> edit = new HashMap<>(ReportApiClient.report("Second title", scheme.level(0), "GREEN",
                List.of("threat-type:cyber")));
        edit.put("reason", "corrected after debrief");
        HttpResponse<String> revised = api.put(colleague, "/api/v1/reports/" + id, "\"1\"", edit);
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(ReportApiClient.tree(revised).get("version").asInt()).isEqualTo(2);
        assertThat(revised.headers().firstValue("ETag")).hasValue("\"2\"");

        long versions = rows("intake_report_version");
        edit.put("title", "Lost update");
        HttpResponse<String> stale = api.put(author, "/api/v1/reports/" + id, "\"1\"", edit);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(ReportApiClient.tree(stale).get("currentVersion").asInt()).isEqualTo(2);
        assertThat(rows("intake_report_version")).isEqualTo(versions);
        edit.put("version", 1);
        assertThat(api.put(author, "/api/v1/reports/" + id, null, edit).statusCode()).isEqualTo(409);
        edit.remove("version");
        HttpResponse<String> missing = api.put(author, "/api/v1/reports/" + id, null, edit);
        assertThat(ReportApiClient.tree(missing).get("field").asString()).isEqualTo("version");

        JsonNode history = ReportApiClient.tree(api.get(partnerHigh, "/api/v1/reports/" + id + "/versions"));
        assertThat(history.get("items")).hasSize(2);
        assertThat(history.get("items").get(1).get("reason").asString()).isEqualTo("corrected after debrief");
        JsonNode first = ReportApiClient.tree(api.get(partnerHigh, "/api/v1/reports/" + id + "/versions/1"));
        assertThat(first.get("title").asString()).isEqualTo("First title");
        assertThat(first.get("tags").toString()).contains("threat-type:other");
        JsonNode current = ReportApiClient.tree(api.get(partnerHigh, "/api/v1/reports/" + id));
        assertThat(current.get("title").asString()).isEqualTo("Second title");
        assertThat(api.get(partnerHigh, "/api/v1/reports/" + id + "/versions/3").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'ALTERATION' AND object_ids LIKE :id")
                .param("id", "%" + id + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheOriginatingOrganisationMayEditAndOthersGetNotFound() {
        String id = create(author, ReportApiClient.report("Ours", scheme.level(0), "GREEN", List.of()));
        assertThat(api.get(partnerHigh, "/api/v1/reports/" + id).statusCode()).isEqualTo(200);
        HttpResponse<String> r = api.put(partnerHigh, "/api/v1/reports/" + id, "\"1\"",
                ReportApiClient.report("Theirs", scheme.level(0), "GREEN", List.of()));
        assertThat(r.statusCode()).isEqualTo(404);
        HttpResponse<String> absent = api.put(author, "/api/v1/reports/" + java.util.UUID.randomUUID(), "\"1\"",
                ReportApiClient.report("Theirs", scheme.level(0), "GREEN", List.of()));
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(r.body().replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(absent.body().replaceAll("\"instance\":\"[^\"]*\"", ""));
    }

    @Test
    void anOldVersionStaysUnderItsOwnStricterMarking() {
        String id = create(author, ReportApiClient.report("Secret first", scheme.highest(), "AMBER", List.of()));
        HttpResponse<String> lowered = api.put(author, "/api/v1/reports/" + id, "\"1\"",
                ReportApiClient.report("Sanitised", scheme.level(0), "GREEN", List.of()));
        assertThat(lowered.statusCode()).as(lowered.body()).isEqualTo(200);
        assertThat(api.get(partnerLow, "/api/v1/reports/" + id).statusCode()).isEqualTo(200);
        assertThat(api.get(partnerLow, "/api/v1/reports/" + id + "/versions/2").statusCode()).isEqualTo(200);
        HttpResponse<String> old = api.get(partnerLow, "/api/v1/reports/" + id + "/versions/1");
        assertThat(old.statusCode()).isIn(403, 404);
        assertThat(old.body()).doesNotContain("Secret first");
    }
}
