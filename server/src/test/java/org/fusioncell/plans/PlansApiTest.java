package org.fusioncell.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * A national PVE plan end to end over the API: drafted by the cell's analyst with the seven UN priority areas,
 * objectives, outputs and actions funded in two currencies, indicators measured with a breakdown by sex and age;
 * progress and funding rolled up; validated and adopted by two supervisors other than the last author; bad input
 * names the field and writes nothing; another organisation learns nothing of the restricted draft.
 */
@FusionCellTest
@Tag("persistence")
class PlansApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private BearerApi api;

    private static String cell;
    private static String analyst;
    private static String supervisor;
    private static String supervisor2;
    private static String customs;
    private static String liaison;

    @BeforeEach
    void world() {
        api = new BearerApi(port);
        if (cell != null) {
            return;
        }
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        cell = fx.organisation("Commission nationale de prévention de l'extrémisme violent",
                OrganisationType.STATE_AGENCY, "MR");
        String other = fx.organisation("Douanes", OrganisationType.STATE_AGENCY, "MR");
        analyst = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        supervisor = fx.token(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        supervisor2 = fx.token(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        liaison = fx.token(fx.user(cell, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of()), "read", "write");
        customs = fx.token(fx.user(other, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
    }

    static Map<String, Object> planBody(String title) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", title);
        b.put("scope", "NATIONAL");
        b.put("country", "MR");
        b.put("versionLabel", "2026-1");
        b.put("language", "fr");
        b.put("periodStart", "2025-01-01");
        b.put("periodEnd", "2029-12-31");
        b.put("marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER"));
        return b;
    }

    static Map<String, Object> actionBody(String output, String currency, String budget, String funded,
                                          String pledged) {
        Map<String, Object> b = new HashMap<>();
        b.put("outputId", output);
        b.put("title", "Former 400 jeunes leaders communautaires au dialogue interreligieux");
        b.put("leadBody", "Ministère des Affaires islamiques et de l'Enseignement originel");
        b.put("partners", List.of(Map.of("name", "جمعية شباب من أجل السلام", "sector", "CIVIL_SOCIETY"),
                Map.of("name", "PNUD Mauritanie", "sector", "UN_ENTITY")));
        b.put("startDate", "2025-03-01");
        b.put("endDate", "2026-12-31");
        b.put("budget", budget);
        b.put("currency", currency);
        b.put("funded", funded);
        b.put("pledged", pledged);
        b.put("donor", "Union européenne");
        b.put("status", "ONGOING");
        b.put("risks", "Insécurité dans le Hodh Ech Chargui.");
        return b;
    }

    private String post(String token, String path, Object body) throws Exception {
        return BearerApi.created(api.send(token, path, body));
    }

    private JsonNode problem(String token, String path, Object body, int status) throws Exception {
        HttpResponse<String> r = api.send(token, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return BearerApi.JSON.readTree(r.body());
    }

    /** A plan with one objective, one output and one action; returns plan id, output id, action id. */
    private List<String> planWithAction(String title) throws Exception {
        String plan = post(analyst, "/api/v1/plans", planBody(title));
        String objective = post(analyst, "/api/v1/plans/" + plan + "/objectives", Map.of("areaCode",
                "empowering-youth", "title", "Renforcer la participation des jeunes à la vie publique"));
        String output = post(analyst, "/api/v1/plans/" + plan + "/outputs", Map.of("objectiveId", objective,
                "title", "Des conseils locaux de jeunes sont actifs dans 15 moughataas"));
        String action = post(analyst, "/api/v1/plans/" + plan + "/actions",
                actionBody(output, "MRU", "12000000.00", "8000000", "2500000"));
        return List.of(plan, output, action);
    }

    @Test
    void aPlanStartsWithTheSevenUnPriorityAreasInThreeLanguages() throws Exception {
        String plan = post(analyst, "/api/v1/plans", planBody("Stratégie nationale de prévention de l'extrémisme violent"));
        JsonNode p = api.get(analyst, "/api/v1/plans/" + plan, 200);
        assertThat(p.get("status").asString()).isEqualTo("DRAFTING");
        assertThat(p.get("marking").get("banner").asString()).isEqualTo("RESTRICTED // TLP:AMBER");
        JsonNode areas = p.get("areas");
        assertThat(areas).hasSize(7);
        assertThat(areas.get(0).get("labelEn").asString()).isEqualTo("Dialogue and conflict prevention");
        assertThat(areas.get(3).get("labelAr").asString()).isEqualTo("تمكين الشباب");
        assertThat(areas.get(4).get("labelFr").asString()).isEqualTo("Égalité des sexes et autonomisation des femmes");
        assertThat(p.get("progress").isNull()).isTrue();
    }

    @Test
    void progressAndFundingRollUpPerCurrencyFromMeasuredIndicators() throws Exception {
        List<String> ids = planWithAction("Plan d'action national 2025-2029");
        String plan = ids.get(0);
        String eurAction = post(analyst, "/api/v1/plans/" + plan + "/actions",
                actionBody(ids.get(1), "EUR", "250000", "0", "100000.50"));
        String youth = post(analyst, "/api/v1/plans/" + plan + "/indicators", Map.of("actionId", ids.get(2),
                "name", "Jeunes formés au dialogue", "unit", "personnes", "baseline", "0", "target", "400",
                "frequency", "QUARTERLY"));
        // a decreasing indicator: incidents of hate speech reported, from 80 down to 20
        String hate = post(analyst, "/api/v1/plans/" + plan + "/indicators", Map.of("actionId", ids.get(2),
                "name", "Signalements de discours haineux", "unit", "signalements", "baseline", "80", "target", "20",
                "frequency", "ANNUAL"));
        String m = "/api/v1/plans/" + plan + "/indicators/";
        post(analyst, m + youth + "/measurements", Map.of("measuredOn", "2025-06-30", "value", "100",
                "evidence", "Listes de présence des sessions de Kiffa et Néma"));
        post(analyst, m + youth + "/measurements", Map.of("measuredOn", "2025-12-31", "value", "300",
                "evidence", "Rapport trimestriel du ministère"));
        // a breakdown of the same date: female youth; it is not the total and does not drive progress
        post(analyst, m + youth + "/measurements", Map.of("measuredOn", "2025-12-31", "value", "140",
                "sex", "female", "ageGroup", "YOUTH_15_24", "area", "الحوض الشرقي",
                "evidence", "تقرير الوزارة الفصلي"));
        post(analyst, m + hate + "/measurements", Map.of("measuredOn", "2025-12-31", "value", "50",
                "evidence", "Observatoire national des médias"));

        JsonNode p = api.get(analyst, "/api/v1/plans/" + plan, 200);
        JsonNode youthArea = p.get("areas").get(3);
        JsonNode action = youthArea.get("objectives").get(0).get("outputs").get(0).get("actions").get(0);
        JsonNode indicators = action.get("indicators");
        assertThat(indicators.get(0).get("progress").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(indicators.get(0).get("latest").get("value").decimalValue()).isEqualByComparingTo("300");
        assertThat(indicators.get(0).get("measurements")).hasSize(3);
        assertThat(indicators.get(1).get("progress").asDouble()).isCloseTo(0.5, within(1e-9));
        // action = mean of its indicators; the unmeasured EUR action is left out of the output's mean
        assertThat(action.get("progress").asDouble()).isCloseTo(0.625, within(1e-9));
        assertThat(youthArea.get("progress").asDouble()).isCloseTo(0.625, within(1e-9));
        assertThat(p.get("progress").asDouble()).isCloseTo(0.625, within(1e-9));
        assertThat(action.get("gap").decimalValue()).isEqualByComparingTo("4000000");

        Map<String, JsonNode> funding = new HashMap<>();
        p.get("funding").forEach(f -> funding.put(f.get("currency").asString(), f));
        assertThat(funding).containsOnlyKeys("EUR", "MRU");
        assertThat(funding.get("MRU").get("budget").decimalValue()).isEqualByComparingTo("12000000");
        assertThat(funding.get("MRU").get("gap").decimalValue()).isEqualByComparingTo("4000000");
        assertThat(funding.get("MRU").get("pledged").decimalValue()).isEqualByComparingTo("2500000");
        assertThat(funding.get("EUR").get("gap").decimalValue()).isEqualByComparingTo("250000");
        assertThat(funding.get("EUR").get("pledged").decimalValue()).isEqualByComparingTo("100000.50");
        assertThat(funding.get("MRU").get("overlap").decimalValue()).isZero();
        assertThat(eurAction).isNotBlank();

        // a donor overlap: 200000 funded and 100000 pledged on a 250000 budget is 50000 promised twice over
        post(analyst, "/api/v1/plans/" + plan + "/actions", actionBody(ids.get(1), "EUR", "250000", "200000",
                "100000"));
        JsonNode overlapping = api.get(analyst, "/api/v1/plans/" + plan, 200);
        overlapping.get("funding").forEach(f -> funding.put(f.get("currency").asString(), f));
        assertThat(funding.get("EUR").get("overlap").decimalValue()).isEqualByComparingTo("50000");
        assertThat(funding.get("EUR").get("gap").decimalValue()).isEqualByComparingTo("300000");
        assertThat(funding.get("EUR").get("actions").asInt()).isEqualTo(2);

        // a measurement beyond the target counts as complete, not more
        post(analyst, m + youth + "/measurements", Map.of("measuredOn", "2026-03-31", "value", "520",
                "evidence", "Rapport trimestriel du ministère"));
        JsonNode after = api.get(analyst, "/api/v1/plans/" + plan, 200);
        assertThat(after.get("progress").asDouble()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() throws Exception {
        List<String> ids = planWithAction("Plan régional du Hodh");
        String plan = ids.get(0);
        long before = jdbc.sql("SELECT COUNT(*) FROM plans_action").query(Long.class).single();
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/actions",
                actionBody(ids.get(1), "ABC", "1000", "0", "0"), 400).get("field").asString()).isEqualTo("currency");
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/actions",
                actionBody(ids.get(1), "MRU", "-5", "0", "0"), 400).get("field").asString()).isEqualTo("budget");
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/actions",
                actionBody(ids.get(1), "MRU", "100", "200", "0"), 400).get("field").asString()).isEqualTo("funded");
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/actions",
                actionBody(ids.get(1), "XOF", "100.50", "0", "0"), 400).get("field").asString()).isEqualTo("budget");
        Map<String, Object> late = actionBody(ids.get(1), "MRU", "100", "0", "0");
        late.put("endDate", "2031-01-01");
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/actions", late, 400).get("field").asString())
                .isEqualTo("endDate");
        Map<String, Object> partner = actionBody(ids.get(1), "MRU", "100", "0", "0");
        partner.put("partners", List.of(Map.of("name", "Croissant-Rouge", "sector", "NGO")));
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/actions", partner, 400).get("field").asString())
                .isEqualTo("partners[0].sector");
        Map<String, Object> reversed = actionBody(ids.get(1), "MRU", "100", "0", "0");
        reversed.put("startDate", "2026-06-01");
        reversed.put("endDate", "2026-01-01");
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/actions", reversed, 400).get("field").asString())
                .isEqualTo("endDate");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plans_action").query(Long.class).single()).isEqualTo(before);
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/objectives", Map.of("areaCode", "counter-narcotics",
                "title", "Objectif hors des domaines du plan"), 400).get("field").asString()).isEqualTo("areaCode");
        Map<String, Object> noUnit = new HashMap<>(Map.of("actionId", ids.get(2), "name", "Écoles couvertes",
                "baseline", "12", "target", "40", "frequency", "ANNUAL"));
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/indicators", noUnit, 400).get("field").asString())
                .isEqualTo("unit");

        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/indicators", Map.of("actionId", ids.get(2),
                "name", "Écoles couvertes", "unit", "écoles", "baseline", "12", "target", "12.0",
                "frequency", "ANNUAL"), 400).get("field").asString()).isEqualTo("target");
        String indicator = post(analyst, "/api/v1/plans/" + plan + "/indicators", Map.of("actionId", ids.get(2),
                "name", "Écoles couvertes", "unit", "écoles", "baseline", "12", "target", "40",
                "frequency", "annual"));
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/indicators/" + indicator + "/measurements",
                Map.of("measuredOn", "2024-12-31", "value", "15", "evidence", "Rapport"), 400)
                .get("field").asString()).isEqualTo("measuredOn");
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/indicators/" + indicator + "/measurements",
                Map.of("measuredOn", "2025-12-31", "value", "15", "sex", "X", "evidence", "Rapport"), 400)
                .get("field").asString()).isEqualTo("sex");
        assertThat(problem(analyst, "/api/v1/plans/" + plan + "/status", Map.of("status", "ADOPTED", "version", 4),
                400).get("field").asString()).isEqualTo("status");
        Map<String, Object> region = planBody("Plan régional");
        region.put("scope", "REGIONAL");
        assertThat(problem(analyst, "/api/v1/plans", region, 400).get("field").asString()).isEqualTo("region");
        Map<String, Object> period = planBody("Plan sans période");
        period.put("periodEnd", "2024-01-01");
        assertThat(problem(analyst, "/api/v1/plans", period, 400).get("field").asString()).isEqualTo("periodEnd");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plans_measurement WHERE indicator_id = :i").param("i", indicator)
                .query(Long.class).single()).isZero();
    }

    @Test
    void validationAndAdoptionTakeTwoSupervisorsOtherThanTheLastAuthor() throws Exception {
        String plan = planWithAction("Stratégie nationale 2026").get(0);
        String status = "/api/v1/plans/" + plan + "/status";
        int version = api.get(analyst, "/api/v1/plans/" + plan, 200).get("version").asInt();
        JsonNode consultation = BearerApi.JSON.readTree(api.send(analyst, status,
                Map.of("status", "CONSULTATION", "version", version)).body());
        version = consultation.get("version").asInt();
        assertThat(problem(analyst, status, Map.of("status", "VALIDATED", "version", version), 403)
                .get("type").asString()).endsWith("/not-supervisor");
        assertThat(problem(liaison, status, Map.of("status", "DRAFTING", "version", version), 403)
                .get("type").asString()).endsWith("/not-coordinator");
        assertThat(problem(supervisor, status, Map.of("status", "VALIDATED", "version", version - 1), 409)
                .get("currentVersion").asInt()).isEqualTo(version);
        JsonNode validated = BearerApi.JSON.readTree(api.send(supervisor, status,
                Map.of("status", "VALIDATED", "version", version)).body());
        assertThat(validated.get("status").asString()).isEqualTo("VALIDATED");
        version = validated.get("version").asInt();
        assertThat(problem(supervisor, status, Map.of("status", "ADOPTED", "version", version), 403)
                .get("type").asString()).endsWith("/four-eyes");
        // adopted and published to every organisation: TLP:CLEAR
        HttpResponse<String> adopted = api.send(supervisor2, status, Map.of("status", "ADOPTED", "version", version,
                "marking", Map.of("classification", "UNCLASSIFIED", "tlp", "CLEAR")));
        assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(200);
        assertThat(api.get(customs, "/api/v1/plans/" + plan, 200).get("status").asString()).isEqualTo("ADOPTED");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE object_type = 'plan' AND outcome = 'REFUSED'
                AND object_ids LIKE :p""").param("p", "%" + plan + "%").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void anotherOrganisationLearnsNothingOfARestrictedDraft() throws Exception {
        List<String> ids = planWithAction("Projet de plan confidentiel");
        String plan = ids.get(0);
        api.get(analyst, "/api/v1/plans/" + plan, 200);
        assertThat(api.status(customs, "/api/v1/plans/" + plan)).isEqualTo(404);
        assertThat(api.status(customs, "/api/v1/plans/" + plan + "/actions.csv")).isEqualTo(404);
        assertThat(api.status(customs, "/api/v1/plans/" + plan + "/iati.xml")).isEqualTo(404);
        List<String> listed = new ArrayList<>();
        api.get(customs, "/api/v1/plans?size=500", 200).get("items").forEach(i -> listed.add(i.get("id").asString()));
        assertThat(listed).doesNotContain(plan);
        assertThat(problem(customs, "/api/v1/plans/" + plan + "/objectives", Map.of("areaCode",
                "empowering-youth", "title", "x"), 404).get("status").asInt()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE object_type = 'plan' AND action = 'CONSULTATION'"
                + " AND object_ids LIKE :p").param("p", "%" + plan + "%").query(Long.class).single()).isPositive();
    }

    @Test
    void csvExportListsEveryActionWithFundingAndArabicIntact() throws Exception {
        List<String> ids = planWithAction("Plan national — export");
        HttpResponse<String> r = api.fetch(analyst, "/api/v1/plans/" + ids.get(0) + "/actions.csv?lang=ar");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-FusionCell-Marking")).hasValue("RESTRICTED // TLP:AMBER");
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("\uFEFFplan_id,plan_title,priority_area");
        assertThat(lines[1]).contains(ids.get(2), "تمكين الشباب", "MRU,12000000.00,8000000.00,2500000.00,4000000.00",
                "جمعية شباب من أجل السلام (CIVIL_SOCIETY); PNUD Mauritanie (UN_ENTITY)");
    }

    @Test
    void thePlanPrintsAsAnArabicPdfUnderItsMarking() throws Exception {
        Map<String, Object> body = planBody("الخطة الوطنية لمنع التطرف العنيف");
        body.put("language", "ar");
        String plan = post(analyst, "/api/v1/plans", body);
        String objective = post(analyst, "/api/v1/plans/" + plan + "/objectives", Map.of("areaCode",
                "empowering-youth", "title", "تعزيز مشاركة الشباب في الحياة العامة"));
        String output = post(analyst, "/api/v1/plans/" + plan + "/outputs", Map.of("objectiveId", objective,
                "title", "مجالس شبابية محلية نشطة"));
        post(analyst, "/api/v1/plans/" + plan + "/actions", actionBody(output, "MRU", "12000000", "8000000", "0"));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/plans/" + plan + "/document.pdf?lang=ar"))
                .header("Authorization", "Bearer " + analyst).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(document).replaceAll("\\s+", " "),
                    Normalizer.Form.NFC);
            assertThat(text).contains("RESTRICTED // TLP:AMBER", "الخطة الوطنية لمنع التطرف العنيف", "تمكين الشباب",
                    "تعزيز مشاركة الشباب في الحياة العامة", "12000000.00", "4000000.00");
        }
        assertThat(api.status(customs, "/api/v1/plans/" + plan + "/document.pdf")).isEqualTo(404);
    }
}
