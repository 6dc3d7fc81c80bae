package org.fusioncell.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Products through the API: the author may cite only what they see and must mark at least as high as
 * the evidence; four eyes and peer review before approval; dissemination only to recipients the marking
 * reaches; read receipts and feedback; withdrawal tells every recipient; threat levels keep the internal
 * level for those who may see it; a sanitised version waits for the originators of its evidence.
 */
@FusionCellTest
@Tag("persistence")
class AssessmentsApiTest {

    private static final String ARABIC = "يرجح أن تسعى الجماعة إلى تجنيد الشباب عبر الإنترنت في المنطقة خلال عام 2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private BearerApi api;
    private IdentityFixtures fx;
    private String cell;
    private String police;
    private String border;
    private String author;
    private String authorId;
    private String reviewer;
    private String supervisor;
    private String supervisorId;
    private String lowCleared;
    private String lowClearedId;
    private String policeReader;
    private String policeReaderId;
    private String borderSupervisor;
    private String outsider;

    @BeforeEach
    void world() {
        api = new BearerApi(port);
        fx = new IdentityFixtures(jdbc);
        cell = fx.organisation(OrganisationType.STATE_AGENCY);
        police = fx.organisation(OrganisationType.STATE_AGENCY);
        border = fx.organisation(OrganisationType.STATE_AGENCY);
        String outsiderOrg = fx.organisation(OrganisationType.STATE_AGENCY);
        fx.agreement(Set.of(cell, border), "SECRET", Set.of("*"));
        // the author is a supervisor too: four eyes, not the role, is what stops them approving their own product
        authorId = fx.user(cell, "SECRET", Set.of(Role.ANALYST, Role.SUPERVISOR), Set.of());
        author = fx.token(authorId, "read", "write");
        reviewer = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        supervisorId = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        supervisor = fx.token(supervisorId, "read", "write");
        lowClearedId = fx.user(police, "RESTRICTED", Set.of(Role.LIAISON_OFFICER), Set.of());
        lowCleared = fx.token(lowClearedId, "read", "write");
        policeReaderId = fx.user(police, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of());
        policeReader = fx.token(policeReaderId, "read", "write");
        borderSupervisor = fx.token(fx.user(border, "SECRET", Set.of(Role.SUPERVISOR, Role.ANALYST), Set.of()),
                "read", "write");
        outsider = fx.token(fx.user(outsiderOrg, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
    }

    private static Map<String, Object> marking(String level, String tlp, List<String> organisations) {
        return Map.of("classification", level, "tlp", tlp, "releasability", Map.of("organisations", organisations));
    }

    private String report(String token, Map<String, Object> marking) throws Exception {
        return BearerApi.created(api.send(token, "/api/v1/reports", Map.of("title", "Convoi observé près de Gao",
                "body", "La source signale un convoi de trois véhicules. " + ARABIC,
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2), "marking", marking)));
    }

    private Map<String, Object> draft(Map<String, Object> marking, List<Map<String, String>> evidence) {
        Map<String, Object> d = new HashMap<>();
        d.put("productType", "THREAT_ASSESSMENT");
        d.put("language", "ar");
        d.put("title", "تقييم التهديد: منطقة الساحل");
        d.put("subject", Map.of("type", "AREA", "reference", "ML", "label", "مالي"));
        d.put("summary", List.of(Map.of("text", ARABIC), Map.of("text", "Les convois se multiplient depuis mars.",
                "level", "RESTRICTED")));
        d.put("keyJudgments", List.of(Map.of("text", ARABIC, "probability", "likely")));
        d.put("likelihood", "likely");
        d.put("impact", "major");
        d.put("confidence", "MODERATE");
        d.put("confidenceReasons", "Deux sources indépendantes, une seule recoupée.");
        d.put("evidence", evidence);
        d.put("assumptions", List.of("Les routes restent ouvertes."));
        d.put("indicators", List.of(Map.of("text", "convoi")));
        d.put("publicSummary", "Le niveau de menace au Mali est élevé ; restez vigilants.");
        d.put("marking", marking);
        return d;
    }

    private JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return BearerApi.JSON.readTree(r.body());
    }

    private String refused(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        JsonNode p = BearerApi.JSON.readTree(r.body());
        return p.has("field") ? p.get("field").asString() : p.get("type").asString().replaceAll(".*/", "");
    }

