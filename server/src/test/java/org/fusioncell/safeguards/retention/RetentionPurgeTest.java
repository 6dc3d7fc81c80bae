package org.fusioncell.safeguards.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityDraft;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.search.Search;
import org.fusioncell.search.SearchQuery;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance test of the purge: an expired report with an attachment, an entity mention and a TAXII
 * publication leaves no row, no file, no search hit and no mention behind, and is revoked to the partner that
 * received it; the same report under a legal hold survives and is reported as skipped. The entity period is one
 * day here so that an entity nothing asserts any more is purged the day after tomorrow.
 */
@FusionCellTest
@Tag("persistence")
@TestPropertySource(properties = "fusioncell.safeguards.retention.types.entity.period=P1D")
class RetentionPurgeTest {

    static final Path DATA_DIR = temporaryDirectory();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("fusioncell.data-dir", DATA_DIR::toString);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("fusioncell-retention-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RetentionPurge purge;
    @Autowired
    Readers readers;
    @Autowired
    Search search;
    @Autowired
    Entities entities;
    @Autowired
    ReportEntities reportEntities;
    String searcher;

    @Test
    void anExpiredReportLeavesNothingFindableWhileTheSameReportUnderAHoldSurvives() throws Exception {
        BearerApi api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("الخلية الوطنية للدمج", OrganisationType.STATE_AGENCY, "MR");
        String partnerOrg = fx.organisation("Cellule régionale partenaire", OrganisationType.PARTNER_FUSION_CELL, "SN");
        String agreement = fx.agreement(Set.of(cell, partnerOrg), "SECRET", Set.of("*"));
        String admin = fx.token(fx.user(cell, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        String analystId = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String analyst = fx.token(analystId, "read", "write");
        searcher = analystId;
        String dpoId = fx.user(cell, "SECRET", Set.of(Role.DATA_PROTECTION_OFFICER), Set.of());
        String dpo = fx.token(dpoId, "read", "write");
        String partnerReader = fx.token(fx.user(partnerOrg, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of()), "read");
        String collection = BearerApi.created(api.send(admin, "/api/v1/admin/taxii-collections", Map.of(
                "title", "Cellule → partenaire", "agreementId", agreement, "publishes", true)));

        LocalDate yesterday = LocalDate.now().minusDays(1);
        String expired = report(api, analyst, "قافلة الزعفرانية عبر وادي تمنراست",
                "رصدت دورية قافلة الزعفرانية تنقل أسلحة خفيفة قرب وادي تمنراست.", agreement, yesterday);
        String held = report(api, analyst, "اجتماع سري في واحة أوبري",
                "أفاد مصدر باجتماع سري لعناصر مسلحة في واحة أوبري.", agreement, yesterday);
        String kept = report(api, analyst, "Note de situation sur la frontière sud",
                "Situation calme sur la frontière sud.", agreement, LocalDate.now().plusYears(1));

        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + UUID.randomUUID()
                + "\ntrailer << >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> uploaded = upload(api, analyst, expired, pdf);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String sha = BearerApi.JSON.readTree(uploaded.body()).get("sha256").asString();
        Path blob = DATA_DIR.resolve("attachments").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4))
                .resolve(sha);
        assertThat(blob).exists();

        Marking entityMarking = new Marking(1, Tlp.AMBER, new Releasability(Set.of(), Set.of(), Set.of(agreement),
                Set.of()), false, Set.of(), cell);
        var author = readers.forUser(analystId, "test");
        String phone = entities.record(author, new EntityDraft(EntityType.PHONE, "+222 36 11 22 33",
                "phone:+22236112233", Map.of("number", "+22236112233"), entityMarking)).entity().id();
        String orphan = entities.record(author, new EntityDraft(EntityType.PHONE, "+222 36 99 88 77",
                "phone:+22236998877", Map.of("number", "+22236998877"), entityMarking)).entity().id();
        String heldEntity = entities.record(author, new EntityDraft(EntityType.PHONE, "+222 36 55 44 33",
                "phone:+22236554433", Map.of("number", "+22236554433"), entityMarking)).entity().id();
        reportEntities.mention(author, expired, phone, "test");
        reportEntities.mention(author, held, phone, "test");

        String objects = "/api/taxii2/fusioncell/collections/" + collection + "/objects/";
        await(() -> names(api, partnerReader, objects + "?match[type]=report").contains("قافلة الزعفرانية عبر وادي تمنراست"));
        await(() -> found("الزعفرانية") == 1);

        // the officer's hold: bad input names the field, another role is refused, then the hold is placed
        Map<String, Object> hold = new HashMap<>(Map.of("itemType", "report", "itemId", held,
                "reason", "Procédure judiciaire en cours", "authority", "Parquet de Nouakchott", "reference", "RP 2026/118"));
        HttpResponse<String> noAuthority = api.send(dpo, "/api/v1/safeguards/retention/holds",
                Map.of("itemType", "report", "itemId", held, "reason", "x"));
        assertThat(noAuthority.statusCode()).isEqualTo(400);
        assertThat(noAuthority.body()).contains("authority");
        assertThat(api.send(analyst, "/api/v1/safeguards/retention/holds", hold).statusCode()).isEqualTo(403);
        String holdId = BearerApi.created(api.send(dpo, "/api/v1/safeguards/retention/holds", hold));
        String entityHold = BearerApi.created(api.send(dpo, "/api/v1/safeguards/retention/holds", Map.of(
                "itemType", "entity", "itemId", heldEntity, "reason", "Saisie judiciaire du téléphone",
                "authority", "Juge d'instruction", "endsOn", LocalDate.now().plusYears(1).toString())));
        HttpResponse<String> unknown = api.send(dpo, "/api/v1/safeguards/retention/holds", Map.of("itemType", "entity",
                "itemId", expired, "reason", "x", "authority", "y"));
        assertThat(unknown.statusCode()).as("a report id is no entity").isEqualTo(400);
        assertThat(unknown.body()).contains("itemId");

        // a batch screening run older than the register's five years, and one of last month
        String oldRun = screeningRun(cell, dpoId, Instant.now().minus(6 * 366, ChronoUnit.DAYS));
        String recentRun = screeningRun(cell, dpoId, Instant.now().minus(30, ChronoUnit.DAYS));

        PurgeRun run = purge.run(Instant.now().plus(2, ChronoUnit.DAYS), "test:" + UUID.randomUUID(), dpoId, cell)
                .orElseThrow();
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.erased("screening-run")).as("the screening module erased the old run").isPositive();
        assertThat(count("SELECT COUNT(*) FROM screening_run WHERE id = :id", oldRun)).isZero();
        assertThat(count("SELECT COUNT(*) FROM screening_run WHERE id = :id", recentRun)).isOne();
        assertThat(run.erased("report")).isEqualTo(1);
        assertThat(run.held("report")).isEqualTo(1);
        assertThat(run.erased("entity")).as("the unmentioned entity").isEqualTo(1);
        assertThat(run.held("entity")).isEqualTo(1);
        assertThat(run.skipped()).containsExactlyInAnyOrder(new PurgeRun.Skipped("report", held, holdId),
                new PurgeRun.Skipped("entity", heldEntity, entityHold));
        assertThat(count("SELECT COUNT(*) FROM entity WHERE id = :id", heldEntity)).isOne();

        // nothing of the expired report is left in any table that held it
        for (String[] t : new String[][] {{"intake_report", "id"}, {"intake_report_version", "report_id"},
                {"intake_report_tag", "report_id"}, {"intake_attachment", "report_id"}, {"entity_mention", "report_id"},
                {"entity_link", "report_id"}, {"entity_extraction", "report_id"}, {"entity_proposal", "report_id"}}) {
            assertThat(count("SELECT COUNT(*) FROM " + t[0] + " WHERE " + t[1] + " = :id", expired)).as(t[0]).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM entity WHERE id = :id", orphan)).isZero();
        assertThat(count("SELECT COUNT(*) FROM entity WHERE id = :id", phone)).as("still mentioned by the held one").isOne();
        assertThat(blob).doesNotExist();
        await(() -> found("الزعفرانية") == 0);
        assertThat(found("تمنراست")).isZero();
        assertThat(found("أوبري")).as("the held report is still found").isOne();
        // the held and the unexpired report survive whole
        assertThat(count("SELECT COUNT(*) FROM intake_report WHERE id = :id", held)).isOne();
        assertThat(count("SELECT COUNT(*) FROM intake_report WHERE id = :id", kept)).isOne();
        assertThat(count("SELECT COUNT(*) FROM entity_mention WHERE report_id = :id", held)).isOne();

        // the partner that received it gets its revocation, and the exchange log says so
        await(() -> revoked(api, partnerReader, objects));
        assertThat(count("SELECT COUNT(*) FROM exchange_taxii_object WHERE collection_id = :id"
                + " AND json LIKE '%الزعفرانية%'", collection)).as("no stored version keeps its content").isZero();
        assertThat(count("SELECT COUNT(*) FROM exchange_taxii_object WHERE collection_id = :id"
                + " AND json LIKE '%أوبري%'", collection)).as("the held one is still published").isPositive();
        assertThat(count("SELECT COUNT(*) FROM exchange_transfer WHERE owner_organisation_id = :id"
                + " AND detail LIKE '%revoked (erased)%'", cell)).isOne();

        // audited as erasure with the reason, under the holder's processing actor; the run is on the officer's page
        assertThat(count("SELECT COUNT(*) FROM audit_record WHERE action = 'ERASURE' AND object_type = 'report'"
                + " AND object_ids LIKE '%' || :id || '%' AND actor_user_id = 'processing:retention-purge'", expired))
                .isOne();
        JsonNode runs = api.get(dpo, "/api/v1/safeguards/retention/purge-runs", 200);
        assertThat(runs.get(0).get("id").asString()).isEqualTo(run.id());
        assertThat(runs.get(0).get("skipped").valueStream().map(k -> k.get("itemId").asString()).toList())
                .containsExactlyInAnyOrder(held, heldEntity);
        assertThat(api.status(analyst, "/api/v1/safeguards/retention/purge-runs")).isEqualTo(403);

        // the same run key runs once (another node firing the same schedule)
        assertThat(purge.run(Instant.now(), "scheduled:same", dpoId, cell)).isPresent();
        assertThat(purge.run(Instant.now(), "scheduled:same", dpoId, cell)).isEmpty();

        // released, the hold no longer protects: the next run erases the report
        HttpResponse<String> released = api.send(dpo, "/api/v1/safeguards/retention/holds/" + holdId + "/release",
                Map.of("reason", "Procédure close"));
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        PurgeRun after = purge.run(Instant.now().plus(2, ChronoUnit.DAYS), "test:" + UUID.randomUUID(), dpoId, cell)
                .orElseThrow();
        assertThat(after.erased("report")).isEqualTo(1);
        assertThat(after.held("report")).isZero();
        assertThat(after.erased("entity")).as("no report mentions the phone any more").isEqualTo(1);
        assertThat(after.held("entity")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM intake_report WHERE id = :id", held)).isZero();
        assertThat(count("SELECT COUNT(*) FROM entity WHERE id = :id", phone)).isZero();
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private long found(String words) {
        return search.search(readers.forUser(searcher, "test"), new SearchQuery(words, Set.of("report"), null, null, null, null, null, null, null),
                new PageRequest(0, 10)).total();
    }

    static String report(BearerApi api, String token, String title, String body, String agreement,
                         LocalDate retentionUntil) throws Exception {
        Map<String, Object> marking = Map.of("classification", "RESTRICTED", "tlp", "AMBER",
                "releasability", Map.of("agreements", List.of(agreement)));
        HttpResponse<String> r = api.send(token, "/api/v1/reports", Map.of("title", title, "body", body,
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2), "marking", marking,
                "retentionUntil", retentionUntil.toString()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return BearerApi.created(r);
    }

    private HttpResponse<String> upload(BearerApi api, String token, String reportId, byte[] content) throws Exception {
        String boundary = "----retention" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"محضر.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(tail);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/reports/" + reportId + "/attachments")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> names(BearerApi api, String token, String path) {
        try {
            return api.get(token, path, 200).path("objects").valueStream().map(o -> o.path("name").asString()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean revoked(BearerApi api, String token, String objects) {
        try {
            return api.get(token, objects, 200).path("objects").valueStream()
                    .anyMatch(o -> o.path("revoked").asBoolean() && o.path("type").asString().equals("report"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String screeningRun(String organisationId, String userId, Instant createdAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO screening_run (id, kind, source_name, threshold, subject_count, marking_id, organisation_id,
                    created_by, created_at) VALUES (:id, 'BATCH', 'retention test', 0.85, 0, 'm', :org, :by, :at)""")
                .param("id", id).param("org", organisationId).param("by", userId)
                .param("at", java.sql.Timestamp.from(createdAt)).update();
        return id;
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not reached within 30 s");
            }
            Thread.sleep(200);
        }
    }
}
