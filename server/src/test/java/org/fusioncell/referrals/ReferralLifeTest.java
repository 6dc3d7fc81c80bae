package org.fusioncell.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.PageVisitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A referral's whole life over the API — content recorded (URL normalised, language detected, a screenshot kept by
 * SHA-256), assessed, referred with its basis, acknowledged and actioned by the platform, appealed by the content's
 * owner through the platform and decided by a supervisor of the cell, re-checked, every step audited with its actor
 * — with the bad input of each step refused with its reason and nothing written; reminders claimed once; the
 * transparency report's figures (JSON, CSV, PDF) equal to counts computed here from what the API answered; the
 * pages in Arabic and French on both sides.
 */
@FusionCellTest
@Tag("persistence")
class ReferralLifeTest {

    static final String ARABIC = "انضموا إلى إخوانكم في الساحل، الطريق مفتوح والمال متوفر، راسلونا على الخاص";
    static final String FRENCH = "Gloire aux martyrs de l'attaque, que leur exemple soit suivi par les jeunes";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Referrals referrals;
    @Autowired
    WebApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReferralLivesItsWholeLifeAndTheTransparencyReportCountsIt() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        BearerApi api = new BearerApi(port);
        String cell = fx.organisation("Cellule " + UUID.randomUUID(), OrganisationType.STATE_AGENCY, "MR");
        String tawasul = fx.organisation("Tawasul " + UUID.randomUUID(), OrganisationType.TECHNOLOGY_PLATFORM, "MA");
        String other = fx.organisation("Autre plateforme", OrganisationType.TECHNOLOGY_PLATFORM, "FR");
        String analystId = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String supervisorId = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        String platformId = fx.user(tawasul, "UNCLASSIFIED", Set.of(Role.PLATFORM_PARTNER), Set.of());
        String analyst = fx.token(analystId, "read", "write");
        String supervisor = fx.token(supervisorId, "read", "write");
        String platform = fx.token(platformId, "read", "write");
        String otherPlatform = fx.token(fx.user(other, "UNCLASSIFIED", Set.of(Role.PLATFORM_PARTNER), Set.of()),
                "read", "write");

        // ---- bad content is refused naming the field, and nothing is written
        long before = count(api, analyst, tawasul);
        refused(api.send(analyst, "/api/v1/referrals/content", content("ftp://tawasul.example/x", tawasul, ARABIC)),
                400, "url");
        refused(api.send(analyst, "/api/v1/referrals/content", content("not a url", tawasul, ARABIC)), 400, "url");
        refused(api.send(analyst, "/api/v1/referrals/content", content("https://user:pw@tawasul.example/x", tawasul,
                ARABIC)), 400, "url");
        refused(api.send(analyst, "/api/v1/referrals/content", content("https://tawasul.example/x", cell, ARABIC)),
                400, "platformOrganisationId");
        Map<String, Object> future = content("https://tawasul.example/x", tawasul, ARABIC);
        future.put("capturedAt", Instant.now().plus(Duration.ofDays(2)).toString());
        refused(api.send(analyst, "/api/v1/referrals/content", future), 400, "capturedAt");
        refused(api.send(platform, "/api/v1/referrals/content", content("https://tawasul.example/x", tawasul, ARABIC)),
                403, null);
        assertThat(count(api, analyst, tawasul)).isEqualTo(before);

        // ---- recorded: URL normalised, language detected
        JsonNode c = json(api.send(analyst, "/api/v1/referrals/content",
                content("HTTPS://Tawasul.Example:443/p/./88213/../88214#comment-3", tawasul, ARABIC)), 201);
        String contentId = c.get("id").asString();
        assertThat(c.get("url").asString()).isEqualTo("https://tawasul.example/p/88214");
        assertThat(c.get("language").asString()).isEqualTo("ar");
        assertThat(json(api.send(analyst, "/api/v1/referrals/content", content("https://tawasul.example/v/1",
                tawasul, FRENCH)), 201).get("language").asString()).isEqualTo("fr");