    private long products() {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_product").query(Long.class).single();
    }

    @Test
    void fromDraftToWithdrawalUnderFourEyesWithReceiptsAndNotices() throws Exception {
        String evidence = report(author, marking("SECRET", "AMBER", List.of(police)));
        long before = products();
        // marked below its evidence: refused, nothing stored
        assertThat(refused(api.send(author, "/api/v1/assessments", draft(marking("CONFIDENTIAL", "AMBER", List.of(police)),
                List.of(Map.of("type", "REPORT", "itemId", evidence)))), 400)).isEqualTo("marking");
        assertThat(products()).isEqualTo(before);
        HttpResponse<String> created = api.send(author, "/api/v1/assessments", draft(marking("SECRET", "AMBER",
                List.of(police)), List.of(Map.of("type", "REPORT", "itemId", evidence))));
        String id = BearerApi.created(created);
        JsonNode product = BearerApi.JSON.readTree(created.body());
        assertThat(product.get("threatLevel").asString()).isEqualTo("severe"); // likely x major on the default matrix
        assertThat(product.get("state").asString()).isEqualTo("DRAFT");
        assertThat(product.get("keyJudgments").get(0).get("text").asString()).isEqualTo(ARABIC);

        // nobody outside the cell sees a draft, not even an organisation its marking names
        assertThat(api.status(policeReader, "/api/v1/assessments/" + id)).isEqualTo(404);
        assertThat(api.get(policeReader, "/api/v1/assessments/count", 200).get("count").asLong()).isZero();

        ok(api.send(author, "/api/v1/assessments/" + id + "/submit", Map.of()));
        assertThat(refused(api.send(supervisor, "/api/v1/assessments/" + id + "/approve", Map.of()), 409))
                .isEqualTo("no-peer-review");
        ok(api.send(reviewer, "/api/v1/assessments/" + id + "/comments", Map.of("text", "Préciser la source du §2.")));
        assertThat(refused(api.send(author, "/api/v1/assessments/" + id + "/approve", Map.of()), 403)).isEqualTo("four-eyes");
        assertThat(refused(api.send(reviewer, "/api/v1/assessments/" + id + "/approve", Map.of()), 403))
                .isEqualTo("not-supervisor");
        JsonNode approved = ok(api.send(supervisor, "/api/v1/assessments/" + id + "/approve", Map.of("note", "Bon.")));
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedBy").asString()).isEqualTo(supervisorId);

        // a recipient whose clearance is below the product's level cannot receive it: nothing is delivered
        HttpResponse<String> tooHigh = api.send(supervisor, "/api/v1/assessments/" + id + "/disseminate",
                Map.of("userIds", List.of(policeReaderId, lowClearedId)));
        assertThat(refused(tooHigh, 422)).isEqualTo("above-clearance");
        assertThat(BearerApi.JSON.readTree(tooHigh.body()).get("subjects").get(0).asString()).isEqualTo(lowClearedId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_receipt WHERE assessment_id = :id").param("id", id)
                .query(Long.class).single()).isZero();

        JsonNode sent = ok(api.send(supervisor, "/api/v1/assessments/" + id + "/disseminate",
                Map.of("userIds", List.of(policeReaderId))));
        assertThat(sent.get("state").asString()).isEqualTo("DISSEMINATED");
        JsonNode inbox = api.get(policeReader, "/api/v1/products/received", 200);
        assertThat(inbox.get("total").asLong()).isEqualTo(1);
        assertThat(inbox.get("items").get(0).get("readAt").isNull()).isTrue();
        api.get(policeReader, "/api/v1/assessments/" + id, 200);
        JsonNode receipts = BearerApi.JSON.readTree(api.fetch(author, "/api/v1/assessments/" + id + "/receipts").body());
        assertThat(receipts.get(0).get("recipientUserId").asString()).isEqualTo(policeReaderId);
        assertThat(receipts.get(0).get("readAt").isNull()).isFalse();
        // the low-cleared colleague learns it exists, nothing more; the outsider learns nothing
        assertThat(refused(api.fetch(lowCleared, "/api/v1/assessments/" + id), 403)).isEqualTo("existence-only");
        assertThat(api.status(outsider, "/api/v1/assessments/" + id)).isEqualTo(404);
        assertThat(refused(api.send(lowCleared, "/api/v1/assessments/" + id + "/feedback", Map.of("feedback", "USEFUL")),
                404)).isEqualTo("not-found");
        ok(api.send(policeReader, "/api/v1/assessments/" + id + "/feedback", Map.of("feedback", "ACTION_TAKEN",
                "note", "Patrouilles renforcées.")));
        assertThat(BearerApi.JSON.readTree(api.fetch(author, "/api/v1/assessments/" + id + "/receipts").body())
                .get(0).get("feedback").asString()).isEqualTo("ACTION_TAKEN");

        // threat level of the area: the internal level for those who may see the assessment, the public text for all
        JsonNode levels = BearerApi.JSON.readTree(api.fetch(policeReader, "/api/v1/threat-levels").body());
        JsonNode mali = find(levels, "ML");
        assertThat(mali.get("level").asString()).isEqualTo("severe");
        JsonNode outsiders = find(BearerApi.JSON.readTree(api.fetch(outsider, "/api/v1/threat-levels").body()), "ML");
        assertThat(outsiders.get("level").isNull()).isTrue();
        assertThat(outsiders.get("assessmentId").isNull()).isTrue();
        assertThat(outsiders.get("publicSummary").asString()).contains("Mali");

        JsonNode withdrawn = ok(api.send(supervisor, "/api/v1/assessments/" + id + "/withdraw",
                Map.of("reason", "Source rétractée.")));
        assertThat(withdrawn.get("state").asString()).isEqualTo("WITHDRAWN");
        JsonNode notice = awaitNotice(policeReader, id, "assessment-withdrawn");
        assertThat(notice.get("headline").asString()).isEqualTo("تقييم التهديد: منطقة الساحل");
        assertThat(find(BearerApi.JSON.readTree(api.fetch(policeReader, "/api/v1/threat-levels").body()), "ML"))
                .as("a withdrawn assessment no longer sets the level").isNull();
        assertThat(refused(api.send(supervisor, "/api/v1/assessments/" + id + "/disseminate",
                Map.of("userIds", List.of(policeReaderId))), 409)).isEqualTo("wrong-state");
    }

