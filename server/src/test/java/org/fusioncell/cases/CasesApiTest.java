package org.fusioncell.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
 * Cases end to end over the API: the cell opens an investigation, shares it with the police, puts reports in
 * it that keep their own markings, works through tasks with dependencies, and closes it with a reason; the
 * customs, never a participant, learn nothing of it. Bad input names the field and writes nothing; overdue
 * tasks are escalated once.
 */
@FusionCellTest
@Tag("persistence")
class CasesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cases cases;

    private BearerApi api;

    private static String cell;
    private static String police;
    private static String customs;
    private static String cellAnalystUser;
    private static String cellAnalyst;
    private static String cellSupervisorUser;
    private static String cellSupervisor;
    private static String policeAnalystUser;
    private static String policeAnalyst;
    private static String policeSupervisorUser;
    private static String customsAnalyst;

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
        cellAnalystUser = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        cellAnalyst = fx.token(cellAnalystUser, "read", "write");
        cellSupervisorUser = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        cellSupervisor = fx.token(cellSupervisorUser, "read", "write");
        policeAnalystUser = fx.user(police, "SECRET", Set.of(Role.ANALYST), Set.of());
        policeAnalyst = fx.token(policeAnalystUser, "read", "write");
        policeSupervisorUser = fx.user(police, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        customsAnalyst = fx.token(fx.user(customs, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
    }

    private static Map<String, Object> marking(String level, String tlp, List<String> organisations) {
        return Map.of("classification", level, "tlp", tlp, "releasability", Map.of("organisations", organisations));
    }

    private Map<String, Object> caseBody(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("summary", "Réseau de facilitation présumé entre Rosso et Nouakchott ; financement par hawala.");
        body.put("kind", "INVESTIGATION");
        body.put("language", "fr");
        body.put("marking", marking("RESTRICTED", "AMBER", List.of()));
        return body;
    }

    private String openShared(String title) throws Exception {
        String id = BearerApi.created(api.send(cellAnalyst, "/api/v1/cases", caseBody(title)));
        ok(cellSupervisor, "/api/v1/cases/" + id + "/participants", Map.of("organisationId", police, "version", 1));
        return id;
    }

    private String report(String token, String title, Object marking) throws Exception {
        return BearerApi.created(api.send(token, "/api/v1/reports", Map.of("title", title,
                "body", "Le suspect a été vu à Rosso le 12 novembre.", "grading",
                Map.of("sourceReliability", "B", "informationCredibility", 2), "marking", marking)));
    }

    private static Map<String, Object> assessment(Map<String, Object> marking) {
        Map<String, Object> d = new HashMap<>();
        d.put("productType", "THREAT_ASSESSMENT");
        d.put("language", "fr");
        d.put("title", "Menace liée au réseau de hawala");
        d.put("subject", Map.of("type", "AREA", "reference", "MR", "label", "Mauritanie"));
        d.put("summary", List.of(Map.of("text", "Les transferts se multiplient depuis mars.")));
        d.put("keyJudgments", List.of(Map.of("text", "Le réseau finance des achats de matériel.", "probability",
                "likely")));
        d.put("likelihood", "likely");
        d.put("impact", "major");
        d.put("confidence", "MODERATE");
        d.put("confidenceReasons", "Deux sources indépendantes.");
        d.put("marking", marking);
        return d;
    }

    private JsonNode ok(String token, String path, Object body) throws Exception {
        HttpResponse<String> r = api.send(token, path, body);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return BearerApi.JSON.readTree(r.body());
    }

    private static JsonNode problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return BearerApi.JSON.readTree(r.body());
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> out = new ArrayList<>();
        timeline.get("entries").forEach(e -> out.add(e.get("kind").asString()));
        return out;
    }

    @Test
    void aCaseIsSharedChangesStatusWithReasonsAndStaysSearchableWhenClosed() throws Exception {
        HttpResponse<String> created = api.send(cellAnalyst, "/api/v1/cases", caseBody("Filière Rosso-Nouakchott"));
        String id = BearerApi.created(created);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode c = api.get(cellAnalyst, "/api/v1/cases/" + id, 200);
        assertThat(c.get("status").asString()).isEqualTo("OPEN");
        assertThat(c.get("leadOrganisation").get("id").asString()).isEqualTo(cell);
        assertThat(api.status(policeAnalyst, "/api/v1/cases/" + id)).as("not yet a participant").isEqualTo(404);

        // only a supervisor of the lead organisation shares the case
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases/" + id + "/participants",
                Map.of("organisationId", police, "version", 1)), 403).get("type").asString())
                .endsWith("/not-lead-supervisor");
        JsonNode shared = ok(cellSupervisor, "/api/v1/cases/" + id + "/participants",
                Map.of("organisationId", police, "version", 1));
        assertThat(shared.get("version").asInt()).isEqualTo(2);
        assertThat(shared.get("marking").toString()).as("the participant is in the releasability").contains(police);
        assertThat(api.get(policeAnalyst, "/api/v1/cases/" + id, 200).get("title").asString())
                .isEqualTo("Filière Rosso-Nouakchott");
        assertThat(api.get(policeAnalyst, "/api/v1/cases?size=500", 200).get("items").toString()).contains(id);
        assertThat(notices(policeSupervisorUser, "case-shared")).contains(id);

        // the customs are no participant: 404 everywhere, as for a case that does not exist
        String absent = api.fetch(customsAnalyst, "/api/v1/cases/" + UUID.randomUUID()).body()
                .replaceAll("\"instance\":\"[^\"]*\"", "");
        for (String part : List.of("", "/items", "/timeline", "/tasks")) {
            HttpResponse<String> r = api.fetch(customsAnalyst, "/api/v1/cases/" + id + part);
            assertThat(r.statusCode()).as(part).isEqualTo(404);
            assertThat(r.body().replaceAll("\"instance\":\"[^\"]*\"", "")).isEqualTo(absent);
        }
        assertThat(api.get(customsAnalyst, "/api/v1/cases/count", 200).get("count").asLong()).isZero();
        assertThat(api.send(customsAnalyst, "/api/v1/cases/" + id + "/tasks", Map.of("title", "?")).statusCode())
                .isEqualTo(404);

        // status changes: a reason each time, the version checked, the history kept
        assertThat(problem(api.send(cellSupervisor, "/api/v1/cases/" + id + "/status",
                Map.of("status", "SUSPENDED", "version", 2)), 400).get("field").asString()).isEqualTo("reason");
        assertThat(problem(api.send(cellSupervisor, "/api/v1/cases/" + id + "/status",
                Map.of("status", "PAUSED", "reason", "x", "version", 2)), 400).get("field").asString())
                .isEqualTo("status");
        assertThat(problem(api.send(policeAnalyst, "/api/v1/cases/" + id + "/status",
                Map.of("status", "CLOSED", "reason", "x", "version", 2)), 403).get("type").asString())
                .endsWith("/not-lead-supervisor");
        JsonNode stale = problem(api.send(cellSupervisor, "/api/v1/cases/" + id + "/status",
                Map.of("status", "SUSPENDED", "reason", "En attente du parquet", "version", 1)), 409);
        assertThat(stale.get("type").asString()).endsWith("/stale-version");
        assertThat(stale.get("currentVersion").asInt()).isEqualTo(2);
        assertThat(api.get(cellAnalyst, "/api/v1/cases/" + id, 200).get("status").asString())
                .as("nothing written").isEqualTo("OPEN");
        ok(cellSupervisor, "/api/v1/cases/" + id + "/status", Map.of("status", "REFERRED_TO_PROSECUTION",
                "reason", "Dossier transmis au parquet de Nouakchott", "version", 2));
        HttpResponse<String> viaHeader = api.put(cellSupervisor, "/api/v1/cases/" + id, "\"3\"", Map.of(
                "title", "Filière Rosso-Nouakchott (hawala)", "summary", "Réseau démantelé.", "kind", "INVESTIGATION",
                "language", "fr"));
        assertThat(viaHeader.statusCode()).as(viaHeader.body()).isEqualTo(200);
        assertThat(viaHeader.headers().firstValue("ETag")).contains("\"4\"");
        assertThat(api.put(cellSupervisor, "/api/v1/cases/" + id, "\"3\"", Map.of("title", "x", "summary", "y",
                "kind", "INVESTIGATION", "language", "fr")).statusCode()).as("stale If-Match").isEqualTo(409);
        ok(cellSupervisor, "/api/v1/cases/" + id + "/status", Map.of("status", "CLOSED",
                "reason", "Condamnation prononcée", "version", 4));

        // closed, and still found by its words and its status, with its history
        JsonNode found = api.get(policeAnalyst, "/api/v1/cases?text=HAWALA%20rosso&status=CLOSED", 200);
        assertThat(found.get("items").toString()).contains(id);
        assertThat(api.get(policeAnalyst, "/api/v1/cases?text=hawala&status=OPEN", 200).get("items").toString())
                .doesNotContain(id);
        assertThat(api.get(policeAnalyst, "/api/v1/cases?text=50%25", 200).get("items").toString())
                .as("LIKE wildcards are matched literally").doesNotContain(id);
        JsonNode timeline = api.get(policeAnalyst, "/api/v1/cases/" + id + "/timeline", 200);
        assertThat(kinds(timeline)).containsExactly("case-opened", "participant-added", "status-changed",
                "case-edited", "status-changed");
        JsonNode closing = timeline.get("entries").get(4);
        assertThat(closing.get("fromValue").asString()).isEqualTo("REFERRED_TO_PROSECUTION");
        assertThat(closing.get("toValue").asString()).isEqualTo("CLOSED");
        assertThat(closing.get("text").asString()).isEqualTo("Condamnation prononcée");
        assertThat(closing.get("actorUserId").asString()).isEqualTo(cellSupervisorUser);

        // a closed case takes no new items or tasks
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases/" + id + "/tasks", Map.of("title", "Encore")), 409)
                .get("state").asString()).isEqualTo("CLOSED");
        // every read is audited
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record r JOIN audit_record_object o ON o.seq = r.seq"
                        + " WHERE o.object_id = :id AND r.action = 'CONSULTATION'").param("id", id).query(Long.class)
                .single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single();
        Map<String, Object> noTitle = caseBody("");
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases", noTitle), 400).get("field").asString())
                .isEqualTo("title");
        Map<String, Object> badKind = caseBody("Titre");
        badKind.put("kind", "SURVEILLANCE");
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases", badKind), 400).get("field").asString())
                .isEqualTo("kind");
        Map<String, Object> badLanguage = caseBody("Titre");
        badLanguage.put("language", "de");
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases", badLanguage), 400).get("field").asString())
                .isEqualTo("language");
        Map<String, Object> red = caseBody("Titre");
        red.put("marking", Map.of("classification", "RESTRICTED", "tlp", "RED"));
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases", red), 400).get("field").asString())
                .isEqualTo("marking.tlp");
        Map<String, Object> tooHigh = caseBody("Titre");
        tooHigh.put("marking", marking("TOP SECRET", "AMBER", List.of()));
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases", tooHigh), 400).get("field").asString())
                .startsWith("marking");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single()).isEqualTo(before);

        String id = openShared("Saisie de précurseurs");
        long tasks = jdbc.sql("SELECT COUNT(*) FROM cases_task").query(Long.class).single();
        long events = jdbc.sql("SELECT COUNT(*) FROM cases_timeline WHERE case_id = :id").param("id", id)
                .query(Long.class).single();
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases/" + id + "/tasks", Map.of("title", "Perquisition",
                "dueAt", "demain")), 400).get("field").asString()).isEqualTo("dueAt");
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases/" + id + "/tasks", Map.of("title", "Perquisition",
                "assigneeOrganisationId", customs)), 400).get("field").asString()).isEqualTo("assigneeOrganisationId");
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases/" + id + "/tasks", Map.of("title", "Perquisition",
                "dependsOn", List.of(UUID.randomUUID().toString()))), 400).get("field").asString())
                .isEqualTo("dependsOn[0]");
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases/" + id + "/items", Map.of("itemType", "WATCH",
                "itemId", UUID.randomUUID().toString())), 400).get("field").asString()).isEqualTo("itemType");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_task").query(Long.class).single()).isEqualTo(tasks);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_timeline WHERE case_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(events);
        assertThat(problem(api.send(cellSupervisor, "/api/v1/cases/" + id + "/participants",
                Map.of("organisationId", police)), 400).get("field").asString()).isEqualTo("version");
    }

    @Test
    void everyItemKeepsItsOwnMarkingInsideTheCase() throws Exception {
        String id = openShared("Financement par hawala");
        String cellOnly = report(cellAnalyst, "Source humaine : le changeur de Sebkha", marking("RESTRICTED", "AMBER",
                List.of()));
        String forPolice = report(cellAnalyst, "Transferts vers Rosso", marking("RESTRICTED", "AMBER", List.of(police)));
        String policeOwn = report(policeAnalyst, "Contrôle routier du 12 novembre", marking("RESTRICTED", "AMBER",
                List.of()));
        HttpResponse<String> added = api.send(cellAnalyst, "/api/v1/cases/" + id + "/items", Map.of("itemType",
                "REPORT", "itemId", cellOnly, "note", "Source sensible : ne pas diffuser"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String cellOnlyItem = BearerApi.JSON.readTree(added.body()).get("id").asString();
        assertThat(api.send(cellAnalyst, "/api/v1/cases/" + id + "/items", Map.of("itemType", "REPORT", "itemId",
                forPolice)).statusCode()).isEqualTo(201);
        assertThat(problem(api.send(cellAnalyst, "/api/v1/cases/" + id + "/items", Map.of("itemType", "REPORT",
                "itemId", forPolice)), 400).get("field").asString()).as("already in").isEqualTo("itemId");
        // the police may not add the cell's own report (refused as absent), but may add their own
        String refusedBody = problem(api.send(policeAnalyst, "/api/v1/cases/" + id + "/items", Map.of("itemType",
                "REPORT", "itemId", cellOnly)), 400).get("detail").asString();
        String absentBody = problem(api.send(policeAnalyst, "/api/v1/cases/" + id + "/items", Map.of("itemType",
                "REPORT", "itemId", UUID.randomUUID().toString())), 400).get("detail").asString();
        assertThat(refusedBody).isEqualTo(absentBody);
        assertThat(api.send(policeAnalyst, "/api/v1/cases/" + id + "/items", Map.of("itemType", "REPORT", "itemId",
                policeOwn)).statusCode()).isEqualTo(201);

        // an assessment draft is its authoring organisation's alone, whatever its marking names: its module decides
        String draft = BearerApi.created(api.send(cellAnalyst, "/api/v1/assessments", assessment(
                marking("RESTRICTED", "AMBER", List.of(police)))));
        assertThat(api.send(cellAnalyst, "/api/v1/cases/" + id + "/items", Map.of("itemType", "ASSESSMENT",
                "itemId", draft)).statusCode()).isEqualTo(201);
        assertThat(problem(api.send(policeAnalyst, "/api/v1/cases/" + id + "/items", Map.of("itemType", "ASSESSMENT",
                "itemId", draft)), 400).get("field").asString()).isEqualTo("itemId");

        JsonNode cellItems = api.get(cellAnalyst, "/api/v1/cases/" + id + "/items", 200);
        JsonNode policeItems = api.get(policeAnalyst, "/api/v1/cases/" + id + "/items", 200);
        assertThat(ids(cellItems)).containsExactlyInAnyOrder(cellOnly, forPolice, draft);
        assertThat(ids(policeItems)).as("the participant sees the case, not the item withheld from it")
                .containsExactlyInAnyOrder(forPolice, policeOwn);
        assertThat(policeItems.toString()).doesNotContain(cellOnly).doesNotContain(draft).doesNotContain("changeur")
                .doesNotContain("Source sensible");
        JsonNode policeTimeline = api.get(policeAnalyst, "/api/v1/cases/" + id + "/timeline", 200);
        assertThat(policeTimeline.toString()).as("nor any hint of it in the timeline").doesNotContain(cellOnly)
                .doesNotContain("Source sensible");
        assertThat(kinds(policeTimeline).stream().filter("item-added"::equals).count()).isEqualTo(2);
        assertThat(kinds(api.get(cellAnalyst, "/api/v1/cases/" + id + "/timeline", 200)).stream()
                .filter("item-added"::equals).count()).isEqualTo(3);

        // completion evidence is cut the same way
        JsonNode task = BearerApi.JSON.readTree(api.send(cellAnalyst, "/api/v1/cases/" + id + "/tasks",
                Map.of("title", "Recouper les transferts")).body());
        JsonNode done = ok(cellAnalyst, "/api/v1/cases/" + id + "/tasks/" + task.get("id").asString() + "/complete",
                Map.of("text", "Recoupé avec deux rapports.", "evidence", List.of(
                        Map.of("itemType", "REPORT", "itemId", cellOnly), Map.of("itemType", "REPORT", "itemId",
                                forPolice))));
        assertThat(done.get("evidence")).hasSize(2);
        JsonNode policeTask = api.get(policeAnalyst, "/api/v1/cases/" + id + "/tasks/" + task.get("id").asString(), 200);
        assertThat(policeTask.get("evidence").toString()).contains(forPolice).doesNotContain(cellOnly);

        // removal: by the organisation that added it, with a reason; the police cannot even name it
        assertThat(api.send(policeAnalyst, "/api/v1/cases/" + id + "/items/" + cellOnlyItem + "/remove",
                Map.of("reason", "?")).statusCode()).isEqualTo(404);
        ok(cellAnalyst, "/api/v1/cases/" + id + "/items/" + cellOnlyItem + "/remove", Map.of("reason", "Doublon"));
        assertThat(ids(api.get(cellAnalyst, "/api/v1/cases/" + id + "/items", 200)))
                .containsExactlyInAnyOrder(forPolice, draft);
        assertThat(kinds(api.get(policeAnalyst, "/api/v1/cases/" + id + "/timeline", 200))).doesNotContain("item-removed");
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.get("items").forEach(i -> out.add(i.get("itemId").asString()));
        return out;
    }

    @Test
    void tasksFollowTheirDependenciesAndTakeCommentsAndAssignees() throws Exception {
        String id = openShared("Opération conjointe Sahel");
        String base = "/api/v1/cases/" + id + "/tasks";
        String survey = BearerApi.created(api.send(cellAnalyst, base, Map.of("title", "Repérage du site",
                "assigneeUserId", policeAnalystUser, "priority", "HIGH", "dueAt", java.time.LocalDate.now().plusDays(30).toString())));
        String search = BearerApi.created(api.send(cellAnalyst, base, Map.of("title", "Perquisition",
                "assigneeOrganisationId", police, "dependsOn", List.of(survey))));
        String report = BearerApi.created(api.send(cellAnalyst, base, Map.of("title", "Rapport de synthèse",
                "dependsOn", List.of(search))));
        assertThat(notices(policeAnalystUser, "case-task-assigned")).hasSize(1);

        // no cycles, directly or through another task
        assertThat(problem(api.put(cellAnalyst, base + "/" + survey + "/dependencies", null,
                Map.of("dependsOn", List.of(report))), 400).get("field").asString()).isEqualTo("dependsOn[0]");
        assertThat(problem(api.put(cellAnalyst, base + "/" + survey + "/dependencies", null,
                Map.of("dependsOn", List.of(survey))), 400).get("field").asString()).isEqualTo("dependsOn[0]");

        // not done before what it depends on
        JsonNode early = problem(api.send(policeAnalyst, base + "/" + search + "/complete",
                Map.of("text", "Fait")), 403);
        assertThat(early.get("type").asString()).endsWith("/dependencies-open");
        assertThat(early.get("detail").asString()).contains("Repérage du site");

        // someone else's task: refused; the assignee starts, comments and completes it
        assertThat(problem(api.send(policeAnalyst, base + "/" + report + "/start", Map.of()), 403).get("type")
                .asString()).endsWith("/not-assignee");
        ok(policeAnalyst, base + "/" + survey + "/start", Map.of());
        JsonNode commented = ok(cellAnalyst, base + "/" + survey + "/comments", Map.of("text", "تأكدوا من المخرج الخلفي"));
        assertThat(commented.get("comments").get(0).get("text").asString()).isEqualTo("تأكدوا من المخرج الخلفي");
        assertThat(problem(api.send(policeAnalyst, base + "/" + survey + "/complete", Map.of()), 400)
                .get("field").asString()).isEqualTo("text");
        JsonNode done = ok(policeAnalyst, base + "/" + survey + "/complete", Map.of("text", "Site repéré, deux accès."));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("completedByUserId").asString()).isEqualTo(policeAnalystUser);
        assertThat(problem(api.send(policeAnalyst, base + "/" + survey + "/complete", Map.of("text", "encore")), 409)
                .get("state").asString()).isEqualTo("DONE");
        ok(policeAnalyst, base + "/" + search + "/complete", Map.of("text", "Perquisition menée."));

        // reassign to a user of the lead organisation; a non-participant's user is refused
        JsonNode reassigned = ok(cellAnalyst, base + "/" + report + "/assign", Map.of("assigneeUserId", cellSupervisorUser));
        assertThat(reassigned.get("assigneeOrganisationId").asString()).isEqualTo(cell);
        assertThat(problem(api.send(cellAnalyst, base + "/" + report + "/assign",
                Map.of("assigneeOrganisationId", customs)), 400).get("field").asString())
                .isEqualTo("assigneeOrganisationId");
        assertThat(problem(api.send(cellAnalyst, base + "/" + report + "/cancel", Map.of()), 400)
                .get("field").asString()).isEqualTo("reason");
        ok(cellAnalyst, base + "/" + report + "/cancel", Map.of("reason", "Fusionné avec le rapport final"));

        JsonNode all = api.get(policeAnalyst, base, 200);
        assertThat(all.get("tasks")).hasSize(3);
        assertThat(all.get("tasks").get(1).get("dependsOn").toString()).contains(survey);
        assertThat(kinds(api.get(cellAnalyst, "/api/v1/cases/" + id + "/timeline", 200))).contains("task-created",
                "task-assigned", "task-started", "task-commented", "task-completed", "task-cancelled");

        // an organisation holding open tasks stays until they are reassigned or cancelled
        String policeTask = BearerApi.created(api.send(cellAnalyst, base, Map.of("title", "Filature",
                "assigneeOrganisationId", police)));
        int version = api.get(cellAnalyst, "/api/v1/cases/" + id, 200).get("version").asInt();
        assertThat(problem(api.send(cellSupervisor, "/api/v1/cases/" + id + "/participants/" + police + "/remove",
                Map.of("reason", "Fin de la coopération", "version", version)), 403).get("type").asString())
                .endsWith("/open-tasks");
        ok(cellAnalyst, base + "/" + policeTask + "/cancel", Map.of("reason", "Plus nécessaire"));
        ok(cellSupervisor, "/api/v1/cases/" + id + "/participants/" + police + "/remove",
                Map.of("reason", "Fin de la coopération", "version", version));
        assertThat(api.status(policeAnalyst, "/api/v1/cases/" + id)).as("no longer a participant").isEqualTo(404);
        assertThat(api.status(policeAnalyst, base)).isEqualTo(404);
    }

    @Test
    void anOverdueTaskIsEscalatedOnceEvenWhenTwoSweepsRace() throws Exception {
        String id = openShared("Suivi d'un véhicule");
        String base = "/api/v1/cases/" + id + "/tasks";
        String late = BearerApi.created(api.send(cellAnalyst, base, Map.of("title", "Identifier le propriétaire",
                "assigneeUserId", policeAnalystUser, "priority", "URGENT", "dueAt",
                Instant.now().plus(Duration.ofHours(2)).toString())));
        String finished = BearerApi.created(api.send(cellAnalyst, base, Map.of("title", "Photographier le véhicule",
                "assigneeUserId", policeAnalystUser, "dueAt", Instant.now().plus(Duration.ofHours(2)).toString())));
        ok(policeAnalyst, base + "/" + finished + "/complete", Map.of("text", "Photos versées au dossier."));
        cases.escalateOverdue(Instant.now());
        assertThat(notices(policeAnalystUser, "case-task-overdue")).as("nothing is due yet").isEmpty();

        jdbc.sql("UPDATE cases_task SET due_at = :due WHERE case_id = :id")
                .param("due", Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).param("id", id).update();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Instant now = Instant.now();
        List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(() -> cases.escalateOverdue(now),
                () -> cases.escalateOverdue(now)));
        pool.shutdown();
        for (Future<Integer> f : runs) {
            f.get();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record r JOIN audit_record_object o ON o.seq = r.seq"
                        + " WHERE o.object_id = :id AND r.actor_user_id = 'processing:case-task-escalation'")
                .param("id", id).query(Long.class).single()).as("one sweep claimed it").isEqualTo(1);
        assertThat(notices(policeAnalystUser, "case-task-overdue")).containsExactly(late);
        assertThat(notices(cellSupervisorUser, "case-task-overdue")).containsExactly(late);
        cases.escalateOverdue(now.plus(Duration.ofDays(1)));
        assertThat(notices(policeAnalystUser, "case-task-overdue")).as("once per task").containsExactly(late);
        JsonNode task = api.get(policeAnalyst, base + "/" + late, 200);
        assertThat(task.get("overdue").asBoolean()).isTrue();
        assertThat(kinds(api.get(cellAnalyst, "/api/v1/cases/" + id + "/timeline", 200))).contains("task-overdue");
    }

    private List<String> notices(String userId, String kind) {
        return jdbc.sql("SELECT item_id FROM monitoring_alert WHERE recipient_user_id = :u AND item_type = :k")
                .param("u", userId).param("k", kind).query(String.class).list();
    }
}
