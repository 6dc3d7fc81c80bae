package org.fusioncell.safeguards.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.Reports;
import org.fusioncell.safeguards.OversightCell;
import org.fusioncell.safeguards.OversightSection;
import org.fusioncell.safeguards.OversightTable;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Review of holdings: reports reported four years ago reach their review date (three years); the holder's
 * supervisors are told once; a supervisor confirms one, may not delete the one under a legal hold, deletes another;
 * a report withheld from the supervisor shows its id only; the officer sees what is overdue. The oversight
 * section's figures equal what the test did.
 */
@FusionCellTest
@Tag("persistence")
class RetentionReviewTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HoldingReviews reviews;
    @Autowired
    Reports reports;
    @Autowired
    Readers readers;
    @Autowired
    List<OversightSection> sections;

    @Test
    void dueReportsAreToldOnceConfirmedOrDeletedAndOverdueOnesReportedToTheOfficer() throws Exception {
        Instant start = Instant.now().minusMillis(1);
        BearerApi api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("مديرية الاستعلامات", OrganisationType.STATE_AGENCY, "MR");
        String other = fx.organisation("Gendarmerie nationale", OrganisationType.STATE_AGENCY, "MR");
        String analystId = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String analyst = fx.token(analystId, "read", "write");
        String supervisorId = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        String supervisor = fx.token(supervisorId, "read", "write");
        String outsider = fx.token(fx.user(other, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        String dpoId = fx.user(cell, "SECRET", Set.of(Role.DATA_PROTECTION_OFFICER), Set.of());
        String dpo = fx.token(dpoId, "read", "write");

        // the register: every signed-in user reads it; the report's period is intake's one setting
        JsonNode register = api.get(analyst, "/api/v1/safeguards/retention", 200);
        Map<String, JsonNode> rules = new HashMap<>();
        register.forEach(r -> rules.put(r.get("type").asString(), r));
        assertThat(rules.keySet()).containsExactlyInAnyOrder("report", "entity", "incident", "alert", "case",
                "screening-run", "request-for-information", "civil-society-submission", "audit-record");
        assertThat(rules.get("report").get("period").asString()).isEqualTo("P5Y");
        assertThat(rules.get("report").get("periodSetting").asString()).isEqualTo("fusioncell.intake.retention-default");
        assertThat(rules.get("report").get("reviewPeriod").asString()).isEqualTo("P3Y");
        assertThat(rules.get("screening-run").get("enforcement").asString()).isEqualTo("PURGE");
        assertThat(rules.get("screening-run").get("period").asString()).isEqualTo("P5Y");
        for (String purged : List.of("incident", "alert", "case", "request-for-information", "civil-society-submission")) {
            assertThat(rules.get(purged).get("enforcement").asString()).as(purged).isEqualTo("PURGE");
        }
        assertThat(rules.get("audit-record").get("enforcement").asString()).isEqualTo("NEVER");
        assertThat(rules.get("audit-record").get("period").isNull()).isTrue();
        assertThat(api.status(null, "/api/v1/safeguards/retention")).isEqualTo(401);

        String confirmed = report(api, analyst, "تقرير عن شبكة تمويل في نواذيبو", Map.of());
        String held = report(api, analyst, "تقرير عن تهريب الوقود عبر الحدود الشرقية", Map.of());
        String withheld = report(api, analyst, "مصدر بشري في منطقة الحوض", Map.of("users", List.of(analystId)));
        String manual = report(api, analyst, "Rapport dupliqué par erreur", Map.of());
        // reported four years ago: past the three-year review period
        for (String id : List.of(confirmed, held, withheld)) {
            jdbc.sql("UPDATE intake_report SET reported_at = :at WHERE id = :id")
                    .param("at", Timestamp.from(Instant.now().minus(4 * 365, ChronoUnit.DAYS))).param("id", id).update();
        }
        String holdId = BearerApi.created(api.send(dpo, "/api/v1/safeguards/retention/holds", Map.of("itemType", "report",
                "itemId", held, "reason", "Enquête judiciaire", "authority", "Juge d'instruction", "reference", "JI 44/2026")));
        String released = BearerApi.created(api.send(dpo, "/api/v1/safeguards/retention/holds", Map.of("itemType", "report",
                "itemId", confirmed, "reason", "Vérification", "authority", "Procureur")));
        assertThat(api.send(dpo, "/api/v1/safeguards/retention/holds/" + released + "/release",
                Map.of("reason", "Sans suite")).statusCode()).isEqualTo(200);

        assertThat(reviews.sweep(Instant.now())).isGreaterThanOrEqualTo(3);
        assertThat(reviews.sweep(Instant.now())).as("opened once").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE recipient_user_id = :u"
                + " AND item_type = 'holding-review-due'").param("u", supervisorId).query(Long.class).single())
                .as("told once per item and cycle").isEqualTo(3);

        JsonNode open = api.get(supervisor, "/api/v1/safeguards/retention/reviews", 200);
        Map<String, JsonNode> byItem = new HashMap<>();
        open.forEach(r -> byItem.put(r.get("itemId").asString(), r));
        assertThat(byItem.keySet()).containsExactlyInAnyOrder(confirmed, held, withheld);
        assertThat(byItem.get(confirmed).get("title").asString()).isEqualTo("تقرير عن شبكة تمويل في نواذيبو");
        assertThat(byItem.get(withheld).get("title").isNull()).as("TLP:RED to the analyst only").isTrue();
        assertThat(byItem.get(held).get("overdue").asBoolean()).isTrue();
        assertThat(api.get(outsider, "/api/v1/safeguards/retention/reviews", 200)).isEmpty();
        assertThat(api.get(analyst, "/api/v1/safeguards/retention/reviews", 200)).as("not a supervisor").isEmpty();

        String confirmReview = byItem.get(confirmed).get("id").asString();
        HttpResponse<String> past = api.send(supervisor, "/api/v1/safeguards/retention/reviews/" + confirmReview
                + "/confirm", Map.of("nextReview", LocalDate.now().minusDays(1).toString(), "reason", "Toujours utile"));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("nextReview");
        assertThat(api.send(analyst, "/api/v1/safeguards/retention/reviews/" + confirmReview + "/confirm",
                Map.of("reason", "x")).statusCode()).as("not a supervisor").isEqualTo(403);
        assertThat(api.send(outsider, "/api/v1/safeguards/retention/reviews/" + confirmReview + "/confirm",
                Map.of("reason", "x")).statusCode()).isEqualTo(404);
        assertThat(api.send(supervisor, "/api/v1/safeguards/retention/reviews/" + confirmReview + "/confirm",
                Map.of("nextReview", LocalDate.now().plusYears(1).toString(), "reason", "Enquête en cours"))
                .statusCode()).isEqualTo(200);

        HttpResponse<String> underHold = api.send(supervisor, "/api/v1/safeguards/retention/reviews/"
                + byItem.get(held).get("id").asString() + "/delete", Map.of("reason", "Plus utile"));
        assertThat(underHold.statusCode()).isEqualTo(409);
        assertThat(count("SELECT COUNT(*) FROM intake_report WHERE id = :id", held)).isOne();
        assertThat(api.send(supervisor, "/api/v1/safeguards/retention/reviews/" + byItem.get(withheld).get("id")
                .asString() + "/delete", Map.of("reason", "Source tarie")).statusCode()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM intake_report WHERE id = :id", withheld)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_record WHERE action = 'ERASURE' AND object_type = 'report'"
                + " AND object_ids LIKE '%' || :id || '%'", withheld)).isOne();

        // the officer: overdue reviews of everybody, titles only where the officer may read the report
        JsonNode overdue = api.get(dpo, "/api/v1/safeguards/retention/reviews/overdue", 200);
        List<String> overdueItems = StreamSupport.stream(overdue.spliterator(), false)
                .map(r -> r.get("itemId").asString()).toList();
        assertThat(overdueItems).contains(held).doesNotContain(confirmed, withheld);
        assertThat(api.status(supervisor, "/api/v1/safeguards/retention/reviews/overdue")).isEqualTo(403);

        // an erasure by its originator is recorded as manual
        assertThat(reports.erase(readers.forUser(analystId, "erasure"), manual, "doublon")).isTrue();
        RetentionPurgeTest.await(() -> count("SELECT COUNT(*) FROM retention_erasure WHERE item_id = :id", manual) == 1);

        // the oversight section for the test's own period counts exactly what the test did
        Instant end = Instant.now().plusMillis(1);
        OversightSection section = sections.stream().filter(s -> s.id().equals("retention")).findFirst().orElseThrow();
        Map<String, OversightTable> tables = new HashMap<>();
        section.tables(start, end).forEach(t -> tables.put(t.id(), t));
        assertThat(erasures(tables.get("retention-erasures"), "report")).containsExactly(0L, 1L, 1L);
        assertThat(row(tables.get("retention-holds"), "report")).as("placed, released, active").containsExactly(2L, 1L, 1L);
        assertThat(row(tables.get("retention-holds"), "entity")).containsExactly(0L, 0L, 0L);
        // reviews fell due about a year ago: a period from two years back counts them
        Map<String, OversightTable> wide = new HashMap<>();
        section.tables(start.minus(2 * 365, ChronoUnit.DAYS), end).forEach(t -> wide.put(t.id(), t));
        assertThat(row(wide.get("retention-reviews"), "report")).as("due, confirmed, deleted, overdue")
                .containsExactly(3L, 1L, 1L, 1L);
        assertThat(row(tables.get("retention-reviews"), "report")).as("none fell due during the test")
                .containsExactly(0L, 1L, 1L, 1L);
        JsonNode holds = api.get(dpo, "/api/v1/safeguards/retention/holds?active=true", 200);
        assertThat(StreamSupport.stream(holds.spliterator(), false).map(h -> h.get("id").asString()).toList())
                .contains(holdId).doesNotContain(released);
    }

    private static List<Long> erasures(OversightTable t, String type) {
        return t.rows().stream().filter(r -> r.getFirst().equals(new OversightCell.Term("retention.type." + type)))
                .map(r -> ((OversightCell.Count) r.get(2)).value()).toList();
    }

    private static List<Long> row(OversightTable t, String type) {
        return t.rows().stream().filter(r -> r.getFirst().equals(new OversightCell.Term("retention.type." + type)))
                .findFirst().orElseThrow().stream().skip(1).map(c -> ((OversightCell.Count) c).value()).toList();
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private static String report(BearerApi api, String token, String title, Map<String, Object> releasability)
            throws Exception {
        Map<String, Object> marking = new HashMap<>(Map.of("classification", "RESTRICTED",
                "tlp", releasability.isEmpty() ? "AMBER" : "RED", "releasability", releasability));
        HttpResponse<String> r = api.send(token, "/api/v1/reports", Map.of("title", title, "body", title + ".",
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2), "marking", marking));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return BearerApi.created(r);
    }
}