    private JsonNode awaitNotice(String token, String id, String kind) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            for (JsonNode a : api.get(token, "/api/v1/alerts?size=100", 200).get("items")) {
                if (kind.equals(a.get("itemType").asString()) && id.equals(a.get("itemId").asString())) {
                    return a;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + kind + " notice for " + id);
    }

    private static JsonNode find(JsonNode levels, String key) {
        for (JsonNode l : levels) {
            if (key.equals(l.get("scopeKey").asString())) {
                return l;
            }
        }
        return null;
    }

    @Test
    void anAuthorCitesOnlyWhatTheyMaySeeAndStaysOnTheMatrix() throws Exception {
        String hidden = report(outsider, marking("SECRET", "AMBER", List.of()));
        long before = products();
        assertThat(refused(api.send(author, "/api/v1/assessments", draft(marking("SECRET", "AMBER", List.of()),
                List.of(Map.of("type", "REPORT", "itemId", hidden)))), 400)).isEqualTo("evidence[0]");
        Map<String, Object> offMatrix = draft(marking("SECRET", "AMBER", List.of()), List.of());
        offMatrix.put("impact", "apocalyptic");
        assertThat(refused(api.send(author, "/api/v1/assessments", offMatrix), 400)).isEqualTo("impact");
        Map<String, Object> badTerm = draft(marking("SECRET", "AMBER", List.of()), List.of());
        badTerm.put("keyJudgments", List.of(Map.of("text", "x", "probability", "fifty-fifty")));
        assertThat(refused(api.send(author, "/api/v1/assessments", badTerm), 400)).isEqualTo("keyJudgments[0].probability");
        Map<String, Object> overMarked = draft(marking("RESTRICTED", "AMBER", List.of()), List.of());
        overMarked.put("summary", List.of(Map.of("text", "x", "level", "SECRET")));
        assertThat(refused(api.send(author, "/api/v1/assessments", overMarked), 400)).isEqualTo("summary[0].level");
        assertThat(refused(api.send(outsider, "/api/v1/assessments?x", "{\"productType\": \"NOVEL\"}"), 400))
                .isEqualTo("productType");
        assertThat(products()).isEqualTo(before);
    }

