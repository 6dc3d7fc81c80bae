package org.fusioncell.cases.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.cases.Cases;
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
 * A test exercise of the attack response over the API: the cell's supervisor opens a response case from the
 * mass-casualty template with the police, health and civil protection; each agency's liaison sees and completes its
 * own checklist; situation reports are filed in Arabic and French, figures revised and kept with their sources;
 * a press line is released under four eyes; closure is refused without the after-action review and accepted with
 * it. The customs, never on the case, learn nothing of it — not even a count.
 */
@FusionCellTest
@Tag("persistence")
class ResponseExerciseTest {

    static final String ARABIC_SITUATION = "يتطلب التهديد الإرهابي المتطور اتباع نهج متعدد الأوجه ومرن وتعاوني";
    static final String FRENCH_SITUATION = "Le périmètre est tenu ; deux hôpitaux reçoivent les blessés.";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cases cases;

    private BearerApi api;
    private static String police;
    private static String health;
    private static String civil;
    private static String customs;
    private static String cell;
    private static String supervisor;
    private static String secondSupervisor;
    private static String cellAnalyst;
    private static String cellAnalystUser;
    private static final Map<String, String> liaison = new HashMap<>();
    private static final Map<String, String> liaisonUser = new HashMap<>();
    private static String customsAnalyst;
    private static String customsUser;
    private static String administrator;

