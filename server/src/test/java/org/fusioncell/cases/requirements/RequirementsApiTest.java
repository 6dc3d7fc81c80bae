package org.fusioncell.cases.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Intelligence requirements end to end over the API: the cell sets PIR-1, tasks the police and the customs, the
 * police answer with a report; each agency sees only its own task; an answer whose report a reader may not see
 * is neither listed nor counted in their coverage; the gendarmerie, never tasked, learns nothing. Bad input names
 * the field and writes nothing; overdue tasks are escalated once.
 */
@FusionCellTest
@Tag("persistence")
class RequirementsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Requirements requirements;

    private BearerApi api;

    private static String cell;
    private static String police;
    private static String customs;
    private static String cellAnalyst;
    private static String cellSupervisorUser;
    private static String cellSupervisor;
    private static String policeAnalyst;
    private static String policeSupervisorUser;
    private static String customsAnalyst;
    private static String gendarmerieAnalyst;

    @BeforeEach
    void world() {
        api = new BearerApi(port);
        if (cell != null) {
            return;
        }
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        cell = fx.organisation("Cellule nationale de fusion", OrganisationType.STATE_AGENCY, "MR");
        police = fx.organisation("المديرية العامة للأمن الوطني", OrganisationType.STATE_AGENCY, "MR");
        customs = fx.organisation("Douanes", OrganisationType.STATE_AGENCY, "MR");
        String gendarmerie = fx.organisation("Gendarmerie", OrganisationType.STATE_AGENCY, "MR");
        cellAnalyst = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        cellSupervisorUser = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        cellSupervisor = fx.token(cellSupervisorUser, "read", "write");
        policeAnalyst = fx.token(fx.user(police, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        policeSupervisorUser = fx.user(police, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        customsAnalyst = fx.token(fx.user(customs, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        gendarmerieAnalyst = fx.token(fx.user(gendarmerie, "SECRET", Set.of(Role.ANALYST), Set.of()), "read",
                "write");
    }

    static Map<String, Object> marking(String level, String tlp, List<String> organisations) {
        return Map.of("classification", level, "tlp", tlp, "releasability", Map.of("organisations", organisations));
    }

    static Map<String, Object> requirementBody(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("title", "Filières de financement par hawala");
        body.put("question", "Quels réseaux de hawala financent l'achat de matériel entre Rosso et Nouakchott ?");
        body.put("priority", "HIGH");
        body.put("validUntil", LocalDate.now().plusYears(1).toString());
        body.put("marking", marking("RESTRICTED", "AMBER", List.of()));
        return body;
    }

    private String report(String token, String title, Object marking) throws Exception {
        return BearerApi.created(api.send(token, "/api/v1/reports", Map.of("title", title,
                "body", "Transferts réguliers vers un commerçant de Rosso.", "grading",
                Map.of("sourceReliability", "B", "informationCredibility", 2), "marking", marking)));
    }

    private String task(String requirementId, String organisationId, String due) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", organisationId);
        body.put("indicators", "Transferts supérieurs à 1 million MRU ; noms des hawaladars.");
        if (due != null) {
            body.put("dueAt", due);
        }
        HttpResponse<String> r = api.send(cellSupervisor, "/api/v1/requirements/" + requirementId + "/tasks", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return BearerApi.JSON.readTree(r.body()).get("id").asString();
    }

    private String requirement(String code) throws Exception {
        return BearerApi.created(api.send(cellSupervisor, "/api/v1/requirements", requirementBody(code)));
    }

    private static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return BearerApi.JSON.readTree(r.body());
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    @Test
    void aRequirementIsSetTaskedAnsweredAndSatisfied() throws Exception {
        String id = requirement("PIR-" + System.nanoTime() % 100000);
        JsonNode r = api.get(cellAnalyst, "/api/v1/requirements/" + id, 200);
        assertThat(r.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(r.get("priority").asString()).isEqualTo("HIGH");
        String policeTask = task(id, police, LocalDate.now().plusDays(10).toString());
        String customsTask = task(id, customs, null);

        JsonNode ack = BearerApi.JSON.readTree(api.send(policeAnalyst, "/api/v1/requirements/" + id + "/tasks/"
                + policeTask + "/acknowledge", Map.of()).body());
        assertThat(ack.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(problem(api.send(customsAnalyst, "/api/v1/requirements/" + id + "/tasks/" + policeTask
                + "/acknowledge", Map.of()), 404).get("status").asInt()).as("not its task: as absent").isEqualTo(404);

        String rep = report(policeAnalyst, "Hawala à Rosso", marking("RESTRICTED", "AMBER", List.of(cell)));
        HttpResponse<String> linked = api.send(policeAnalyst, "/api/v1/requirements/" + id + "/answers",
                Map.of("reportId", rep, "taskId", policeTask, "note", "Réponse partielle"));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        assertThat(api.get(cellAnalyst, "/api/v1/requirements/" + id + "/tasks", 200).get("tasks")
                .findValuesAsString("status")).contains("ANSWERED", "OPEN");

        JsonNode cov = api.get(cellAnalyst, "/api/v1/requirements/" + id + "/coverage", 200);
        assertThat(cov.get("answers").asInt()).isEqualTo(1);
        assertThat(cov.get("gap").asBoolean()).isFalse();
        assertThat(cov.get("tasksByStatus").get("ANSWERED").asInt()).isEqualTo(1);
        assertThat(cov.get("agenciesWaiting").get(0).asString()).isEqualTo(customs);

        JsonNode overview = api.get(cellSupervisor, "/api/v1/requirements/coverage", 200);
        assertThat(ids(overview.get("coverage"), "requirementId")).contains(id);

        // the same report twice is refused, naming the field
        assertThat(problem(api.send(policeAnalyst, "/api/v1/requirements/" + id + "/answers", Map.of("reportId",
                rep)), 400).get("field").asString()).isEqualTo("reportId");

        assertThat(problem(api.send(policeAnalyst, "/api/v1/requirements/" + id + "/status", Map.of("status",
                "SATISFIED", "reason", "Réseau identifié", "version", 1)), 403).get("type").asString())
                .contains("not-owner-supervisor");
        JsonNode done = BearerApi.JSON.readTree(api.send(cellSupervisor, "/api/v1/requirements/" + id + "/status",
                Map.of("status", "SATISFIED", "reason", "Réseau identifié", "version", 1)).body());
        assertThat(done.get("status").asString()).isEqualTo("SATISFIED");
        assertThat(problem(api.send(cellSupervisor, "/api/v1/requirements/" + id + "/status", Map.of("status",
                "CANCELLED", "reason", "x", "version", 1)), 409).get("currentVersion").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record_object WHERE object_id = :id").param("id", id)
                .query(Long.class).single()).as("every step audited").isGreaterThanOrEqualTo(8);
    }

    @Test
    void eachAgencySeesItsOwnTaskAndOutsidersNothing() throws Exception {
        String id = requirement("PIR-N" + System.nanoTime() % 100000);
        String policeTask = task(id, police, null);
        String customsTask = task(id, customs, null);
        assertThat(ids(api.get(policeAnalyst, "/api/v1/requirements/" + id + "/tasks", 200).get("tasks"), "id"))
                .containsExactly(policeTask);
        assertThat(ids(api.get(customsAnalyst, "/api/v1/requirements/" + id + "/tasks", 200).get("tasks"), "id"))
                .containsExactly(customsTask);
        assertThat(ids(api.get(cellAnalyst, "/api/v1/requirements/" + id + "/tasks", 200).get("tasks"), "id"))
                .containsExactlyInAnyOrder(policeTask, customsTask);
        // the police may not answer the customs' task: refused as absent
        String rep = report(policeAnalyst, "Observation", marking("RESTRICTED", "AMBER", List.of(cell)));
        assertThat(problem(api.send(policeAnalyst, "/api/v1/requirements/" + id + "/answers", Map.of("reportId", rep,
                "taskId", customsTask)), 400).get("field").asString()).isEqualTo("taskId");

        HttpResponse<String> absent = api.fetch(gendarmerieAnalyst, "/api/v1/requirements/" + id);
        HttpResponse<String> missing = api.fetch(gendarmerieAnalyst, "/api/v1/requirements/"
                + java.util.UUID.randomUUID());
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(BearerApi.JSON.readTree(absent.body()).get("detail"))
                .isEqualTo(BearerApi.JSON.readTree(missing.body()).get("detail"));
        assertThat(api.status(gendarmerieAnalyst, "/api/v1/requirements/" + id + "/tasks")).isEqualTo(404);
        assertThat(api.status(gendarmerieAnalyst, "/api/v1/requirements/" + id + "/coverage")).isEqualTo(404);
        assertThat(ids(api.get(gendarmerieAnalyst, "/api/v1/requirements?size=500", 200).get("items"), "id"))
                .doesNotContain(id);
        assertThat(ids(api.get(policeAnalyst, "/api/v1/requirements?size=500", 200).get("items"), "id"))
                .contains(id);
    }

    @Test
    void anAnswerTheReaderMayNotSeeIsNeitherListedNorCounted() throws Exception {
        String id = requirement("PIR-H" + System.nanoTime() % 100000);
        String policeTask = task(id, police, null);
        // a report of the police released to the police only: the cell's analyst may not see it
        String own = report(policeAnalyst, "Source humaine à Rosso", marking("RESTRICTED", "AMBER", List.of()));
        assertThat(api.status(cellAnalyst, "/api/v1/reports/" + own)).isNotEqualTo(200);
        HttpResponse<String> linked = api.send(policeAnalyst, "/api/v1/requirements/" + id + "/answers",
                Map.of("reportId", own, "taskId", policeTask));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);

        assertThat(api.get(policeAnalyst, "/api/v1/requirements/" + id + "/coverage", 200).get("answers").asInt())
                .isEqualTo(1);
        JsonNode cov = api.get(cellAnalyst, "/api/v1/requirements/" + id + "/coverage", 200);
        assertThat(cov.get("answers").asInt()).as("not counted for who may not see the report").isZero();
        assertThat(cov.get("gap").asBoolean()).isTrue();
        assertThat(api.get(cellAnalyst, "/api/v1/requirements/" + id + "/answers", 200).get("answers").size())
                .isZero();
        assertThat(api.get(cellAnalyst, "/api/v1/requirements/" + id + "/answers", 200).toString()).doesNotContain(own);

        // nor may the cell link a report it may not see: refused as a missing one
        HttpResponse<String> hidden = api.send(cellAnalyst, "/api/v1/requirements/" + id + "/answers",
                Map.of("reportId", own));
        HttpResponse<String> nothing = api.send(cellAnalyst, "/api/v1/requirements/" + id + "/answers",
                Map.of("reportId", java.util.UUID.randomUUID().toString()));
        assertThat(problem(hidden, 400).get("detail").asString()).isEqualTo(problem(nothing, 400).get("detail")
                .asString());
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM rq_requirement").query(Long.class).single();
        Map<String, Object> body = requirementBody("PIR-B" + System.nanoTime() % 100000);
        body.put("validUntil", "demain");
        assertThat(problem(api.send(cellSupervisor, "/api/v1/requirements", body), 400).get("field").asString())
                .isEqualTo("validUntil");
        body = requirementBody("PIR 1 !");
        assertThat(problem(api.send(cellSupervisor, "/api/v1/requirements", body), 400).get("field").asString())
                .isEqualTo("code");
        body = requirementBody("PIR-R" + System.nanoTime() % 100000);
        body.put("marking", marking("RESTRICTED", "RED", List.of()));
        assertThat(problem(api.send(cellSupervisor, "/api/v1/requirements", body), 400).get("field").asString())
                .isEqualTo("marking.tlp");
        body = requirementBody("PIR-Q" + System.nanoTime() % 100000);
        body.remove("question");
        assertThat(problem(api.send(cellSupervisor, "/api/v1/requirements", body), 400).get("field").asString())
                .isEqualTo("question");
        assertThat(problem(api.send(cellAnalyst, "/api/v1/requirements", requirementBody("PIR-A")), 403)
                .get("type").asString()).contains("not-supervisor");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rq_requirement").query(Long.class).single()).isEqualTo(before);

        String id = requirement("PIR-T" + System.nanoTime() % 100000);
        String markingBefore = jdbc.sql("SELECT marking_id FROM rq_requirement WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(problem(api.send(cellSupervisor, "/api/v1/requirements/" + id + "/tasks", Map.of("organisationId",
                police, "indicators", "x", "dueAt", "2020-01-01")), 400).get("field").asString()).isEqualTo("dueAt");
        assertThat(problem(api.send(cellSupervisor, "/api/v1/requirements/" + id + "/tasks", Map.of("organisationId",
                java.util.UUID.randomUUID().toString(), "indicators", "x")), 400).get("field").asString())
                .isEqualTo("organisationId");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rq_task WHERE requirement_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT marking_id FROM rq_requirement WHERE id = :id").param("id", id)
                .query(String.class).single()).as("not re-marked").isEqualTo(markingBefore);
    }

    @Test
    void anOverdueTaskIsEscalatedOnceEvenWhenTwoSweepsRace() throws Exception {
        String id = requirement("PIR-O" + System.nanoTime() % 100000);
        String late = task(id, police, LocalDate.now().plusDays(2).toString());
        requirements.escalateOverdue(Instant.now());
        assertThat(notices(policeSupervisorUser)).as("nothing is due yet").isEmpty();
        jdbc.sql("UPDATE rq_task SET due_at = :due WHERE id = :id")
                .param("due", Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).param("id", late).update();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Instant now = Instant.now();
        List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(() -> requirements.escalateOverdue(now),
                () -> requirements.escalateOverdue(now)));
        pool.shutdown();
        for (Future<Integer> f : runs) {
            f.get();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record r JOIN audit_record_object o ON o.seq = r.seq"
                        + " WHERE o.object_id = :id AND r.actor_user_id = 'processing:requirement-escalation'")
                .param("id", id).query(Long.class).single()).as("one sweep claimed it").isEqualTo(1);
        assertThat(notices(policeSupervisorUser)).containsExactly(late);
        assertThat(notices(cellSupervisorUser)).contains(late);
        requirements.escalateOverdue(now.plus(Duration.ofDays(1)));
        assertThat(notices(policeSupervisorUser)).as("once per task").containsExactly(late);
        assertThat(api.get(cellAnalyst, "/api/v1/requirements/" + id + "/coverage", 200).get("overdueTasks").asInt())
                .isEqualTo(1);
    }

    private List<String> notices(String userId) {
        return jdbc.sql("SELECT item_id FROM monitoring_alert WHERE recipient_user_id = :u AND item_type = :k")
                .param("u", userId).param("k", "requirement-task-overdue").query(String.class).list();
    }
}