    @Test
    void aSanitisedVersionWaitsForTheOriginatorOfItsEvidence() throws Exception {
        String borderReport = report(borderSupervisor, marking("SECRET", "AMBER", List.of(cell)));
        String id = BearerApi.created(api.send(author, "/api/v1/assessments", draft(marking("SECRET", "AMBER", List.of()),
                List.of(Map.of("type", "REPORT", "itemId", borderReport)))));
        ok(api.send(author, "/api/v1/assessments/" + id + "/submit", Map.of()));
        ok(api.send(reviewer, "/api/v1/assessments/" + id + "/comments", Map.of("text", "OK")));
        ok(api.send(supervisor, "/api/v1/assessments/" + id + "/approve", Map.of()));

        Map<String, Object> lower = draft(marking("RESTRICTED", "GREEN", List.of()), List.of());
        lower.put("summary", List.of(Map.of("text", "Le niveau de menace au Mali est élevé.")));
        assertThat(refused(api.send(reviewer, "/api/v1/assessments/" + id + "/sanitise",
                draft(marking("SECRET", "RED", List.of()), List.of())), 400)).isEqualTo("marking");
        HttpResponse<String> sanitised = api.send(reviewer, "/api/v1/assessments/" + id + "/sanitise", lower);
        String copy = BearerApi.created(sanitised);
        assertThat(BearerApi.JSON.readTree(sanitised.body()).get("sanitisedFrom").asString()).isEqualTo(id);
        assertThat(api.get(author, "/api/v1/assessments/" + copy + "/originator-approvals", 200).get("pending").get(0)
                .asString()).isEqualTo(border);
        ok(api.send(reviewer, "/api/v1/assessments/" + copy + "/submit", Map.of()));
        ok(api.send(supervisor, "/api/v1/assessments/" + copy + "/comments", Map.of("text", "Rien d'identifiant.")));
        HttpResponse<String> early = api.send(supervisor, "/api/v1/assessments/" + copy + "/approve", Map.of());
        assertThat(refused(early, 409)).isEqualTo("originator-approval-pending");
        // the writers of the original are writers of the sanitised text as well
        assertThat(refused(api.send(author, "/api/v1/assessments/" + copy + "/approve", Map.of()), 403))
                .isEqualTo("four-eyes");
        assertThat(refused(api.send(outsider, "/api/v1/assessments/" + copy + "/originator-approval", Map.of()), 404))
                .isEqualTo("not-found");
        ok(api.send(borderSupervisor, "/api/v1/assessments/" + copy + "/originator-approval", Map.of("note", "D'accord.")));
        assertThat(ok(api.send(supervisor, "/api/v1/assessments/" + copy + "/approve", Map.of())).get("state").asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void everyVersionIsKeptAndANewerProductSupersedesTheOldOneForItsRecipients() throws Exception {
        Map<String, Object> first = draft(marking("SECRET", "AMBER", List.of(police)), List.of());
        String id = BearerApi.created(api.send(author, "/api/v1/assessments", first));
        Map<String, Object> second = new HashMap<>(first);
        second.put("title", "Évaluation révisée : Sahel");
        assertThat(refused(api.put(author, "/api/v1/assessments/" + id, "\"7\"", second), 409)).isEqualTo("stale-version");
        assertThat(refused(api.put(author, "/api/v1/assessments/" + id, null, second), 400)).isEqualTo("If-Match");
        JsonNode revised = ok(api.put(reviewer, "/api/v1/assessments/" + id, "\"1\"", second));
        assertThat(revised.get("version").asInt()).isEqualTo(2);
        assertThat(revised.get("contributors")).hasSize(2);
        JsonNode versions = BearerApi.JSON.readTree(api.fetch(author, "/api/v1/assessments/" + id + "/versions").body());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("title").asString()).isEqualTo("تقييم التهديد: منطقة الساحل");
        ok(api.send(author, "/api/v1/assessments/" + id + "/submit", Map.of()));
        ok(api.send(supervisor, "/api/v1/assessments/" + id + "/send-back", Map.of("reason", "Sources à préciser.")));
        ok(api.send(author, "/api/v1/assessments/" + id + "/submit", Map.of()));
        // the reviewer revised it: their comment is no peer review, and they are not a supervisor anyway
        ok(api.send(reviewer, "/api/v1/assessments/" + id + "/comments", Map.of("text", "Corrigé.")));
        assertThat(refused(api.send(supervisor, "/api/v1/assessments/" + id + "/approve", Map.of()), 409))
                .isEqualTo("no-peer-review");
        ok(api.send(supervisor, "/api/v1/assessments/" + id + "/comments", Map.of("text", "Vu.")));
        ok(api.send(supervisor, "/api/v1/assessments/" + id + "/approve", Map.of()));
        ok(api.send(supervisor, "/api/v1/assessments/" + id + "/disseminate", Map.of("organisationIds", List.of(police))));
        // the low-cleared member of the police was left out, the cleared one received it
        assertThat(api.get(policeReader, "/api/v1/products/received", 200).get("total").asLong()).isEqualTo(1);
        assertThat(api.get(lowCleared, "/api/v1/products/received", 200).get("total").asLong()).isZero();
        assertThat(refused(api.put(author, "/api/v1/assessments/" + id, "\"2\"", second), 409)).isEqualTo("wrong-state");

        Map<String, Object> newer = draft(marking("SECRET", "AMBER", List.of(police)), List.of());
        newer.put("supersedes", id);
        String next = BearerApi.created(api.send(author, "/api/v1/assessments", newer));
        ok(api.send(author, "/api/v1/assessments/" + next + "/submit", Map.of()));
        ok(api.send(supervisor, "/api/v1/assessments/" + next + "/comments", Map.of("text", "Vu.")));
        ok(api.send(supervisor, "/api/v1/assessments/" + next + "/approve", Map.of()));
        ok(api.send(supervisor, "/api/v1/assessments/" + next + "/disseminate", Map.of("userIds", List.of(policeReaderId))));
        JsonNode old = api.get(policeReader, "/api/v1/assessments/" + id, 200);
        assertThat(old.get("state").asString()).isEqualTo("SUPERSEDED");
        assertThat(old.get("supersededBy").asString()).isEqualTo(next);
        awaitNotice(policeReader, id, "assessment-superseded");

        // an indicator becomes the reader's own watch
        JsonNode watched = ok(api.send(policeReader, "/api/v1/assessments/" + next + "/indicator-watches",
                Map.of("indicator", 0, "criterion", Map.of("kind", "text", "query", "convoi"))));
        String watch = watched.get("indicators").get(0).get("watchId").asString();
        assertThat(api.get(policeReader, "/api/v1/watches/" + watch, 200).get("name").asString()).isEqualTo("convoi");
        assertThat(api.get(author, "/api/v1/assessments/" + next, 200).get("indicators").get(0).get("watchId").isNull())
                .as("a watch is its owner's").isTrue();
        assertThat(refused(api.send(policeReader, "/api/v1/assessments/" + next + "/indicator-watches",
                Map.of("indicator", 5, "criterion", Map.of("kind", "text", "query", "x"))), 400)).isEqualTo("indicator");
    }

    @Test
    void aBulletinPrintsForWhoeverMaySeeTheProductAndCarriesItsContentHash() throws Exception {
        String id = BearerApi.created(api.send(author, "/api/v1/assessments", draft(marking("SECRET", "AMBER",
                List.of(police)), List.of())));
        HttpResponse<byte[]> pdf = bytes(author, "/api/v1/assessments/" + id + "/bulletin.pdf?lang=fr");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String hash = pdf.headers().firstValue("X-Content-Hash").orElseThrow();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains(hash).contains("SECRET").contains("Les convois se multiplient depuis mars.");
        }
        HttpResponse<byte[]> html = bytes(author, "/api/v1/assessments/" + id + "/bulletin.html");
        assertThat(html.statusCode()).isEqualTo(200);
        String page = new String(html.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("dir=\"rtl\"").contains(ARABIC);
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c ->
                assertThat(c).startsWith("default-src 'none'"));
        assertThat(bytes(author, "/api/v1/assessments/" + id + "/bulletin.pdf?lang=de").statusCode()).isEqualTo(400);
        // a draft is the cell's own: nobody outside prints it, and the answer is that of an absent product
        assertThat(bytes(policeReader, "/api/v1/assessments/" + id + "/bulletin.pdf").statusCode()).isEqualTo(404);
        assertThat(bytes(outsider, "/api/v1/assessments/" + id + "/bulletin.html").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'EXPORT' AND object_type = 'assessment'"
                + " AND object_ids LIKE :id").param("id", "%" + id + "%").query(Long.class).single()).isEqualTo(2);
    }

    private HttpResponse<byte[]> bytes(String token, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