    private void world() {
        api = new BearerApi(port);
        if (police != null) {
            return;
        }
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        cell = fx.organisation("Cellule nationale de fusion — exercice", OrganisationType.STATE_AGENCY, "MR");
        police = fx.organisation("المديرية العامة للأمن الوطني — تمرين", OrganisationType.STATE_AGENCY, "MR");
        health = fx.organisation("Ministère de la Santé — exercice", OrganisationType.STATE_AGENCY, "MR");
        civil = fx.organisation("Protection civile — exercice", OrganisationType.STATE_AGENCY, "MR");
        customs = fx.organisation("Douanes — exercice", OrganisationType.STATE_AGENCY, "MR");
        supervisor = fx.token(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        secondSupervisor = fx.token(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        cellAnalystUser = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        cellAnalyst = fx.token(cellAnalystUser, "read", "write");
        for (String org : List.of(police, health, civil)) {
            String u = fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of());
            liaisonUser.put(org, u);
            liaison.put(org, fx.token(u, "read", "write"));
        }
        administrator = fx.token(fx.user(cell, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write");
        customsUser = fx.user(customs, "SECRET", Set.of(Role.ANALYST), Set.of());
        customsAnalyst = fx.token(customsUser, "read", "write");
    }

    private Map<String, Object> opening(String template, List<Map<String, String>> agencies,
                                        Map<String, String> roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("templateCode", template);
        body.put("language", "ar");
        body.put("place", "سوق العاصمة المركزي، نواكشوط");
        body.put("occurredAt", Instant.now().minus(20, ChronoUnit.MINUTES).toString());
        body.put("agencies", agencies);
        body.put("roles", roles);
        body.put("marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER",
                "releasability", Map.of("organisations", List.of())));
        return body;
    }

    private List<Map<String, String>> threeAgencies() {
        return List.of(Map.of("organisationId", police, "sector", "police"),
                Map.of("organisationId", health, "sector", "health"),
                Map.of("organisationId", civil, "sector", "civil-protection"));
    }

    @Test
    void aResponseOpenedFromATemplateSharesTasksWithThreeAgenciesAndClosesOnlyWithItsReview() throws Exception {
        world();
        JsonNode templates = api.get(supervisor, "/api/v1/response-templates", 200).get("templates");
        List<String> codes = new ArrayList<>();
        templates.forEach(t -> codes.add(t.get("code").asString()));
        assertThat(codes).contains("mass-casualty-ied", "hostage-taking");

        // bad input: each names its field, and nothing is written
        long before = jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single();
        assertThat(field(api.send(supervisor, "/api/v1/response-cases",
                opening("flood", threeAgencies(), Map.of())))).isEqualTo("templateCode");
        List<Map<String, String>> wrongSector = new ArrayList<>(threeAgencies());
        wrongSector.set(1, Map.of("organisationId", health, "sector", "negotiation"));
        assertThat(field(api.send(supervisor, "/api/v1/response-cases",
                opening("mass-casualty-ied", wrongSector, Map.of())))).isEqualTo("agencies[1].sector");
        assertThat(field(api.send(supervisor, "/api/v1/response-cases", opening("mass-casualty-ied",
                threeAgencies(), Map.of("liaison", customsUser))))).isEqualTo("roles.liaison");
        assertThat(field(api.send(supervisor, "/api/v1/response-cases", opening("mass-casualty-ied",
                threeAgencies(), Map.of("spokesman", cellAnalystUser))))).isEqualTo("roles.spokesman");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single()).isEqualTo(before);
        assertThat(api.send(cellAnalyst, "/api/v1/response-cases", opening("mass-casualty-ied", threeAgencies(),
                Map.of())).statusCode()).as("an analyst does not open a response").isEqualTo(403);

        // one call: the case, three agencies, their checklists, the first situation report due
        HttpResponse<String> opened = api.send(supervisor, "/api/v1/response-cases", opening("mass-casualty-ied",
                threeAgencies(), Map.of("incident-commander", liaisonUser.get(police),
                        "intelligence", cellAnalystUser, "liaison", liaisonUser.get(health))));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode board = BearerApi.JSON.readTree(opened.body());
        String id = board.get("caseId").asString();
        assertThat(board.get("participants")).hasSize(4);
        assertThat(board.get("schedule").get("nextNumber").asInt()).isEqualTo(1);
        assertThat(Instant.parse(board.get("schedule").get("nextDueAt").asString()))
                .isAfter(Instant.now().plus(110, ChronoUnit.MINUTES));
        Map<String, Integer> tasksPerAgency = new HashMap<>();
        board.get("agencies").forEach(a -> tasksPerAgency.put(a.get("organisationId").asString(),
                a.get("tasks").asInt()));
        assertThat(tasksPerAgency).containsEntry(police, 4).containsEntry(health, 3).containsEntry(civil, 3);
        assertThat(role(board, "incident-commander").get("organisationId").asString()).isEqualTo(police);
        assertThat(role(board, "operations").get("userId").isNull()).isTrue();

        // each agency's liaison sees the case's tasks and completes its own, not another agency's
        JsonNode tasks = api.get(liaison.get(police), "/api/v1/cases/" + id + "/tasks", 200).get("tasks");
        for (String org : List.of(police, health, civil)) {
            for (JsonNode t : tasks) {
                if (org.equals(t.path("assigneeOrganisationId").asString(""))) {
                    HttpResponse<String> done = api.send(liaison.get(org), "/api/v1/cases/" + id + "/tasks/"
                            + t.get("id").asString() + "/complete", Map.of("text", "Fait — exercice"));
                    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
                    break;
                }
            }
        }
        String healthTask = null;
        for (JsonNode t : tasks) {
            if (health.equals(t.path("assigneeOrganisationId").asString("")) && "OPEN".equals(t.get("status").asString())) {
                healthTask = t.get("id").asString();
            }
        }
        assertThat(api.send(liaison.get(police), "/api/v1/cases/" + id + "/tasks/" + healthTask + "/complete",
                Map.of("text", "pas le nôtre")).statusCode()).isEqualTo(403);
        JsonNode progress = api.get(liaison.get(civil), "/api/v1/cases/" + id + "/response", 200).get("agencies");
        progress.forEach(a -> assertThat(a.get("done").asInt()).as(a.toString()).isEqualTo(1));

        // the customs never on the case: nothing, not even a count, and the same answer as for no case at all
        String absent = "/api/v1/cases/00000000-0000-4000-8000-000000000000/response";
        HttpResponse<String> none = api.fetch(customsAnalyst, absent);
        for (String path : List.of("/response", "/response/sitreps", "/response/figures", "/response/press-lines",
                "/response/review", "/tasks")) {
            HttpResponse<String> r = api.fetch(customsAnalyst, "/api/v1/cases/" + id + path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(api.fetch(customsAnalyst, "/api/v1/cases/" + id + "/response").body().replace(id, "X"))
                .isEqualTo(none.body().replace("00000000-0000-4000-8000-000000000000", "X"));
        assertThat(api.get(customsAnalyst, "/api/v1/cases/count?kind=RESPONSE", 200).get("count").asLong())
                .isZero();

        // situation reports: by the lead organisation; figures need a source and cannot be negative
        String sitreps = "/api/v1/cases/" + id + "/response/sitreps";
        assertThat(field(api.send(cellAnalyst, sitreps, sitrep("ar", ARABIC_SITUATION,
                figure("KILLED", -1, "مستشفى الصداقة"))))).isEqualTo("figures[0].value");
        assertThat(field(api.send(cellAnalyst, sitreps, sitrep("ar", ARABIC_SITUATION,
                figure("KILLED", 12, "مستشفى الصداقة"), figure("INJURED", 40, " "))))).isEqualTo("figures[1].source");
        assertThat(api.send(liaison.get(police), sitreps, sitrep("fr", FRENCH_SITUATION)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> first = api.send(cellAnalyst, sitreps, sitrep("ar", ARABIC_SITUATION,
                figure("KILLED", 12, "مستشفى الصداقة"), figure("INJURED", 40, "الحماية المدنية")));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> second = api.send(cellAnalyst, sitreps, sitrep("fr", FRENCH_SITUATION,
                figure("INJURED", 47, "Centre hospitalier national")));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(BearerApi.JSON.readTree(second.body()).get("number").asInt()).isEqualTo(2);
        board = api.get(liaison.get(health), "/api/v1/cases/" + id + "/response", 200);
        Map<String, JsonNode> latest = new HashMap<>();
        board.get("latestFigures").forEach(f -> latest.put(f.get("category").asString(), f));
        assertThat(latest.get("INJURED").get("value").asInt()).as("the revision is in force").isEqualTo(47);
        assertThat(latest.get("INJURED").get("source").asString()).isEqualTo("Centre hospitalier national");
        assertThat(latest.get("KILLED").get("value").asInt()).isEqualTo(12);
        JsonNode history = api.get(liaison.get(health), "/api/v1/cases/" + id + "/response/figures", 200)
                .get("figures");
        assertThat(history).hasSize(3);
        assertThat(board.get("schedule").get("nextNumber").asInt()).isEqualTo(3);

        // the PDF of the Arabic report reads back in logical order
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + sitreps + "/1/pdf")).header("Authorization", "Bearer " + cellAnalyst)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        // kept beside the browser screenshots as an artefact of the exercise
        java.nio.file.Path artefacts = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(artefacts.resolve("response-sitrep-1-ar.pdf"), pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(document).replaceAll("\\s+", " "),
                    Normalizer.Form.NFC);
            assertThat(text).contains(ARABIC_SITUATION, "RESTRICTED // TLP:AMBER", "12", "مستشفى الصداقة");
        }

        // a report not written in time is escalated like any overdue task of the case
        jdbc.sql("UPDATE cases_task SET due_at = :past WHERE id = (SELECT sitrep_task_id FROM resp_case WHERE case_id = :id)")
                .param("past", java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES))).param("id", id)
                .update();
        assertThat(cases.escalateOverdue(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(api.get(cellAnalyst, "/api/v1/cases/" + id + "/response", 200).get("schedule").get("overdue")
                .asBoolean()).isTrue();
        assertThat(kinds(api.get(cellAnalyst, "/api/v1/cases/" + id + "/timeline", 200))).contains("task-overdue");

        // press lines: released by another supervisor than the drafter
        String lines = "/api/v1/cases/" + id + "/response/press-lines";
        HttpResponse<String> drafted = api.send(supervisor, lines, Map.of("language", "fr",
                "text", "Un attentat a frappé le marché central ; les secours sont sur place."));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String line = BearerApi.JSON.readTree(drafted.body()).get("id").asString();
        HttpResponse<String> own = api.send(supervisor, lines + "/" + line + "/release", Map.of());
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(BearerApi.JSON.readTree(own.body()).get("type").asString()).endsWith("four-eyes");
        assertThat(api.send(cellAnalyst, lines + "/" + line + "/release", Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<String> released = api.send(secondSupervisor, lines + "/" + line + "/release", Map.of());
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(BearerApi.JSON.readTree(released.body()).get("status").asString()).isEqualTo("RELEASED");
        assertThat(BearerApi.JSON.readTree(released.body()).hasNonNull("decidedAt")).isTrue();

        // closure: refused without the after-action review, by either way in
        int version = board.get("version").asInt();
        HttpResponse<String> plain = api.send(supervisor, "/api/v1/cases/" + id + "/status",
                Map.of("status", "CLOSED", "reason", "Fin de l'exercice", "version", version));
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(BearerApi.JSON.readTree(plain.body()).get("type").asString())
                .endsWith("after-action-review-required");
        String closure = "/api/v1/cases/" + id + "/response/closure";
        assertThat(field(api.send(supervisor, closure, Map.of("version", version, "reason", "Fin de l'exercice"))))
                .isEqualTo("afterActionReview");
        assertThat(field(api.send(supervisor, closure, Map.of("version", version, "reason", "Fin de l'exercice",
                "afterActionReview", review(customs))))).isEqualTo("afterActionReview.actions[0].ownerOrganisationId");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM resp_review WHERE case_id = :id").param("id", id)
                .query(Long.class).single()).as("nothing half-written").isZero();
        HttpResponse<String> closed = api.send(supervisor, closure, Map.of("version", version,
                "reason", "Fin de l'exercice", "afterActionReview", review(health)));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(api.get(liaison.get(police), "/api/v1/cases/" + id, 200).get("status").asString())
                .isEqualTo("CLOSED");
        JsonNode kept = api.get(liaison.get(civil), "/api/v1/cases/" + id + "/response/review", 200);
        assertThat(kept.get("actions").get(0).get("ownerOrganisationId").asString()).isEqualTo(health);
        assertThat(kinds(api.get(liaison.get(civil), "/api/v1/cases/" + id + "/timeline", 200)))
                .contains("response-opened", "sitrep-written", "press-line-released", "after-action-review",
                        "status-changed");
    }

    @Test
    void aResponseLinkedToAnIncidentRecordTakesItsPlaceAndDate() throws Exception {
        world();
        Map<String, Object> incident = new HashMap<>();
        incident.put("date", "2026-11-22");
        incident.put("placeName", "Hôtel du fleuve, Rosso");
        incident.put("country", "MRT");
        incident.put("attackType", "kidnapping");
        incident.put("sources", List.of("rapport de la gendarmerie"));
        incident.put("marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER"));
        HttpResponse<String> recorded = api.send(cellAnalyst, "/api/v1/incidents", incident);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String incidentId = BearerApi.JSON.readTree(recorded.body()).get("id").asString();

        Map<String, Object> body = opening("hostage-taking", List.of(Map.of("organisationId", police,
                "sector", "police"), Map.of("organisationId", cell, "sector", "intelligence")), Map.of());
        body.remove("place");
        body.remove("occurredAt");
        body.put("incidentId", "00000000-0000-4000-8000-000000000001");
        assertThat(field(api.send(supervisor, "/api/v1/response-cases", body))).isEqualTo("incidentId");
        body.put("incidentId", incidentId);
        HttpResponse<String> opened = api.send(supervisor, "/api/v1/response-cases", body);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode board = BearerApi.JSON.readTree(opened.body());
        assertThat(board.get("incident").get("incidentId").asString()).isEqualTo(incidentId);
        assertThat(board.get("incident").get("place").asString()).isEqualTo("Hôtel du fleuve, Rosso");
        assertThat(board.get("incident").get("occurredAt").asString()).startsWith("2026-11-22T00:00");
        assertThat(board.get("schedule").get("everyMinutes").asInt()).isEqualTo(60);
        assertThat(board.get("incident").get("attackType").asString()).isEqualTo("kidnapping");
        assertThat(board.get("participants")).hasSize(2);
    }

    @Test
    void anAdministratorDefinesATemplateThatResponsesAreThenOpenedFrom() throws Exception {
        world();
        String code = "armed-assault-" + (System.nanoTime() % 100000);
        Map<String, Object> item = new HashMap<>(Map.of("withinMinutes", 20, "priority", "URGENT",
                "title", Map.of("en", "Evacuate the mall", "fr", "Évacuer le centre commercial")));
        Map<String, Object> template = new HashMap<>(Map.of("code", code,
                "name", Map.of("en", "Armed assault", "fr", "Attaque armée", "ar", "هجوم مسلح"),
                "attackType", "armed-assault", "sitrepEveryMinutes", 90,
                "roles", List.of(Map.of("code", "incident-commander",
                        "name", Map.of("en", "Incident commander", "fr", "Commandant", "ar", "قائد الحادث"))),
                "checklists", List.of(Map.of("sector", "police", "name", Map.of("en", "Police", "fr", "Police",
                        "ar", "الشرطة"), "items", List.of(item)))));
        assertThat(field(api.send(administrator, "/api/v1/response-templates", template)))
                .isEqualTo("checklists[0].items[0].title.ar");
        item.put("title", Map.of("en", "Evacuate the mall", "fr", "Évacuer le centre commercial",
                "ar", "إخلاء المركز التجاري"));
        assertThat(api.send(supervisor, "/api/v1/response-templates", template).statusCode()).isEqualTo(403);
        HttpResponse<String> defined = api.send(administrator, "/api/v1/response-templates", template);
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        assertThat(field(api.send(administrator, "/api/v1/response-templates", template))).isEqualTo("code");
        assertThat(field(api.send(administrator, "/api/v1/response-templates",
                Map.of("code", "mass-casualty-ied")))).isNotBlank();
        assertThat(api.get(supervisor, "/api/v1/response-templates/" + code, 200).get("sitrepEveryMinutes").asInt())
                .isEqualTo(90);

        HttpResponse<String> opened = api.send(supervisor, "/api/v1/response-cases", opening(code,
                List.of(Map.of("organisationId", police, "sector", "police")), Map.of()));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode board = BearerApi.JSON.readTree(opened.body());
        assertThat(board.get("agencies").get(0).get("tasks").asInt()).isEqualTo(1);
        JsonNode tasks = api.get(liaison.get(police), "/api/v1/cases/" + board.get("caseId").asString() + "/tasks", 200)
                .get("tasks");
        List<String> titles = new ArrayList<>();
        tasks.forEach(t -> titles.add(t.get("title").asString()));
        assertThat(titles).contains("إخلاء المركز التجاري", "تقرير الحالة 1");
    }

    @Test
    void twoReportsFiledAtOnceTakeConsecutiveNumbers() throws Exception {
        world();
        HttpResponse<String> opened = api.send(supervisor, "/api/v1/response-cases", opening("mass-casualty-ied",
                List.of(Map.of("organisationId", police, "sector", "police")), Map.of()));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String sitreps = "/api/v1/cases/" + BearerApi.JSON.readTree(opened.body()).get("caseId").asString()
                + "/response/sitreps";
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> file(sitreps, "ar", ARABIC_SITUATION));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> file(sitreps, "fr", FRENCH_SITUATION));
        List<Integer> numbers = new ArrayList<>();
        for (HttpResponse<String> r : List.of(first.get(), second.get())) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            numbers.add(BearerApi.JSON.readTree(r.body()).get("number").asInt());
        }
        assertThat(numbers).containsExactlyInAnyOrder(1, 2);
        assertThat(api.get(cellAnalyst, sitreps, 200).get("sitreps")).hasSize(2);
    }

    private HttpResponse<String> file(String path, String language, String situation) {
        try {
            return api.send(cellAnalyst, path, sitrep(language, situation));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> review(String owner) {
        return Map.of("wentWell", "Le bouclage en 12 minutes; la liste des blessés tenue par hôpital.",
                "toImprove", "Le numéro pour les familles a été diffusé trop tard.",
                "actions", List.of(Map.of("action", "Préparer le numéro des familles à l'avance",
                        "ownerOrganisationId", owner)));
    }

    private static Map<String, Object> sitrep(String language, String situation, Map<String, Object>... figures) {
        Map<String, Object> m = new HashMap<>();
        m.put("language", language);
        m.put("situation", situation);
        m.put("actionsTaken", "ar".equals(language) ? "إقامة الطوق الأمني وإجلاء الجرحى" : "Bouclage et évacuation");
        m.put("needs", "ar".equals(language) ? "وحدات دم إضافية" : "Poches de sang");
        m.put("figures", List.of(figures));
        return m;
    }

    private static Map<String, Object> figure(String category, int value, String source) {
        return Map.of("category", category, "value", value, "source", source);
    }

    private static JsonNode role(JsonNode board, String code) {
        for (JsonNode r : board.get("roles")) {
            if (r.get("roleCode").asString().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no role " + code);
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> out = new ArrayList<>();
        timeline.get("entries").forEach(e -> out.add(e.get("kind").asString()));
        return out;
    }

    private static String field(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return BearerApi.JSON.readTree(r.body()).get("field").asString();
    }
}
