package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.manifest.Manifest;
import org.fusioncell.screening.manifest.PaxlstReader;
import org.fusioncell.screening.manifest.Traveller;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A PAXLST manifest screened, aged past the depersonalisation period, masked by the job everywhere (API and the
 * database columns themselves), then re-personalised: refused to its requester, approved by the data protection
 * officer, seen by the requester, with every step in the audit log under the request's id and reason.
 */
@FusionCellTest
@Tag("persistence")
class DepersonalisationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Watchlists watchlists;
    @Autowired
    Depersonalisation depersonalisation;
    @Autowired
    Screening screening;
    @Autowired
    Hits hits;

    private static Path sample() {
        Path file = Path.of(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"))
                .resolve("paxlst-pnrgov/apis-paxlst/loader__Test1.txt");
        Assumptions.assumeTrue(Files.isRegularFile(file), "the PAXLST samples are not at " + file);
        return file;
    }

    @Test
    void anOldManifestIsMaskedEverywhereAndOnlyAnApprovedRequestShowsItsPeopleAgain() throws Exception {
        byte[] bytes = Files.readAllBytes(sample());
        Manifest manifest = PaxlstReader.tolerant().read(bytes).getFirst();
        Traveller listed = manifest.travellers().stream().filter(t -> t.birthDate() != null && !t.documents().isEmpty())
                .findFirst().orElseThrow();
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        // the requester also holds the authority's role: the refusal of their own request is the rule, not the role
        String requesterId = fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER, Role.DATA_PROTECTION_OFFICER), Set.of());
        String requester = fx.token(requesterId, "read", "write");
        String colleague = fx.token(fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of()), "read", "write");
        String dpoId = fx.user(org, "SECRET", Set.of(Role.DATA_PROTECTION_OFFICER), Set.of());
        String dpo = fx.token(dpoId, "read", "write");
        String name = "deperso-" + UUID.randomUUID().toString().substring(0, 8);
        WatchlistEntry entry = new WatchlistEntry("D-1", Subject.Kind.PERSON, null,
                List.of(new WatchlistEntry.ListedName(listed.fullName(), WatchlistEntry.NameQuality.PRIMARY, false)),
                List.of(listed.birthDate()), List.of(), Subject.Gender.UNKNOWN, List.of(), List.of("FICTIONAL"),
                LocalDate.of(2024, 1, 1), "Test.");
        String listId = ((ListImport.Imported) watchlists.importVersion(readers.forUser(requesterId, "test"), name,
                ListFixtures.list(name, List.of(entry)), null)).version().listId();
        ScreeningClient client = new ScreeningClient(port);
        client.awaitIndexed(requester, listId, 1);

        HttpResponse<String> upload = client.upload(requester, "/api/v1/screening/manifests", "Test1.txt", bytes, Map.of());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String runId = BearerApi.JSON.readTree(upload.body()).get("runs").get(0).get("id").asString();
        String fresh = BearerApi.JSON.readTree(client.upload(requester, "/api/v1/screening/manifests", "Test1.txt", bytes,
                Map.of()).body()).get("runs").get(0).get("id").asString();
        String hitId = hitOn(client, requester, runId, listId);
        String surname = listed.surname();
        String document = listed.documents().getFirst().number();
        assertThat(rowText(runId)).as("before: the particulars are stored").contains(surname, document);

        // the clock moved seven months on for this run: its rows are dated back, the job runs at today's cutoff
        Timestamp old = Timestamp.from(Instant.now().atZone(ZoneOffset.UTC).minusMonths(7).toInstant());
        jdbc.sql("UPDATE screening_run SET created_at = :t WHERE id = :r").param("t", old).param("r", runId).update();
        jdbc.sql("UPDATE screening_subject SET created_at = :t WHERE run_id = :r").param("t", old).param("r", runId).update();
        jdbc.sql("UPDATE screening_hit SET created_at = :t WHERE run_id = :r").param("t", old).param("r", runId).update();
        Instant cutoff = Instant.now().atZone(ZoneOffset.UTC).minus(Period.ofMonths(6)).toInstant();
        Depersonalisation.Depersonalised done = depersonalisation.depersonaliseBefore(cutoff);
        assertThat(done.runs()).isGreaterThanOrEqualTo(1);
        assertThat(depersonalisation.depersonaliseBefore(cutoff).runs()).as("each run is masked once").isZero();

        int travellers = manifest.travellers().size();
        assertThat(rowText(runId)).as("after: no surname or document number in any column").doesNotContain(surname)
                .doesNotContain(document);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_subject WHERE run_id = :r AND birth_from IS NULL AND names = :n")
                .param("r", runId).param("n", "[\"***\"]").query(Long.class).single()).isEqualTo(travellers);
        assertThat(jdbc.sql("SELECT sealed FROM screening_sealed_subject WHERE run_id = :r").param("r", runId)
                .query(String.class).list()).hasSize(travellers).allSatisfy(s -> assertThat(s).doesNotContain(surname));
        assertThat(rowText(fresh)).as("a recent run is untouched").contains(surname, document);

        JsonNode subjects = client.get(requester, "/api/v1/screening/runs/" + runId + "/subjects?size=500");
        assertThat(subjects.get("items").toString()).doesNotContain(surname).doesNotContain(document).contains("***");
        JsonNode hit = client.get(requester, "/api/v1/screening/hits/" + hitId);
        assertThat(hit.get("subject").get("names").toString()).isEqualTo("[\"***\"]");
        assertThat(hit.get("hit").get("queryName").asString()).isEqualTo("***");
        // the entry's side of the explanation is list data and stays; the traveller's side is masked
        assertThat(hit.get("explanation").get("parts")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.get("query").asString()).isEqualTo("***"));
        assertThat(hit.get("explanation").get("summary").asString()).isEqualTo("***");
        assertThat(hit.get("hit").get("matchedName").asString()).as("the list side stays").isEqualTo(listed.fullName());

        String reason = "Investigation 2024/117: the prosecutor asks who travelled on this flight";
        HttpResponse<String> asked = client.post(requester, "/api/v1/screening/repersonalisations",
                BearerApi.JSON.writeValueAsString(Map.of("runId", runId, "reason", reason)));
        String requestId = BearerApi.created(asked);
        assertThat(BearerApi.JSON.readTree(asked.body()).get("state").asString()).isEqualTo("PENDING");
        assertThat(client.api().fetch(requester, "/api/v1/screening/repersonalisations/" + requestId + "/subjects")
                .statusCode()).as("pending: still sealed").isEqualTo(409);
        assertThat(client.api().get(dpo, "/api/v1/screening/repersonalisations?queue=true", 200).toString())
                .contains(requestId);

        HttpResponse<String> own = decide(client, requester, requestId, "approve", "I need it");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(409);
        assertThat(own.body()).contains("own-request");
        assertThat(decide(client, colleague, requestId, "approve", "Looks fine").statusCode()).isEqualTo(403);
        String outsideDpo = fx.token(fx.user(fx.organisation(OrganisationType.STATE_AGENCY), "SECRET",
                Set.of(Role.DATA_PROTECTION_OFFICER), Set.of()), "read", "write");
        assertThat(client.api().get(outsideDpo, "/api/v1/screening/repersonalisations?queue=true", 200).toString())
                .as("another organisation's authority does not learn of the request").doesNotContain(requestId);
        assertThat(decide(client, outsideDpo, requestId, "approve", "Fine by me").statusCode()).isEqualTo(404);
        String decision = "Necessary and proportionate for investigation 2024/117";
        HttpResponse<String> approved = decide(client, dpo, requestId, "approve", decision);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode approval = BearerApi.JSON.readTree(approved.body());
        assertThat(approval.get("state").asString()).isEqualTo("APPROVED");
        assertThat(Instant.parse(approval.get("expiresAt").asString())).isAfter(Instant.now().plusSeconds(3600));
        assertThat(decide(client, dpo, requestId, "refuse", "changed my mind").statusCode()).isEqualTo(409);

        JsonNode seen = client.api().get(requester, "/api/v1/screening/repersonalisations/" + requestId + "/subjects", 200);
        assertThat(seen.get("subjects")).hasSize(travellers);
        assertThat(seen.get("subjects").toString()).contains(listed.fullName(), document);
        assertThat(client.api().status(dpo, "/api/v1/screening/repersonalisations/" + requestId + "/subjects"))
                .as("only the requester sees").isEqualTo(404);
        assertThat(client.get(requester, "/api/v1/screening/runs/" + runId + "/subjects?size=500").toString())
                .as("the run itself stays masked").doesNotContain(surname);

        assertThat(audit(requestId, "REPERSONALISATION_REQUESTED")).containsEntry("justification", reason)
                .containsEntry("actor", requesterId);
        assertThat(audit(requestId, "REFUSED_OWN_REQUEST")).containsEntry("actor", requesterId);
        assertThat(audit(requestId, "REPERSONALISATION_APPROVED")).containsEntry("justification", decision)
                .containsEntry("actor", dpoId);
        Map<String, Object> view = audit(requestId, "REPERSONALISED");
        assertThat(view).containsEntry("action", "CONSULTATION").containsEntry("justification", reason)
                .containsEntry("actor", requesterId);
        assertThat(view.get("details").toString()).contains(requestId);
        assertThat(audit(runId, "DEPERSONALISED")).containsEntry("actor", Depersonalisation.ACTOR);
    }

    @Test
    void runsPastTheirRetentionAreErasedWhileTheFalsePositiveMemoryStays() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        String officerId = fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of());
        Reader officer = readers.forUser(officerId, "test");
        String name = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        String listId = ((ListImport.Imported) watchlists.importVersion(officer, name, ListFixtures.list(name,
                List.of(ListFixtures.person("901", "Marwan Salem Qasimi", "1977-07-07", "ye"))), null)).version().listId();
        ScreeningClient client = new ScreeningClient(port);
        client.awaitIndexed(fx.token(officerId, "read", "write"), listId, 1);
        ScreeningQuery person = new ScreeningQuery(List.of("Marwan Salem Qasimi"),
                BirthDate.parse("1977-07-07"), Set.of("ye"), Subject.Gender.MALE, List.of());
        ScreeningRun old = screening.screenBatch(officer, "old.csv", List.of(1), List.of(person), null, null);
        ScreeningRun kept = screening.screenBatch(officer, "new.csv", List.of(1), List.of(person), null, null);
        String hitId = hits.list(officer, null, old.id(), PageRequest.of(0, 10)).items().getFirst()
                .facts().id();
        hits.review(officer, hitId, Review.DISMISS, "Different person: born elsewhere");
        Timestamp twoYears = Timestamp.from(Instant.now().atZone(ZoneOffset.UTC).minusYears(2).toInstant());
        jdbc.sql("UPDATE screening_run SET created_at = :t WHERE id = :r").param("t", twoYears).param("r", old.id())
                .update();

        assertThat(depersonalisation.eraseRunsBefore(Instant.now().atZone(ZoneOffset.UTC).minusYears(1).toInstant()))
                .isGreaterThanOrEqualTo(1);
        for (String table : List.of("screening_subject", "screening_hit")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE run_id = :r").param("r", old.id())
                    .query(Long.class).single()).as(table).isZero();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_run WHERE id = :r").param("r", old.id()).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_run WHERE id = :r").param("r", kept.id()).query(Long.class)
                .single()).as("a run within retention stays").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_false_positive WHERE organisation_id = :o AND hit_id IS NULL")
                .param("o", org).query(Long.class).single()).as("the memory stays, without its hit").isEqualTo(1);
        assertThat(audit(old.id(), "ERASED")).containsEntry("action", "ERASURE");

        ScreeningRun again = screening.screenBatch(officer, "again.csv", List.of(1), List.of(person), null, null);
        assertThat(again.pendingHits()).as("the erased run's dismissal is still remembered").isZero();
    }

    private HttpResponse<String> decide(ScreeningClient client, String token, String id, String decision, String reason)
            throws Exception {
        return client.post(token, "/api/v1/screening/repersonalisations/" + id + "/decisions",
                BearerApi.JSON.writeValueAsString(Map.of("decision", decision, "reason", reason)));
    }

    private static String hitOn(ScreeningClient client, String token, String runId, String listId) throws Exception {
        for (JsonNode h : client.get(token, "/api/v1/screening/hits?runId=" + runId).get("items")) {
            if (h.get("list").get("id").asString().equals(listId)) {
                return h.get("id").asString();
            }
        }
        throw new AssertionError("the listed traveller is not a hit");
    }

    /** Every stored column of the run's people and hits, as one text. */
    private String rowText(String runId) {
        List<String> rows = jdbc.sql("""
                SELECT names || '|' || COALESCE(CAST(birth_from AS VARCHAR(20)), '') || '|' || documents
                FROM screening_subject WHERE run_id = :r""").param("r", runId).query(String.class).list();
        List<String> hits = jdbc.sql("SELECT query_name || '|' || explanation FROM screening_hit WHERE run_id = :r")
                .param("r", runId).query(String.class).list();
        return String.join("\n", rows) + "\n" + String.join("\n", hits);
    }

    private Map<String, Object> audit(String objectId, String outcome) {
        List<Map<String, Object>> found = jdbc.sql("""
                        SELECT r.action, r.actor_user_id AS actor, r.justification, r.details FROM audit_record r
                        JOIN audit_record_object o ON o.seq = r.seq WHERE o.object_id = :id AND r.outcome = :outcome""")
                .param("id", objectId).param("outcome", outcome)
                .query((rs, n) -> {
                    Map<String, Object> m = new java.util.HashMap<>();
                    m.put("action", rs.getString(1));
                    m.put("actor", rs.getString(2));
                    m.put("justification", rs.getString(3));
                    m.put("details", rs.getString(4));
                    return m;
                }).list();
        assertThat(found).as("an audit record %s for %s", outcome, objectId).isNotEmpty();
        return found.getFirst();
    }
}