        // ---- files: a screenshot kept by its SHA-256; a disguised file, an empty name and a huge file refused
        byte[] png = png();
        JsonNode file = json(upload(analyst, contentId, "capture.png", "image/png", png), 201);
        assertThat(file.get("mediaType").asString()).isEqualTo("image/png");
        assertThat(file.get("sha256").asString()).isEqualTo(sha256(png));
        refused(upload(analyst, contentId, "capture.png", "image/png",
                "MZ this is not an image at all".getBytes(StandardCharsets.UTF_8)), 400, "file");
        refused(upload(analyst, contentId, "script.sh", "text/x-sh",
                "#!/bin/sh\necho pwned\n".getBytes(StandardCharsets.UTF_8)), 400, "file");
        HttpResponse<String> huge = upload(analyst, contentId, "huge.txt", "text/plain", new byte[10 * 1024 * 1024 + 1]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(BearerApi.JSON.readTree(huge.body()).get("field").asString()).isEqualTo("file");
        assertThat(api.get(analyst, "/api/v1/referrals/content/" + contentId, 200).get("files")).hasSize(1);
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/referrals/content/" + contentId + "/files/" + file.get("id").asString()))
                .header("Authorization", "Bearer " + analyst).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(png);

        // ---- only content assessed in scope is referred; the assessment is checked against the policy
        String referPath = "/api/v1/referrals/content/" + contentId + "/referrals";
        refused(api.send(analyst, referPath, Map.of("basis", "Loi 2021-007, art. 12")), 409, null);
        String assessPath = "/api/v1/referrals/content/" + contentId + "/assessment";
        refused(api.send(analyst, assessPath, Map.of("inScope", true, "category", "heresy", "rationale", "r")), 400,
                "category");
        refused(api.send(analyst, assessPath, Map.of("inScope", true, "category", "listed-entity-content",
                "rationale", "r")), 400, "listedEntity");
        refused(api.send(analyst, assessPath, Map.of("inScope", true, "category", "recruitment")), 400, "rationale");
        json(api.send(analyst, assessPath, Map.of("inScope", false, "rationale", "Reportage")), 200);
        refused(api.send(analyst, referPath, Map.of("basis", "Loi 2021-007, art. 12")), 409, null);
        json(api.send(analyst, assessPath, Map.of("inScope", true, "category", "recruitment", "rationale",
                "Appel explicite à rejoindre un groupe armé")), 200);
        refused(api.send(analyst, referPath, Map.of("basis", "  ")), 400, "basis");
        refused(api.send(analyst, referPath, Map.of()), 400, "basis");

        // ---- referred
        JsonNode referral = json(api.send(analyst, referPath, Map.of("basis",
                "Loi n° 2021-007, art. 12 ; conditions d'utilisation, section 4")), 201);
        String id = referral.get("id").asString();
        assertThat(referral.get("state").asString()).isEqualTo("REFERRED");
        refused(api.send(analyst, referPath, Map.of("basis", "encore")), 409, null);

        // ---- the other platform sees nothing of it; the platform sees only what the referral discloses
        assertThat(api.get(otherPlatform, "/api/v1/platform/referrals", 200).get("total").asLong()).isZero();
        HttpResponse<String> notTheirs = api.fetch(otherPlatform, "/api/v1/platform/referrals/" + id);
        HttpResponse<String> absent = api.fetch(otherPlatform, "/api/v1/platform/referrals/" + UUID.randomUUID());
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(notTheirs.body().replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(absent.body().replaceAll("\"instance\":\"[^\"]*\"", ""));
        assertThat(api.send(otherPlatform, "/api/v1/platform/referrals/" + id + "/acknowledgement", "{}").statusCode())
                .isEqualTo(404);
        JsonNode mine = api.get(platform, "/api/v1/platform/referrals", 200);
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        JsonNode disclosed = mine.get("items").get(0);
        assertThat(disclosed.get("url").asString()).isEqualTo("https://tawasul.example/p/88214");
        assertThat(disclosed.get("capturedText").asString()).isEqualTo(ARABIC);
        assertThat(disclosed.get("category").asString()).isEqualTo("recruitment");
        assertThat(disclosed.get("basis").asString()).startsWith("Loi n° 2021-007");
        assertThat(disclosed.toString()).doesNotContain("Appel explicite", "marking", "RESTRICTED", analystId,
                "sha256", "rationale");
        assertThat(api.status(platform, "/api/v1/referrals/content/" + contentId)).isEqualTo(403);
        assertThat(api.status(analyst, "/api/v1/platform/referrals")).isEqualTo(403);
        // the platform's users were told, through monitoring's notices
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE recipient_user_id = :u AND item_id = :id"
                + " AND item_type = 'referral-new'").param("u", platformId).param("id", id).query(Long.class).single())
                .isEqualTo(1);

