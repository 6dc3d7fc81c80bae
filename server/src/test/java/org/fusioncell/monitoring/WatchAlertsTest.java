package org.fusioncell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Watches of each kind raise alerts as items arrive; alerts are deduplicated, move through their
 * states, stay their recipient's own, and escalate to supervisors when left unacknowledged. On H2 and
 * PostgreSQL.
 */
@FusionCellTest
@Tag("persistence")
@TestPropertySource(properties = "fusioncell.monitoring.escalation-check=PT0.2S")
class WatchAlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private MonitoringClient api;
    private String analyst;
    private String analystId;
    private String colleague;
    private String supervisor;
    private String outsider;
    private String cellOrg;
    private String policeUser;
    private String police;
    private String agreement;
    @Autowired
    org.fusioncell.identity.Readers readers;
    @Autowired
    org.fusioncell.access.ClassificationScheme scheme;
    @Autowired
    org.fusioncell.access.MarkingVocabulary vocabulary;

    @BeforeEach
    void world() {
        api = new MonitoringClient(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation(OrganisationType.STATE_AGENCY);
        cellOrg = cell;
        String other = fx.organisation(OrganisationType.STATE_AGENCY);
        String policeOrg = fx.organisation(OrganisationType.STATE_AGENCY);
        agreement = fx.agreement(Set.of(cell, policeOrg), "SECRET", Set.of("*"));
        policeUser = fx.user(policeOrg, "SECRET", Set.of(Role.ANALYST), Set.of());
        police = fx.token(policeUser, "read", "write");
        analystId = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        analyst = fx.token(analystId, "read", "write");
        colleague = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        supervisor = fx.token(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        outsider = fx.token(fx.user(other, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
    }

    private String report(String token, String title, String body, Map<String, Object> more) throws Exception {
        Map<String, Object> r = new java.util.HashMap<>(Map.of("title", title, "body", body,
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2),
                "marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER")));
        r.putAll(more);
        HttpResponse<String> created = api.post(token, "/api/v1/reports", r);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return MonitoringClient.JSON.readTree(created.body()).get("id").asString();
    }

    private JsonNode alertOn(String token, String itemId) throws Exception {
        JsonNode inbox = api.inboxWhen(token, i -> find(i, itemId) != null, WAIT);
        JsonNode alert = find(inbox, itemId);
        assertThat(alert).as("an alert on " + itemId + " in " + inbox).isNotNull();
        return alert;
    }

    private static JsonNode find(JsonNode inbox, String itemId) {
        for (JsonNode a : inbox.get("items")) {
            if (itemId.equals(a.path("itemId").asString(null))) {
                return a;
            }
        }
        return null;
    }

    @Test
    void aTextWatchInArabicAlertsItsOwnerAndNobodyElse() throws Exception {
        String watch = api.watch(analyst, "تمويل الإرهاب", Map.of("kind", "text", "query", "تمويل"), Map.of("severity", "HIGH"));
        String id = report(analyst, "تقرير عن تمويل", "رصد تمويل جماعة مسلحة عبر حوالات مالية", Map.of());
        JsonNode alert = alertOn(analyst, id);
        assertThat(alert.get("watchId").asString()).isEqualTo(watch);
        assertThat(alert.get("disclosure").asString()).isEqualTo("FULL");
        assertThat(alert.get("headline").asString()).isEqualTo("تقرير عن تمويل");
        assertThat(alert.get("severity").asString()).isEqualTo("HIGH");
        assertThat(alert.get("state").asString()).isEqualTo("NEW");
        // the colleague and the outsider were not recipients of this private watch
        assertThat(api.json(colleague, "/api/v1/alerts").get("total").asLong()).isZero();
        assertThat(api.json(outsider, "/api/v1/alerts").get("total").asLong()).isZero();
        assertThat(api.get(outsider, "/api/v1/alerts/" + alert.get("id").asString()).statusCode()).isEqualTo(404);
        assertThat(api.get(outsider, "/api/v1/watches/" + watch).statusCode()).isEqualTo(404);
    }

    @Test
    void tagAreaAndIdentifierWatchesMatchWhatTheySay() throws Exception {
        api.watch(analyst, "cyber", Map.of("kind", "tag", "tag", "threat-type:cyber"), Map.of());
        api.watch(analyst, "Nouakchott", Map.of("kind", "area", "latitude", 18.0735, "longitude", -15.9582,
                "radiusKm", 25), Map.of());
        api.watch(analyst, "phone", Map.of("kind", "identifier", "type", "PHONE",
                "attributes", Map.of("number", "+222 45 25 12 34")), Map.of());
        String tagged = report(analyst, "Tagged", "Nothing else", Map.of("tags", List.of("threat-type:cyber")));
        String inside = report(analyst, "Inside", "Place only",
                Map.of("place", Map.of("name", "Tevragh Zeina", "latitude", 18.10, "longitude", -15.98)));
        String outside = report(analyst, "Outside", "Place only",
                Map.of("place", Map.of("name", "Nouadhibou", "latitude", 20.94, "longitude", -17.04)));
        String phone = report(analyst, "Phone", "Appel depuis le 45251234 hier soir", Map.of());
        assertThat(alertOn(analyst, tagged).get("summary").asString()).contains("threat-type:cyber");
        assertThat(alertOn(analyst, inside).get("summary").asString()).contains("area");
        assertThat(alertOn(analyst, phone).get("summary").asString()).contains("phone:+22245251234");
        assertThat(find(api.json(analyst, "/api/v1/alerts?size=500"), outside)).isNull();
    }

    @Test
    void anIdentifierWatchAlertsOnARecordedEntityAndAnEntityWatchOnAReportThatComesToMentionIt() throws Exception {
        api.watch(analyst, "the courier's phone", Map.of("kind", "identifier", "type", "PHONE",
                "attributes", Map.of("number", "+222 46 70 80 91")), Map.of());
        HttpResponse<String> recorded = api.post(analyst, "/api/v1/entities", Map.of("type", "PHONE",
                "attributes", Map.of("number", "+22246708091"),
                "marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER")));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String phone = MonitoringClient.JSON.readTree(recorded.body()).get("id").asString();
        assertThat(alertOn(analyst, phone).get("summary").asString()).contains("phone:+22246708091");

        api.watch(analyst, "that phone", Map.of("kind", "entity", "entityId", phone), Map.of());
        String report = report(analyst, "Appel intercepté", "Le suspect a appelé le 46 70 80 91 depuis Atar.", Map.of());
        JsonNode proposals = api.json(analyst, "/api/v1/reports/" + report + "/proposals");
        String proposal = null;
        for (JsonNode p : proposals.get("items")) {
            if (p.toString().contains("46708091")) {
                proposal = p.get("id").asString();
            }
        }
        assertThat(proposal).as(proposals.toString()).isNotNull();
        assertThat(api.post(analyst, "/api/v1/reports/" + report + "/proposals/" + proposal + "/confirm", Map.of())
                .statusCode()).isEqualTo(200);
        // the mention makes the report an item about the watched entity (the identifier watch matched its text already)
        String reportId = report;
        java.util.function.Predicate<JsonNode> entityWatchAlerted = i -> {
            for (JsonNode a : i.get("items")) {
                if (reportId.equals(a.get("itemId").asString()) && "that phone".equals(a.get("watchName").asString())) {
                    return true;
                }
            }
            return false;
        };
        assertThat(entityWatchAlerted.test(api.inboxWhen(analyst, entityWatchAlerted, WAIT)))
                .as("an alert of the entity watch on the report").isTrue();
    }

    @Test
    void anAlertIsRaisedOncePerItemAndMovesThroughItsStates() throws Exception {
        api.watch(analyst, "convoy", Map.of("kind", "text", "query", "convoi"), Map.of("shared", true));
        String id = report(analyst, "Convoi", "Un convoi a été signalé", Map.of());
        String alertId = alertOn(analyst, id).get("id").asString();
        // a revision that still matches adds an occurrence, not a second alert
        HttpResponse<String> revised = api.put(analyst, "/api/v1/reports/" + id, "\"1\"",
                Map.of("title", "Convoi", "body", "Un convoi a été signalé près du puits", "reason", "précision",
                        "grading", Map.of("sourceReliability", "B", "informationCredibility", 2),
                        "marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER")));
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        JsonNode after = api.inboxWhen(analyst, i -> find(i, id).get("occurrences").asInt() == 2, WAIT);
        assertThat(find(after, id).get("occurrences").asInt()).isEqualTo(2);
        assertThat(after.get("total").asLong()).isEqualTo(1);

        String path = "/api/v1/alerts/" + alertId + "/state";
        assertThat(api.post(colleague, path, Map.of("state", "ACKNOWLEDGED")).statusCode()).isEqualTo(404);
        assertThat(api.post(analyst, path, Map.of("state", "ACTIONED")).statusCode()).isEqualTo(409);
        assertThat(api.post(analyst, path, Map.of("state", "SHELVED")).statusCode()).isEqualTo(400);
        assertThat(api.post(analyst, path, Map.of("state", "ACKNOWLEDGED", "note", "seen")).statusCode()).isEqualTo(200);
        assertThat(api.post(analyst, path, Map.of("state", "ACTIONED")).statusCode()).isEqualTo(200);
        HttpResponse<String> closed = api.post(analyst, path, Map.of("state", "CLOSED", "note", "done"));
        assertThat(MonitoringClient.JSON.readTree(closed.body()).get("state").asString()).isEqualTo("CLOSED");
        assertThat(api.post(analyst, path, Map.of("state", "ACKNOWLEDGED")).statusCode()).isEqualTo(409);
        assertThat(api.json(analyst, "/api/v1/alerts/count?state=CLOSED").get("count").asLong()).isEqualTo(1);
    }

    @Test
    void anUnacknowledgedAlertEscalatesToTheSupervisorsOnce() throws Exception {
        api.watch(analyst, "pont", Map.of("kind", "text", "query", "pont"), Map.of("escalateAfterMinutes", 5,
                "severity", "CRITICAL"));
        String id = report(analyst, "Pont", "Repérage autour du pont", Map.of());
        String alertId = alertOn(analyst, id).get("id").asString();
        assertThat(api.json(supervisor, "/api/v1/alerts").get("total").asLong()).isZero();
        // five minutes pass
        jdbc.sql("UPDATE monitoring_alert SET escalate_at = :past WHERE id = :id")
                .param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1))).param("id", alertId)
                .update();
        JsonNode escalated = alertOn(supervisor, id);
        assertThat(escalated.get("escalatedFrom").asString()).isEqualTo(alertId);
        assertThat(escalated.get("severity").asString()).isEqualTo("CRITICAL");
        Thread.sleep(600);
        assertThat(api.json(supervisor, "/api/v1/alerts").get("total").asLong()).isEqualTo(1);
        assertThat(api.json(colleague, "/api/v1/alerts").get("total").asLong()).isZero();
    }

    @Test
    void aReMarkedReportReDecidesTheAlertsAlreadyRaised() throws Exception {
        String policeOrg = readers.forUser(policeUser, "test").organisationId();
        api.watch(analyst, "dépôt", Map.of("kind", "text", "query", "dépôt"),
                Map.of("recipientOrganisationIds", List.of(policeOrg)));
        Map<String, Object> shared = Map.of("classification", "RESTRICTED", "tlp", "GREEN",
                "releasability", Map.of("agreements", List.of(agreement)));
        String id = report(analyst, "Dépôt d'armes", "Un dépôt d'armes est signalé", Map.of("marking", shared));
        JsonNode policeAlert = alertOn(police, id);
        assertThat(policeAlert.get("disclosure").asString()).isEqualTo("FULL");
        assertThat(policeAlert.get("headline").asString()).isEqualTo("Dépôt d'armes");

        // the originator narrows the report to its own organisation: the police alert follows at once
        Map<String, Object> narrowed = Map.of("classification", "RESTRICTED", "tlp", "AMBER+STRICT");
        HttpResponse<String> revised = api.put(analyst, "/api/v1/reports/" + id, "\"1\"", Map.of("title", "Dépôt d'armes",
                "body", "Un dépôt d'armes est signalé", "reason", "source protégée",
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2), "marking", narrowed));
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        var after = org.fusioncell.access.AccessPolicy.decide(readers.forUser(policeUser, "test"), "report",
                new org.fusioncell.access.MarkingForm("RESTRICTED", "AMBER+STRICT", null, null, null)
                        .toMarking(scheme, vocabulary, cellOrg, analystId, "marking")).visibility();
        String alertId = policeAlert.get("id").asString();
        JsonNode inbox = api.inboxWhen(police, i -> {
            for (JsonNode a : i.get("items")) {
                if (a.get("id").asString().equals(alertId)) {
                    return !"FULL".equals(a.get("disclosure").asString());
                }
            }
            return true;
        }, WAIT);
        JsonNode now = null;
        for (JsonNode a : inbox.get("items")) {
            if (a.get("id").asString().equals(alertId)) {
                now = a;
            }
        }
        if (after == org.fusioncell.access.Decision.Visibility.HIDDEN) {
            assertThat(now).as("the alert is gone").isNull();
        } else {
            assertThat(after).isEqualTo(org.fusioncell.access.Decision.Visibility.EXISTENCE_ONLY);
            assertThat(now.get("disclosure").asString()).isEqualTo("EXISTENCE_ONLY");
            assertThat(now.get("headline").isNull()).isTrue();
            assertThat(now.toString()).doesNotContain("Dépôt");
        }
        assertThat(alertOn(analyst, id).get("disclosure").asString()).isEqualTo("FULL");
    }
}
