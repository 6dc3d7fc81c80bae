package org.fusioncell.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Civil-society submissions end to end: an anonymous observation in Arabic with the sender's name, contact and a
 * photo through the public form (CSRF token required; a wrong file type and an over-size file named); a signed-in
 * contributor's submission over the API (bad input named, nothing kept); the contributor sees only their own and
 * its status, another organisation's analyst nothing; the cell triages, refuses "no action" without a reason and
 * turns one into a report that names the submission and not its sender; the identity stays sealed in the database
 * and opens only for the cell's data-protection officer, the reveal audited with its justification.
 */
@FusionCellTest
@Tag("persistence")
class SubmissionsTest {

    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final String ARABIC = "لاحظنا في حي الرياض بنواكشوط شبانًا يوزعون منشورات تدعو إلى الانضمام إلى جماعة مسلحة.";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSubmissionIsSentTriagedAndTurnedIntoAReportWithoutItsSender() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        BearerApi api = new BearerApi(port);
        String cell = fx.organisation("Submissions test cell", OrganisationType.STATE_AGENCY, "MR");
        jdbc.sql("UPDATE identity_organisation SET sector = 'INTELLIGENCE' WHERE id = :id").param("id", cell).update();
        String partnerCell = fx.organisation("Submissions test partner cell", OrganisationType.PARTNER_FUSION_CELL, "SN");
        String other = fx.organisation("Submissions test police", OrganisationType.STATE_AGENCY, "MR");
        String cso = fx.organisation("Réseau de test", OrganisationType.CIVIL_SOCIETY_ORGANISATION, "MR");
        String analyst = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String dpoUser = fx.user(cell, "SECRET", Set.of(Role.DATA_PROTECTION_OFFICER), Set.of());
        String dpo = fx.token(dpoUser, "read", "write");
        String otherAnalyst = fx.token(fx.user(other, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String contributor = fx.token(fx.user(cso, "UNCLASSIFIED", Set.of(Role.CIVIL_SOCIETY_CONTRIBUTOR), Set.of()),
                "read", "write");
        String contributor2 = fx.token(fx.user(cso, "UNCLASSIFIED", Set.of(Role.CIVIL_SOCIETY_CONTRIBUTOR), Set.of()),
                "read", "write");

        // the public form: no login, a CSRF token, a checked file
        PublicForm visitor = new PublicForm(port);
        HttpResponse<String> page = visitor.get("/contribute?lang=ar");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dir=\"rtl\"", "تقديم بلاغ", "name=\"viewport\"");
        assertThat(page.body()).as("the public form offers the cell, never a partner cell").contains(cell)
                .doesNotContain(partnerCell, "Submissions test partner cell");
        Map<String, String> fields = new HashMap<>(Map.of("cellOrganisationId", cell, "kind", "RECRUITMENT_ATTEMPT",
                "language", "ar", "text", ARABIC, "place", "تفرغ زينة", "observedOn", "2026-10-02",
                "name", "مريم بنت أحمد", "contact", "+222 22 33 44 55"));
        long before = count();
        assertThat(visitor.post(fields, null, null, null).statusCode()).as("no CSRF token").isEqualTo(403);
        String token = visitor.token();
        HttpResponse<String> wrongType = visitor.post(fields, token, "note.png", "not an image".getBytes());
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("id=\"contribute-error\"", "صورة أو وثيقة");
        HttpResponse<String> tooBig = visitor.post(fields, token, "big.png", new byte[5 * 1024 * 1024 + 1]);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("id=\"contribute-error\"", "5242880");
        Map<String, String> toPartner = new HashMap<>(fields);
        toPartner.put("cellOrganisationId", partnerCell);
        assertThat(visitor.post(toPartner, token, null, null).statusCode()).isEqualTo(400);
        assertThat(count()).as("nothing kept from refused posts").isEqualTo(before);
        HttpResponse<String> sent = visitor.post(fields, token, "photo.png", PNG);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        Matcher ref = Pattern.compile("id=\"contribute-reference\">([^<]+)<").matcher(sent.body());
        assertThat(ref.find()).isTrue();
        String anonymous = ref.group(1);

        // a signed-in contributor over the API; bad input named, nothing kept
        Map<String, Object> body = new HashMap<>(Map.of("cellOrganisationId", cell, "kind", "HATE_SPEECH_TREND",
                "language", "fr", "text", "Hausse des messages haineux visant les réfugiés sur les groupes locaux.",
                "name", "Amadou Ba", "contact", "amadou@example.org"));
        assertField(api.send(contributor, "/api/v1/submissions", with(body, "kind", "RUMOUR")), "kind");
        assertField(api.send(contributor, "/api/v1/submissions", with(body, "language", "de")), "language");
        assertField(api.send(contributor, "/api/v1/submissions", with(body, "text", "x".repeat(4001))), "text");
        assertField(api.send(contributor, "/api/v1/submissions",
                with(body, "cellOrganisationId", other)), "cellOrganisationId");
        assertThat(count()).isEqualTo(before + 1);
        String signed = BearerApi.created(api.send(contributor, "/api/v1/submissions", body));
        assertThat(api.send(analyst, "/api/v1/submissions", body).statusCode()).as("contributors only").isEqualTo(403);

        // sealed: neither name nor contact in the database in the clear
        String row = jdbc.sql("SELECT CONCAT(text, '|', COALESCE(identity_sealed, ''), '|', COALESCE(place, '')) "
                + "FROM submissions_submission WHERE id = :id").param("id", anonymous).query(String.class).single();
        assertThat(row).doesNotContain("مريم", "+222").contains("تفرغ زينة");

        // who sees what
        assertThat(ids(api.get(contributor, "/api/v1/submissions", 200))).containsExactly(signed);
        assertThat(ids(api.get(contributor2, "/api/v1/submissions", 200))).isEmpty();
        assertThat(api.status(contributor2, "/api/v1/submissions/" + signed)).isEqualTo(404);
        assertThat(ids(api.get(otherAnalyst, "/api/v1/submissions", 200))).doesNotContain(signed, anonymous);
        assertThat(api.status(otherAnalyst, "/api/v1/submissions/" + anonymous)).isEqualTo(404);
        assertThat(ids(api.get(analyst, "/api/v1/submissions", 200))).containsExactly(signed, anonymous);
        JsonNode seenByCell = api.get(analyst, "/api/v1/submissions/" + anonymous, 200);
        assertThat(seenByCell.get("text").asString()).isEqualTo(ARABIC);
        assertThat(seenByCell.get("attachment").get("mediaType").asString()).isEqualTo("image/png");
        assertThat(seenByCell.toString()).doesNotContain("مريم", "+222");
        assertThat(api.get(analyst, "/api/v1/submissions/" + signed, 200).get("contributorOrganisationId").asString())
                .isEqualTo(cso);
        assertThat(api.fetch(analyst, "/api/v1/submissions/" + anonymous + "/attachment").statusCode()).isEqualTo(200);
        assertThat(api.status(otherAnalyst, "/api/v1/submissions/" + anonymous + "/attachment")).isEqualTo(404);

        // triage
        HttpResponse<String> review = api.send(analyst, "/api/v1/submissions/" + signed + "/triage",
                Map.of("status", "IN_REVIEW"));
        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
        assertField(api.send(analyst, "/api/v1/submissions/" + signed + "/triage",
                Map.of("status", "NO_ACTION")), "reason");
        assertThat(api.send(otherAnalyst, "/api/v1/submissions/" + signed + "/triage",
                Map.of("status", "NO_ACTION", "reason", "x")).statusCode()).isEqualTo(404);
        assertThat(api.send(analyst, "/api/v1/submissions/" + signed + "/triage",
                Map.of("status", "NO_ACTION", "reason", "Déjà connu : tendance suivie par la cellule.")).statusCode())
                .isEqualTo(200);
        JsonNode forContributor = api.get(contributor, "/api/v1/submissions/" + signed, 200);
        assertThat(forContributor.get("status").asString()).isEqualTo("NO_ACTION");
        assertThat(forContributor.get("statusReason").isNull()).as("the cell's reason stays with the cell").isTrue();

        HttpResponse<String> made = api.send(analyst, "/api/v1/submissions/" + anonymous + "/report",
                Map.of("title", "محاولة تجنيد في تفرغ زينة"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        String reportId = BearerApi.JSON.readTree(made.body()).get("reportId").asString();
        assertThat(api.send(analyst, "/api/v1/submissions/" + anonymous + "/report", Map.of()).statusCode())
                .as("a closed submission stays closed").isEqualTo(409);
        JsonNode report = api.get(analyst, "/api/v1/reports/" + reportId, 200);
        assertThat(report.toString()).contains(anonymous, "حي الرياض").doesNotContain("مريم", "+222");

        // the identity: the cell's data-protection officer only, audited with the justification
        assertThat(api.send(analyst, "/api/v1/submissions/" + anonymous + "/identity",
                Map.of("justification", "x")).statusCode()).isEqualTo(403);
        assertThat(api.send(otherAnalyst, "/api/v1/submissions/" + anonymous + "/identity",
                Map.of("justification", "x")).statusCode()).isEqualTo(404);
        assertField(api.send(dpo, "/api/v1/submissions/" + anonymous + "/identity", Map.of()),
                "justification");
        HttpResponse<String> revealed = api.send(dpo, "/api/v1/submissions/" + anonymous + "/identity",
                Map.of("justification", "Réquisition judiciaire n° 2026/118"));
        assertThat(revealed.statusCode()).as(revealed.body()).isEqualTo(200);
        JsonNode identity = BearerApi.JSON.readTree(revealed.body());
        assertThat(identity.get("name").asString()).isEqualTo("مريم بنت أحمد");
        assertThat(identity.get("contact").asString()).isEqualTo("+222 22 33 44 55");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'DISCLOSURE' AND actor_user_id = :u "
                        + "AND object_ids LIKE :id AND justification = 'Réquisition judiciaire n° 2026/118'")
                .param("u", dpoUser).param("id", "%" + anonymous + "%").query(Long.class).single()).isEqualTo(1);
    }

    static void assertField(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(r.body()).get("field").asString()).as(r.body()).isEqualTo(field);
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM submissions_submission").query(Long.class).single();
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> out = new HashMap<>(m);
        out.put(key, value);
        return out;
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asString()));
        return out;
    }
}