        // ---- outcome before acknowledgement refused; acknowledged once; outcome checked
        String p = "/api/v1/platform/referrals/" + id;
        refused(api.send(platform, p + "/outcome", Map.of("outcome", "REMOVED")), 409, null);
        assertThat(json(api.send(platform, p + "/acknowledgement", "{}"), 200).get("state").asString())
                .isEqualTo("ACKNOWLEDGED");
        refused(api.send(platform, p + "/acknowledgement", "{}"), 409, null);
        refused(api.send(platform, p + "/outcome", Map.of("outcome", "DELETED")), 400, "outcome");
        refused(api.send(platform, p + "/appeal", Map.of("appellant", "CONTENT_OWNER", "reason", "x")), 409, null);
        JsonNode actioned = json(api.send(platform, p + "/outcome", Map.of("outcome", "removed", "note",
                "Retiré : recrutement")), 200);
        assertThat(actioned.get("outcome").asString()).isEqualTo("REMOVED");

        // ---- appeal recorded by the platform for the owner, decided by a supervisor of the cell
        String decide = "/api/v1/referrals/" + id + "/appeal-decision";
        refused(api.send(supervisor, decide, Map.of("decision", "UPHELD", "reason", "x")), 409, null);
        refused(api.send(platform, p + "/appeal", Map.of("appellant", "CONTENT_OWNER")), 400, "reason");
        refused(api.send(platform, p + "/appeal", Map.of("appellant", "NEIGHBOUR", "reason", "x")), 400, "appellant");
        json(api.send(platform, p + "/appeal", Map.of("appellant", "CONTENT_OWNER", "reason",
                "L'auteur affirme citer le message pour le dénoncer")), 200);
        refused(api.send(analyst, decide, Map.of("decision", "UPHELD", "reason", "x")), 403, null);
        refused(api.send(supervisor, decide, Map.of("decision", "REINSTATED")), 400, "reason");
        JsonNode decided = json(api.send(supervisor, decide, Map.of("decision", "REINSTATED", "reason",
                "Citation critique : rétablir")), 200);
        assertThat(decided.get("state").asString()).isEqualTo("APPEAL_DECIDED");
        refused(api.send(supervisor, decide, Map.of("decision", "UPHELD", "reason", "x")), 409, null);
        assertThat(api.get(platform, p, 200).get("appealOutcome").asString()).isEqualTo("REINSTATED");

