package org.fusioncell.exchange.rfi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Requests for information end to end over the API: the cell asks the police and a partner cell about a
 * person; the police assign, clarify and answer with their own items (each keeping its marking); the cell
 * reopens and accepts; the partner declines. Bad input names the field and writes nothing; overdue requests
 * are escalated once; response times are computed per organisation.
 */
@FusionCellTest
@Tag("persistence")
class RfisApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RequestsForInformation rfis;

    private BearerApi api;

    private static String cell;
    private static String police;
    private static String partner;
    private static String other;
    private static String cellAnalystUser;
    private static String cellAnalyst;
    private static String cellSupervisor;
    private static String policeLiaisonUser;
    private static String policeLiaison;
    private static String policeAnalystUser;
    private static String policeAnalyst;
    private static String policeLowUser;
    private static String policeLow;
    private static String policeSupervisorUser;
    private static String partnerLiaisonUser;
    private static String partnerLiaison;
    private static String partnerSupervisorUser;
    private static String otherAnalyst;

    @BeforeEach
    void world() {
        api = new BearerApi(port);
        if (cell != null) {
            return;
        }
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        cell = fx.organisation("Cellule nationale de fusion", OrganisationType.STATE_AGENCY, "MR");
        police = fx.organisation("المديرية العامة للأمن الوطني", OrganisationType.STATE_AGENCY, "MR");
        partner = fx.organisation("Regional partner cell", OrganisationType.PARTNER_FUSION_CELL, "SN");
        other = fx.organisation("Douanes", OrganisationType.STATE_AGENCY, "MR");
        // cell and police share an agreement: each learns that the other holds an item (hit/no-hit)
        fx.agreement(Set.of(cell, police), "SECRET", Set.of("*"));
        cellAnalystUser = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        cellAnalyst = fx.token(cellAnalystUser, "read", "write");
        cellSupervisor = fx.token(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        policeLiaisonUser = fx.user(police, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of());
        policeLiaison = fx.token(policeLiaisonUser, "read", "write");
        policeAnalystUser = fx.user(police, "SECRET", Set.of(Role.ANALYST), Set.of());
        policeAnalyst = fx.token(policeAnalystUser, "read", "write");
        policeLowUser = fx.user(police, "RESTRICTED", Set.of(Role.ANALYST), Set.of());
        policeLow = fx.token(policeLowUser, "read", "write");
        policeSupervisorUser = fx.user(police, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        partnerLiaisonUser = fx.user(partner, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of());
        partnerLiaison = fx.token(partnerLiaisonUser, "read", "write");
        partnerSupervisorUser = fx.user(partner, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        otherAnalyst = fx.token(fx.user(other, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
    }

    private static Map<String, Object> marking(String level, String tlp, List<String> organisations) {
        return Map.of("classification", level, "tlp", tlp, "releasability", Map.of("organisations", organisations));
    }

    private Map<String, Object> rfi(String title, List<String> addressees, List<String> entities, Object marking,
                                    Instant due) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("question", "هل لديكم معلومات عن هذا الشخص ورقم هاتفه وتنقلاته الأخيرة؟");
        body.put("priority", "PRIORITY");
        body.put("dueAt", due.toString());
        body.put("addressees", addressees);
        body.put("entityIds", entities);
        body.put("marking", marking);
        return body;
    }

    private String entity(String token, String address, Object marking) throws Exception {
        return BearerApi.created(api.send(token, "/api/v1/entities", Map.of("type", "EMAIL",
                "attributes", Map.of("address", address), "marking", marking)));
    }

    private String report(String token, String title, Object marking) throws Exception {
        return BearerApi.created(api.send(token, "/api/v1/reports", Map.of("title", title,
                "body", "Le suspect a été vu à Rosso le 12 novembre.", "grading",
                Map.of("sourceReliability", "B", "informationCredibility", 2), "marking", marking)));
    }

    private JsonNode ok(String token, String path, Object body) throws Exception {
        HttpResponse<String> r = api.send(token, path, body);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return BearerApi.JSON.readTree(r.body());
    }

    private JsonNode problem(String token, String path, Object body, int status) throws Exception {
        HttpResponse<String> r = api.send(token, path, body);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
        return BearerApi.JSON.readTree(r.body());
    }

    private List<String> notices(String userId, String kind) {
        return jdbc.sql("SELECT item_id FROM monitoring_alert WHERE recipient_user_id = :u AND item_type = :k")
                .param("u", userId).param("k", kind).query(String.class).list();
    }

    private static JsonNode addressee(JsonNode rfi, String organisationId) {
        for (JsonNode a : rfi.get("addressees")) {
            if (a.get("organisation").get("id").asString().equals(organisationId)) {
                return a;
            }
        }
        throw new AssertionError("no addressee " + organisationId + " in " + rfi);
    }

    @Test
    void theCellAsksThePoliceAndAPartnerCellAndTheAnswersKeepTheirOwnMarkings() throws Exception {
        String person = entity(cellAnalyst, "suspect.rfi@example.mr", marking("RESTRICTED", "AMBER", List.of()));
        Instant due = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> filed = api.send(cellAnalyst, "/api/v1/rfis", rfi("Réseau de financement — Rosso",
                List.of(police, partner), List.of(person), marking("CONFIDENTIAL", "AMBER", List.of(police, partner)), due));
        String id = BearerApi.created(filed);
        JsonNode created = BearerApi.JSON.readTree(filed.body());
        assertThat(created.get("priority").asString()).isEqualTo("PRIORITY");
        assertThat(created.get("dueAt").asString()).isEqualTo(due.toString());
        assertThat(created.get("addressees")).hasSize(2);
        assertThat(created.get("entities").get(0).get("disclosure").asString()).isEqualTo("VISIBLE");
        assertThat(created.get("marking").get("banner").asString()).isEqualTo("CONFIDENTIAL // TLP:AMBER");

        // the desks of both addressees are told; an analyst who is not on the desk is not
        assertThat(notices(policeLiaisonUser, "rfi-new")).hasSize(1);
        assertThat(notices(policeSupervisorUser, "rfi-new")).hasSize(1);
        assertThat(notices(partnerLiaisonUser, "rfi-new")).hasSize(1);
        assertThat(notices(policeAnalystUser, "rfi-new")).isEmpty();

        // the police see their own thread only, and the cell's entity as a hit/no-hit notice
        JsonNode seenByPolice = api.get(policeLiaison, "/api/v1/rfis/" + id, 200);
        assertThat(seenByPolice.get("addressees")).hasSize(1);
        assertThat(seenByPolice.get("addressees").get(0).get("organisation").get("id").asString()).isEqualTo(police);
        assertThat(seenByPolice.get("addressees").toString()).doesNotContain(partner);
        assertThat(seenByPolice.toString()).doesNotContain("suspect.rfi@example.mr");
        assertThat(seenByPolice.get("entities").get(0).get("disclosure").asString()).isEqualTo("EXISTENCE_ONLY");
        assertThat(seenByPolice.get("question").asString()).startsWith("هل لديكم");
        JsonNode incoming = api.get(policeLiaison, "/api/v1/rfis?box=incoming", 200);
        assertThat(incoming.get("items").toString()).contains(id);
        assertThat(api.get(policeLiaison, "/api/v1/rfis?box=outgoing", 200).get("items").toString()).doesNotContain(id);
        assertThat(api.get(cellAnalyst, "/api/v1/rfis?box=outgoing&priority=PRIORITY", 200).get("items").toString())
                .contains(id);
        assertThat(api.get(cellAnalyst, "/api/v1/rfis?box=outgoing&priority=IMMEDIATE", 200).get("items").toString())
                .doesNotContain(id);

        // a police user below the level learns only that it exists; an outsider gets the answer of a missing id
        HttpResponse<String> low = api.fetch(policeLow, "/api/v1/rfis/" + id);
        assertThat(low.statusCode()).isEqualTo(403);
        assertThat(low.body()).contains("existence-only").doesNotContain("Rosso");
        HttpResponse<String> outsider = api.fetch(otherAnalyst, "/api/v1/rfis/" + id);
        HttpResponse<String> missing = api.fetch(otherAnalyst, "/api/v1/rfis/" + UUID.randomUUID());
        assertThat(outsider.statusCode()).isEqualTo(404);
        assertThat(outsider.body().replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(missing.body().replaceAll("\"instance\":\"[^\"]*\"", ""));
        assertThat(api.get(otherAnalyst, "/api/v1/rfis", 200).get("items").toString()).doesNotContain(id);
        assertThat(api.send(otherAnalyst, "/api/v1/rfis/" + id + "/decline", Map.of("reason", "x")).statusCode())
                .isEqualTo(404);

        // assignment: by the desk, to a colleague whom the marking lets read it
        assertThat(problem(policeAnalyst, "/api/v1/rfis/" + id + "/assign", Map.of("assigneeUserId", policeAnalystUser),
                403).get("type").asString()).endsWith("/not-desk");
        assertThat(problem(policeLiaison, "/api/v1/rfis/" + id + "/assign", Map.of("assigneeUserId", policeLowUser),
                400).get("field").asString()).isEqualTo("assigneeUserId");
        JsonNode assigned = ok(policeLiaison, "/api/v1/rfis/" + id + "/assign", Map.of("assigneeUserId", policeAnalystUser));
        assertThat(assigned.get("addressees").get(0).get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(notices(policeAnalystUser, "rfi-assigned")).hasSize(1);

        // clarification both ways, each telling the other side
        assertThat(problem(cellAnalyst, "/api/v1/rfis/" + id + "/messages", Map.of("text", "Précision"), 400)
                .get("field").asString()).isEqualTo("addresseeOrganisationId");
        ok(cellAnalyst, "/api/v1/rfis/" + id + "/messages", Map.of("addresseeOrganisationId", police,
                "text", "Nous cherchons surtout ses contacts à Nouakchott."));
        assertThat(notices(policeAnalystUser, "rfi-message")).hasSize(1);
        ok(policeAnalyst, "/api/v1/rfis/" + id + "/messages", Map.of("text", "هل تقصدون الفترة منذ سبتمبر؟"));
        assertThat(notices(cellAnalystUser, "rfi-message")).hasSize(1);

        // the answer: items of the police only, each keeping its own marking
        String cellReport = report(cellAnalyst, "Rapport de la cellule", marking("RESTRICTED", "AMBER", List.of(police)));
        String releasedReport = report(policeAnalyst, "Rapport de filature à Rosso",
                marking("RESTRICTED", "AMBER", List.of(cell)));
        String keptEntity = entity(policeAnalyst, "contact.garde@example.mr", marking("RESTRICTED", "AMBER", List.of()));
        int responsesBefore = responses(id);
        JsonNode foreign = problem(policeAnalyst, "/api/v1/rfis/" + id + "/answer", Map.of("text", "Voir pièces",
                "attachments", List.of(Map.of("itemType", "REPORT", "itemId", releasedReport),
                        Map.of("itemType", "REPORT", "itemId", cellReport))), 400);
        assertThat(foreign.get("field").asString()).isEqualTo("attachments[1].itemId");
        assertThat(problem(policeAnalyst, "/api/v1/rfis/" + id + "/answer", Map.of("text", "Voir",
                "attachments", List.of(Map.of("itemType", "VIDEO", "itemId", releasedReport))), 400)
                .get("field").asString()).isEqualTo("attachments[0].itemType");
        assertThat(responses(id)).isEqualTo(responsesBefore);
        assertThat(addressee(api.get(cellAnalyst, "/api/v1/rfis/" + id, 200), police).get("state").asString())
                .isEqualTo("ASSIGNED");

        JsonNode answered = ok(policeAnalyst, "/api/v1/rfis/" + id + "/answer", Map.of(
                "text", "Le suspect a utilisé deux numéros ; voir les pièces jointes.",
                "attachments", List.of(Map.of("itemType", "REPORT", "itemId", releasedReport),
                        Map.of("itemType", "ENTITY", "itemId", keptEntity))));
        assertThat(answered.get("addressees").get(0).get("state").asString()).isEqualTo("ANSWERED");
        assertThat(notices(cellAnalystUser, "rfi-answer")).hasSize(1);

        JsonNode seenByCell = api.get(cellAnalyst, "/api/v1/rfis/" + id, 200);
        JsonNode attachments = addressee(seenByCell, police).get("responses").get(0).get("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).get("disclosure").asString()).isEqualTo("VISIBLE");
        assertThat(attachments.get(0).get("label").asString()).isEqualTo("Rapport de filature à Rosso");
        assertThat(attachments.get(1).get("disclosure").asString()).isEqualTo("EXISTENCE_ONLY");
        assertThat(attachments.get(1).get("label").isNull()).isTrue();
        assertThat(attachments.get(1).get("holderOrganisation").get("id").asString()).isEqualTo(police);
        assertThat(seenByCell.toString()).doesNotContain("contact.garde@example.mr");
        // never re-marked: the entity is still withheld from the cell
        assertThat(api.fetch(cellAnalyst, "/api/v1/entities/" + keptEntity).statusCode()).isEqualTo(403);
        assertThat(addressee(seenByCell, police).get("thread")).hasSize(2);
        String firstAnswer = addressee(seenByCell, police).get("firstAnsweredAt").asString();

        // reopen (with a reason), answered again, accepted; the first answer time stays
        assertThat(problem(policeAnalyst, "/api/v1/rfis/" + id + "/accept", Map.of("addresseeOrganisationId", police),
                403).get("type").asString()).endsWith("/not-requester");
        assertThat(problem(cellAnalyst, "/api/v1/rfis/" + id + "/reopen", Map.of("addresseeOrganisationId", police),
                400).get("field").asString()).isEqualTo("reason");
        ok(cellAnalyst, "/api/v1/rfis/" + id + "/reopen", Map.of("addresseeOrganisationId", police,
                "reason", "Il manque les numéros de téléphone."));
        assertThat(notices(policeAnalystUser, "rfi-reopened")).hasSize(1);
        ok(policeAnalyst, "/api/v1/rfis/" + id + "/answer", Map.of("text", "+222 45 25 12 34 et +222 36 00 00 01."));
        JsonNode accepted = ok(cellAnalyst, "/api/v1/rfis/" + id + "/accept", Map.of("addresseeOrganisationId", police));
        JsonNode policeRow = addressee(accepted, police);
        assertThat(policeRow.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(policeRow.get("firstAnsweredAt").asString()).isEqualTo(firstAnswer);
        assertThat(policeRow.get("responses")).hasSize(2);
        JsonNode twice = problem(cellAnalyst, "/api/v1/rfis/" + id + "/accept", Map.of("addresseeOrganisationId", police),
                409);
        assertThat(twice.get("type").asString()).endsWith("/wrong-state");
        assertThat(twice.get("state").asString()).isEqualTo("ACCEPTED");

        // the partner cell declines, with a reason
        assertThat(problem(partnerLiaison, "/api/v1/rfis/" + id + "/decline", Map.of("reason", " "), 400)
                .get("field").asString()).isEqualTo("reason");
        ok(partnerLiaison, "/api/v1/rfis/" + id + "/decline", Map.of("reason", "Hors de notre zone de compétence."));
        assertThat(notices(cellAnalystUser, "rfi-declined")).hasSize(1);
        assertThat(addressee(api.get(cellAnalyst, "/api/v1/rfis/" + id, 200), partner).get("state").asString())
                .isEqualTo("DECLINED");
        assertThat(api.get(cellAnalyst, "/api/v1/rfis/count?box=outgoing&state=DECLINED", 200).get("count").asLong())
                .isGreaterThanOrEqualTo(1);

        // every step is in the audit log, by its actor
        List<String> actions = jdbc.sql("SELECT r.action FROM audit_record r JOIN audit_record_object o ON o.seq = r.seq"
                + " WHERE o.object_id = :id AND r.object_type = 'rfi' ORDER BY r.seq").param("id", id)
                .query(String.class).list();
        assertThat(actions).contains("COLLECTION", "CONSULTATION", "ALTERATION", "DISCLOSURE");
    }

    private int responses(String rfiId) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_rfi_response WHERE rfi_id = :id").param("id", rfiId)
                .query(Integer.class).single();
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() throws Exception {
        Instant due = Instant.now().plus(Duration.ofDays(3));
        String hidden = entity(otherAnalyst, "douanes.rfi@example.mr", marking("RESTRICTED", "AMBER+STRICT", List.of()));
        Object releasing = marking("RESTRICTED", "AMBER", List.of(police));
        record Case(String field, Map<String, Object> body) {
        }
        List<Case> cases = new ArrayList<>();
        Map<String, Object> noTitle = rfi(" ", List.of(police), List.of(), releasing, due);
        cases.add(new Case("title", noTitle));
        Map<String, Object> badPriority = rfi("Demande", List.of(police), List.of(), releasing, due);
        badPriority.put("priority", "URGENT");
        cases.add(new Case("priority", badPriority));
        cases.add(new Case("dueAt", rfi("Demande", List.of(police), List.of(), releasing,
                Instant.now().minus(Duration.ofHours(1)))));
        Map<String, Object> wordDue = rfi("Demande", List.of(police), List.of(), releasing, due);
        wordDue.put("dueAt", "demain");
        cases.add(new Case("dueAt", wordDue));
        cases.add(new Case("addressees", rfi("Demande", List.of(), List.of(), releasing, due)));
        cases.add(new Case("addressees[1]", rfi("Demande", List.of(police, UUID.randomUUID().toString()), List.of(),
                releasing, due)));
        cases.add(new Case("addressees[0]", rfi("Demande", List.of(cell), List.of(), releasing, due)));
        cases.add(new Case("addressees[1]", rfi("Demande", List.of(police, police), List.of(), releasing, due)));
        cases.add(new Case("marking", rfi("Demande", List.of(police), List.of(), null, due)));
        cases.add(new Case("marking.tlp", rfi("Demande", List.of(police), List.of(),
                Map.of("classification", "RESTRICTED", "tlp", "PURPLE"), due)));
        cases.add(new Case("entityIds[0]", rfi("Demande", List.of(police), List.of(hidden), releasing, due)));
        // the marking does not release the request to the partner cell: nobody there could read it
        cases.add(new Case("addressees[1]", rfi("Demande", List.of(police, partner), List.of(),
                marking("RESTRICTED", "AMBER", List.of(police)), due)));
        long before = jdbc.sql("SELECT COUNT(*) FROM exchange_rfi").query(Long.class).single();
        long auditBefore = jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE object_type = 'rfi'").query(Long.class).single();
        for (Case c : cases) {
            JsonNode p = problem(cellAnalyst, "/api/v1/rfis", c.body(), 400);
            assertThat(p.get("field").asString()).as(c.toString()).isEqualTo(c.field());
        }
        assertThat(api.send(cellAnalyst, "/api/v1/rfis", "{\"title\":\"x\",\"colour\":\"red\"}").statusCode())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_rfi").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE object_type = 'rfi'").query(Long.class).single())
                .isEqualTo(auditBefore);
        assertThat(api.get(cellAnalyst, "/api/v1/rfis?state=LOST", 400).get("field").asString()).isEqualTo("state");
        assertThat(api.get(cellAnalyst, "/api/v1/rfis?box=sideways", 400).get("field").asString()).isEqualTo("box");
    }

    @Test
    void anOverdueRequestIsEscalatedOncePerAddresseeEvenWhenTwoSweepsRace() throws Exception {
        String id = BearerApi.created(api.send(cellAnalyst, "/api/v1/rfis", rfi("Demande urgente : véhicule",
                List.of(police, partner), List.of(), marking("RESTRICTED", "AMBER", List.of(police, partner)),
                Instant.now().plus(Duration.ofHours(30)))));
        ok(policeLiaison, "/api/v1/rfis/" + id + "/answer", Map.of("text", "Aucune trace du véhicule."));
        rfis.escalateOverdue(Instant.now());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_rfi_addressee WHERE rfi_id = :id"
                + " AND overdue_notified_at IS NOT NULL").param("id", id).query(Long.class).single())
                .as("nothing is due yet").isZero();
        assertThat(api.get(cellAnalyst, "/api/v1/rfis?box=outgoing&overdue=true", 200).get("items").toString())
                .doesNotContain(id);

        // a day and a half later: the partner still owes its answer, the police answered in time
        Instant later = Instant.now().plus(Duration.ofHours(36));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(() -> rfis.escalateOverdue(later),
                () -> rfis.escalateOverdue(later)));
        pool.shutdown();
        for (Future<Integer> f : runs) {
            f.get();
        }
        String partnerRow = jdbc.sql("SELECT id FROM exchange_rfi_addressee WHERE rfi_id = :id AND organisation_id = :o")
                .param("id", id).param("o", partner).query(String.class).single();
        // only the sweep that claimed the partner's row told anybody: one escalation in the log, none for the police
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record r JOIN audit_record_object o ON o.seq = r.seq"
                + " WHERE o.object_id = :id AND r.actor_user_id = 'processing:rfi-escalation'").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT organisation_id FROM exchange_rfi_addressee WHERE rfi_id = :id"
                + " AND overdue_notified_at IS NOT NULL").param("id", id).query(String.class).list())
                .containsExactly(partner);
        assertThat(notices(partnerSupervisorUser, "rfi-overdue")).containsExactly(partnerRow);
        assertThat(notices(cellAnalystUser, "rfi-overdue")).contains(partnerRow);
        assertThat(notices(policeSupervisorUser, "rfi-overdue")).doesNotContain(partnerRow);
        rfis.escalateOverdue(later.plus(Duration.ofDays(1)));
        assertThat(notices(partnerSupervisorUser, "rfi-overdue")).as("once per request and addressee")
                .containsExactly(partnerRow);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record r JOIN audit_record_object o ON o.seq = r.seq"
                + " WHERE o.object_id = :id AND r.actor_user_id = 'processing:rfi-escalation'").param("id", id)
                .query(Long.class).single()).isEqualTo(1);

        // the inbox shows it overdue once the due date has passed
        jdbc.sql("UPDATE exchange_rfi SET due_at = :due WHERE id = :id")
                .param("due", java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).param("id", id).update();
        JsonNode overdue = api.get(cellAnalyst, "/api/v1/rfis?box=outgoing&overdue=true", 200);
        assertThat(overdue.get("items").toString()).contains(id);
        JsonNode partnerInbox = api.get(partnerLiaison, "/api/v1/rfis?box=incoming&overdue=true", 200);
        assertThat(partnerInbox.get("items").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(api.get(policeLiaison, "/api/v1/rfis?box=incoming&overdue=true", 200).get("items").toString())
                .as("the police answered: not overdue for them").doesNotContain(id);

        // cancelling closes what is still open and tells the partner's desk
        assertThat(problem(policeLiaison, "/api/v1/rfis/" + id + "/cancel", Map.of(), 403).get("type").asString())
                .endsWith("/not-requester");
        JsonNode cancelled = ok(cellSupervisor, "/api/v1/rfis/" + id + "/cancel", Map.of("reason", "Véhicule retrouvé."));
        assertThat(cancelled.get("cancelled").asBoolean()).isTrue();
        assertThat(addressee(cancelled, partner).get("state").asString()).isEqualTo("CANCELLED");
        assertThat(addressee(cancelled, police).get("state").asString()).isEqualTo("CANCELLED");
        assertThat(addressee(cancelled, police).get("firstAnsweredAt").isNull()).as("its answer stays on record").isFalse();
        assertThat(notices(partnerLiaisonUser, "rfi-cancelled")).hasSize(1);
        assertThat(problem(cellAnalyst, "/api/v1/rfis/" + id + "/cancel", Map.of(), 409).get("type").asString())
                .endsWith("/wrong-state");
    }

    @Test
    void responseTimesPerOrganisationAreForSupervisorsOverTheRequestsTheyMaySee() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String asker = fx.organisation("Cellule de Kaédi", OrganisationType.STATE_AGENCY, "MR");
        String quick = fx.organisation("Gendarmerie", OrganisationType.STATE_AGENCY, "MR");
        String slow = fx.organisation("Garde nationale", OrganisationType.STATE_AGENCY, "MR");
        String askerUser = fx.user(asker, "SECRET", Set.of(Role.ANALYST), Set.of());
        String asking = fx.token(askerUser, "read", "write");
        String supervisor = fx.token(fx.user(asker, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        String quickDesk = fx.token(fx.user(quick, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of()), "read", "write");
        String slowDesk = fx.token(fx.user(slow, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of()), "read", "write");
        Object m = marking("RESTRICTED", "AMBER", List.of(quick, slow));
        Instant due = Instant.now().plus(Duration.ofDays(5));
        String first = BearerApi.created(api.send(asking, "/api/v1/rfis", rfi("Un", List.of(quick, slow), List.of(), m, due)));
        String second = BearerApi.created(api.send(asking, "/api/v1/rfis", rfi("Deux", List.of(quick), List.of(), m, due)));
        String third = BearerApi.created(api.send(asking, "/api/v1/rfis", rfi("Trois", List.of(quick), List.of(), m, due)));
        // filed 10 h and 4 h before the answers; the third was due an hour ago and is still unanswered
        backdate(first, Duration.ofHours(10));
        backdate(second, Duration.ofHours(4));
        backdate(third, Duration.ofHours(30));
        jdbc.sql("UPDATE exchange_rfi SET due_at = :due WHERE id = :id")
                .param("due", java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).param("id", third).update();
        ok(quickDesk, "/api/v1/rfis/" + first + "/answer", Map.of("text", "Réponse"));
        ok(quickDesk, "/api/v1/rfis/" + second + "/answer", Map.of("text", "Réponse"));
        ok(slowDesk, "/api/v1/rfis/" + first + "/decline", Map.of("reason", "Pas de données."));

        HttpResponse<String> analyst = api.fetch(asking, "/api/v1/rfis/response-times");
        assertThat(analyst.statusCode()).isEqualTo(403);
        JsonNode times = api.get(supervisor, "/api/v1/rfis/response-times", 200);
        Map<String, JsonNode> byOrg = new HashMap<>();
        times.get("organisations").forEach(r -> byOrg.put(r.get("organisation").get("id").asString(), r));
        assertThat(byOrg.keySet()).containsExactlyInAnyOrder(quick, slow);
        JsonNode q = byOrg.get(quick);
        assertThat(q.get("addressed").asInt()).isEqualTo(3);
        assertThat(q.get("answered").asInt()).isEqualTo(2);
        assertThat(q.get("medianHours").asDouble()).isEqualTo(4.0);
        assertThat(q.get("p90Hours").asDouble()).isEqualTo(10.0);
        assertThat(q.get("overdue").asInt()).isEqualTo(1);
        JsonNode s = byOrg.get(slow);
        assertThat(s.get("addressed").asInt()).isEqualTo(1);
        assertThat(s.get("answered").asInt()).isZero();
        assertThat(s.get("median").isNull()).isTrue();
        assertThat(s.get("overdue").asInt()).isZero();
        assertThat(api.get(supervisor, "/api/v1/rfis/response-times?from=2020-01-01&to=2020-12-31", 200)
                .get("organisations")).isEmpty();
        assertThat(api.get(supervisor, "/api/v1/rfis/response-times?from=yesterday", 400).get("field").asString())
                .isEqualTo("from");
    }

    private void backdate(String rfiId, Duration by) {
        jdbc.sql("UPDATE exchange_rfi SET created_at = :at WHERE id = :id")
                .param("at", java.sql.Timestamp.from(Instant.now().minus(by))).param("id", rfiId).update();
    }
}