        // ---- re-check; every step with its actor, in order; time to action from referred to outcome
        refused(api.send(analyst, "/api/v1/referrals/" + id + "/rechecks", Map.of("note", "x")), 400, "stillOnline");
        JsonNode rechecked = json(api.send(analyst, "/api/v1/referrals/" + id + "/rechecks",
                Map.of("stillOnline", true, "note", "rétabli")), 200);
        assertThat(rechecked.get("stillOnline").asBoolean()).isTrue();
        List<String> steps = new ArrayList<>();
        rechecked.get("steps").forEach(s -> steps.add(s.get("step").asString() + " " + s.get("actorUserId").asString()));
        assertThat(steps).containsExactly("REFERRED " + analystId, "ACKNOWLEDGED " + platformId,
                "ACTIONED " + platformId, "APPEALED " + platformId, "APPEAL_DECIDED " + supervisorId,
                "RECHECKED " + analystId);
        Duration tta = Duration.between(Instant.parse(rechecked.get("referredAt").asString()),
                Instant.parse(rechecked.get("outcomeAt").asString()));
        assertThat(rechecked.get("timeToActionSeconds").asLong()).isEqualTo(tta.toSeconds());
        for (String[] actorStep : new String[][] {{analystId, "refer"}, {platformId, "acknowledge"},
                {platformId, "outcome"}, {platformId, "appeal"}, {supervisorId, "appeal-decision"},
                {analystId, "recheck"}}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE actor_user_id = :u AND outcome = 'OK'"
                            + " AND details LIKE :step").param("u", actorStep[0])
                    .param("step", "%\"step\":\"" + actorStep[1] + "\"%").query(Long.class).single())
                    .as("audited: %s", actorStep[1]).isGreaterThanOrEqualTo(1);
        }

        // ---- more referrals for the report, each computed here as the API answers
        Map<String, Long> byCategory = new TreeMap<>(Map.of("recruitment", 1L));
        Map<String, Long> byOutcome = new TreeMap<>(Map.of("REMOVED", 1L));
        List<Duration> times = new ArrayList<>(List.of(tta));
        String[][] more = {{"attack-glorification", "RESTRICTED"}, {"attack-glorification", "NO_VIOLATION"},
                {"incitement-to-violence", null}, {"recruitment", "REMOVED"}};
        String waiting = null;
        for (String[] m : more) {
            String cid = json(api.send(analyst, "/api/v1/referrals/content", content(
                    "https://tawasul.example/p/" + UUID.randomUUID(), tawasul, FRENCH)), 201).get("id").asString();
            json(api.send(analyst, "/api/v1/referrals/content/" + cid + "/assessment", Map.of("inScope", true,
                    "category", m[0], "rationale", "r")), 200);
            JsonNode r = json(api.send(analyst, "/api/v1/referrals/content/" + cid + "/referrals",
                    Map.of("basis", "Loi 2021-007")), 201);
            String rid = r.get("id").asString();
            byCategory.merge(m[0], 1L, Long::sum);
            if (m[1] == null) {
                waiting = rid;
                byOutcome.merge("PENDING", 1L, Long::sum);
                continue;
            }
            json(api.send(platform, "/api/v1/platform/referrals/" + rid + "/acknowledgement", "{}"), 200);
            JsonNode o = json(api.send(platform, "/api/v1/platform/referrals/" + rid + "/outcome",
                    Map.of("outcome", m[1])), 200);
            byOutcome.merge(m[1], 1L, Long::sum);
            times.add(Duration.between(Instant.parse(o.get("referredAt").asString()),
                    Instant.parse(o.get("outcomeAt").asString())));
        }
        times.sort(null);
        Duration median = times.size() % 2 == 1 ? times.get(times.size() / 2)
                : times.get(times.size() / 2 - 1).plus(times.get(times.size() / 2)).dividedBy(2);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = "?from=" + today.minusDays(1) + "&to=" + today;
        JsonNode report = api.get(analyst, "/api/v1/referrals/transparency" + period, 200);
        assertThat(report.get("referrals").asLong()).isEqualTo(5);
        assertThat(report.get("actioned").asLong()).isEqualTo(4);
        assertThat(report.get("appeals").asLong()).isEqualTo(1);
        assertThat(nonZero(report.get("byCategory"))).isEqualTo(byCategory);
        assertThat(nonZero(report.get("byOutcome"))).isEqualTo(byOutcome);
        assertThat(nonZero(report.get("byAppealOutcome"))).isEqualTo(Map.of("REINSTATED", 1L));
        assertThat(nonZero(report.get("byPlatform"))).hasSize(1).containsValue(5L);
        assertThat(Duration.parse(report.get("medianTimeToAction").asString())).isEqualTo(median);
        // a period before any referral counts nothing; bad periods are refused naming the field
        assertThat(api.get(analyst, "/api/v1/referrals/transparency?from=2020-01-01&to=2020-12-31", 200)
                .get("referrals").asLong()).isZero();
        refused(api.fetch(analyst, "/api/v1/referrals/transparency?from=2026-02-01&to=2026-01-01"), 400, "to");
        refused(api.fetch(analyst, "/api/v1/referrals/transparency?from=yesterday&to=2026-01-01"), 400, "from");

        HttpResponse<String> csv = api.fetch(analyst, "/api/v1/referrals/transparency.csv" + period + "&lang=fr");
        assertThat(csv.statusCode()).isEqualTo(200);
        Map<String, String> cells = new HashMap<>();
        for (String line : csv.body().replace("\uFEFF", "").split("\r\n")) {
            String[] f = line.split(",");
            cells.put(f[0] + "/" + f[1], f[f.length - 1]);
        }
        assertThat(cells).containsEntry("total/referrals", "5").containsEntry("total/appeals", "1")
                .containsEntry("category/attack-glorification", "2").containsEntry("outcome/PENDING", "1")
                .containsEntry("outcome/NO_VIOLATION", "1").containsEntry("appeal_outcome/REINSTATED", "1");
        assertThat(csv.body()).contains("Apologie d'un attentat");
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/referrals/transparency.pdf" + period + "&lang=fr"))
                .header("Authorization", "Bearer " + analyst).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Rapport de transparence", "Apologie d'un attentat", "Retiré");
        }

        // ---- reminders: claimed once per period, the platform and the analyst told
        Instant later = Instant.now().plus(Duration.ofDays(3));
        assertThat(referrals.remind(later)).isGreaterThanOrEqualTo(1);
        assertThat(referrals.remind(later)).isZero();
        assertThat(api.get(analyst, "/api/v1/referrals/" + waiting, 200).get("referrals").get(0).get("reminders")
                .asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE item_id = :id AND item_type ="
                        + " 'referral-reminder-1' AND recipient_user_id IN (:users)").param("id", waiting)
                .param("users", List.of(platformId, analystId)).query(Long.class).single()).isEqualTo(2);
        assertThat(referrals.remind(later.plus(Duration.ofDays(3)))).isGreaterThanOrEqualTo(1);

        // ---- the pages: the cell's in Arabic (right to left), the platform's in French
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        PageVisitor cellPages = new PageVisitor(mvc, analystId, cell, Role.ANALYST);
        String list = cellPages.page(get("/referrals").param("lang", "ar"), 200);
        assertThat(list).contains("dir=\"rtl\"", "المحتوى على الإنترنت والإحالات", "https://tawasul.example/p/88214");
        String page = cellPages.page(get("/referrals/content/" + contentId).param("lang", "ar"), 200);
        assertThat(page).contains(ARABIC, "أُعيد نشره", "capture.png");
        String bad = cellPages.page(post("/referrals/content").with(csrf()).param("lang", "fr").param("url", "javascript:alert(1)")
                .param("platformOrganisationId", tawasul).param("classification", "RESTRICTED")
                .param("tlp", "AMBER"), 200);
        assertThat(bad).contains("Vérifiez le champ url", "must start with http");
        String report2 = cellPages.page(get("/referrals/transparency").param("from", today.minusDays(1).toString())
                .param("to", today.toString()).param("lang", "fr"), 200);
        assertThat(report2).contains("Rapport de transparence", "Apologie d&#39;un attentat");
        String sent = cellPages.page(get("/referrals/sent").param("state", "APPEAL_DECIDED").param("lang", "fr"), 200);
        assertThat(sent).contains("1 signalements", "Recours tranché", "Retiré", "Recrutement");
        assertThat(cellPages.perform(get("/platform/referrals")).getResponse().getStatus()).isEqualTo(403);
        PageVisitor platformPages = new PageVisitor(mvc, platformId, tawasul, Role.PLATFORM_PARTNER);
        String theirs = platformPages.page(get("/platform/referrals").param("lang", "fr"), 200);
        assertThat(theirs).contains("Signalements adressés à votre plateforme", "5 signalements");
        String one = platformPages.page(get("/platform/referrals/" + waiting).param("lang", "fr"), 200);
        assertThat(one).contains("Incitation à la violence", "Loi 2021-007", "Accuser réception");
        assertThat(platformPages.redirect(post("/platform/referrals/" + waiting + "/acknowledgement").with(csrf())))
                .isEqualTo("/platform/referrals/" + waiting);
        String early = platformPages.page(post("/platform/referrals/" + waiting + "/appeal").with(csrf()).param("lang", "fr")
                .param("appellant", "PLATFORM").param("reason", "x"), 200);
        assertThat(early).contains("ne suit pas l&#39;état actuel");
        assertThat(platformPages.perform(get("/referrals")).getResponse().getStatus()).isEqualTo(403);
    }

    private static Map<String, Long> nonZero(JsonNode counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.properties().forEach(e -> {
            if (e.getValue().asLong() != 0) {
                out.put(e.getKey(), e.getValue().asLong());
            }
        });
        return out;
    }

    static Map<String, Object> content(String url, String platform, String text) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("url", url);
        b.put("platformOrganisationId", platform);
        b.put("account", "@nasr_al_ghad");
        b.put("capturedText", text);
        b.put("marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER"));
        return b;
    }

    private long count(BearerApi api, String token, String platform) throws Exception {
        return api.get(token, "/api/v1/referrals/content/count?platform=" + platform, 200).get("count").asLong();
    }

    private static JsonNode json(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return BearerApi.JSON.readTree(r.body());
    }

    private static void refused(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode p = BearerApi.JSON.readTree(r.body());
        assertThat(p.get("detail").asString()).as("the reason is given").isNotBlank();
        if (field != null) {
            assertThat(p.get("field").asString()).isEqualTo(field);
        }
    }

    private HttpResponse<String> upload(String token, String contentId, String name, String type, byte[] bytes)
            throws Exception {
        String boundary = "----fc" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/referrals/content/"
                        + contentId + "/files")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
