package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Reviewing hits: four eyes, the false-positive memory, rescreening on list change; on H2 and PostgreSQL. */
@FusionCellTest
@Import(ScreeningEvents.class)
@Tag("persistence")
class HitReviewTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Watchlists watchlists;
    @Autowired
    ScreeningEvents events;

    private ScreeningClient client;
    private String first;
    private String firstId;
    private String second;
    private String secondId;
    private String outsider;
    private String org;
    private IdentityFixtures fx;
    private Reader importer;
    private String listName;
    private String listId;

    @BeforeEach
    void world() throws Exception {
        client = new ScreeningClient(port);
        fx = new IdentityFixtures(jdbc);
        org = fx.organisation(OrganisationType.STATE_AGENCY);
        String other = fx.organisation(OrganisationType.STATE_AGENCY);
        firstId = fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of());
        first = fx.token(firstId, "read", "write");
        secondId = fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER, Role.SUPERVISOR), Set.of());
        second = fx.token(secondId, "read", "write");
        outsider = fx.token(fx.user(other, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of()), "read", "write");
        importer = readers.forUser(firstId, "test");
        listName = "national-" + UUID.randomUUID().toString().substring(0, 8);
        listId = imported(ListFixtures.three()).listId();
        client.awaitIndexed(first, listId, 1);
    }

    private WatchlistVersion imported(List<WatchlistEntry> entries) {
        return ((ListImport.Imported) watchlists.importVersion(importer, listName, ListFixtures.list(listName, entries),
                null)).version();
    }

    private String batch(String csv) throws Exception {
        HttpResponse<String> r = client.batch(first, "name,dob,nationality,document\n" + csv);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return BearerApi.JSON.readTree(r.body()).get("id").asString();
    }

    /** The run's hits on this test's list. */
    private List<JsonNode> hits(String token, String runId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        client.get(token, "/api/v1/screening/hits?size=500&runId=" + runId).get("items").forEach(h -> {
            if (h.get("list").get("id").asString().equals(listId)) {
                out.add(h);
            }
        });
        return out;
    }

    private HttpResponse<String> decide(String token, String hitId, String decision, String reason) throws Exception {
        return client.post(token, "/api/v1/screening/hits/" + hitId + "/decisions",
                "{\"decision\":\"" + decision + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    @Test
    void aMatchIsConfirmedOnlyByTwoDifferentReviewers() throws Exception {
        String run = batch("Abdelkader Belmokhtar,1972,MR,\n");
        String hit = hits(first, run).getFirst().get("id").asString();

        assertThat(decide(first, hit, "confirm", null).statusCode()).isEqualTo(400);
        HttpResponse<String> proposed = decide(first, hit, "confirm", "Same name, same year of birth");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
        JsonNode pending = BearerApi.JSON.readTree(proposed.body()).get("hit");
        assertThat(pending.get("state").asString()).isEqualTo("PENDING");
        assertThat(pending.get("proposal").get("proposedBy")).extracting(JsonNode::asString).containsExactly(firstId);

        HttpResponse<String> again = decide(first, hit, "confirm", "Sure of it");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(BearerApi.JSON.readTree(again.body()).get("type").asString()).endsWith("/four-eyes");
        assertThat(client.get(first, "/api/v1/screening/hits/" + hit).get("hit").get("state").asString())
                .isEqualTo("PENDING");

        HttpResponse<String> confirmed = decide(second, hit, "CONFIRM", "Checked the passport photograph");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode match = BearerApi.JSON.readTree(confirmed.body());
        assertThat(match.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(match.get("decision").get("by")).extracting(JsonNode::asString).containsExactly(firstId, secondId);
        assertThat(events.confirmed).extracting(ScreeningMatchConfirmed::hitId).contains(hit);
        assertThat(decide(second, hit, "dismiss", "Changed my mind").statusCode()).isEqualTo(409);

        List<String> outcomes = jdbc.sql("""
                        SELECT outcome FROM audit_record WHERE action = 'ALTERATION' AND object_ids LIKE :hit
                        AND justification IS NOT NULL ORDER BY seq""")
                .param("hit", "%" + hit + "%").query(String.class).list();
        assertThat(outcomes).containsExactly("CONFIRMATION_PROPOSED", "REFUSED_SAME_REVIEWER", "CONFIRMED",
                "ALREADY_CONFIRMED");
        JsonNode detail = client.get(second, "/api/v1/screening/hits/" + hit);
        assertThat(detail.get("reviews")).extracting(r -> r.get("step").asString())
                .containsExactly("CONFIRMATION_PROPOSED", "CONFIRMED");
        // another organisation's screening officer learns nothing of it
        assertThat(client.api().status(outsider, "/api/v1/screening/hits/" + hit)).isEqualTo(404);
        assertThat(hits(outsider, run)).isEmpty();
        assertThat(decide(outsider, hit, "dismiss", "Not ours").statusCode()).isEqualTo(404);
    }

    @Test
    void aDismissedFalsePositiveIsRememberedUntilTheEntryOrTheParticularsChange() throws Exception {
        String person = "Youssef Karimov,1965-03-12,UZ,\n";
        String run1 = batch(person);
        String hit = hits(first, run1).getFirst().get("id").asString();
        HttpResponse<String> dismissed = decide(first, hit, "dismiss", "Different person: checked the birth place");
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
        assertThat(BearerApi.JSON.readTree(dismissed.body()).get("state").asString()).isEqualTo("DISMISSED");

        String run2 = batch(person);
        List<JsonNode> remembered = hits(first, run2);
        assertThat(remembered).hasSize(1);
        assertThat(remembered.getFirst().get("state").asString()).isEqualTo("DISMISSED");
        assertThat(remembered.getFirst().get("decision").get("remembered").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE outcome = 'REMEMBERED_FALSE_POSITIVE' "
                + "AND object_ids LIKE :run").param("run", "%" + run2 + "%").query(Long.class).single()).isEqualTo(1);

        String run3 = batch("Youssef Karimov,1965-03-12,UZ,K9988776\n"); // another document: someone else
        assertThat(hits(first, run3)).extracting(h -> h.get("state").asString()).containsExactly("PENDING");

        List<WatchlistEntry> changed = new ArrayList<>(ListFixtures.three());
        WatchlistEntry old = changed.remove(2);
        changed.add(new WatchlistEntry(old.reference(), old.kind(), old.listingReference(), old.names(),
                old.birthDates(), old.nationalities(), old.gender(), old.documents(), old.programmes(), old.listedOn(),
                "Amended narrative summary."));
        imported(changed);
        ScreeningClient.await(() -> hits(first, run1).size() == 2, "the changed entry flags the person again");
        JsonNode again = hits(first, run1).stream().filter(h -> !h.get("id").asString().equals(hit)).findFirst()
                .orElseThrow();
        assertThat(again.get("state").asString()).isEqualTo("PENDING");
        assertThat(again.get("origin").asString()).isEqualTo("RESCREENING");
        assertThat(again.get("list").get("version").asInt()).isEqualTo(2);
    }

    @Test
    void aListChangeFlagsRecentPeopleOnlyForAddedOrChangedEntries() throws Exception {
        String run = batch("""
                Abdelkader Belmokhtar,1972,MR,
                Hamid Benali,1990,TN,
                Yusuf Haddad Karimov,1965-03-12,UZ,
                Jean Dupont,1980-01-01,FR,
                """);
        assertThat(hits(first, run)).extracting(h -> h.get("entryReference").asString())
                .containsExactlyInAnyOrder("101", "103");

        List<WatchlistEntry> next = new ArrayList<>();
        next.add(ListFixtures.three().get(0));                                         // 101 unchanged
        WatchlistEntry old = ListFixtures.three().get(2);                               // 103 changed
        next.add(new WatchlistEntry(old.reference(), old.kind(), old.listingReference(), old.names(), old.birthDates(),
                old.nationalities(), old.gender(), old.documents(), List.of("FICTIONAL", "AMENDED"), old.listedOn(),
                old.reason()));
        next.add(ListFixtures.person("104", "Hamid Tahir Benali", "1990", "tn"));      // 104 added; 102 delisted
        String version = imported(next).id();
        ScreeningClient.await(() -> jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE purpose = 'rescreening after a list change'
                AND object_ids LIKE :v""").param("v", "%" + version + "%").query(Long.class).single() > 0,
                "the rescreening of version 2");

        List<JsonNode> all = hits(first, run);
        assertThat(all).extracting(h -> h.get("entryReference").asString() + "/" + h.get("origin").asString())
                .containsExactlyInAnyOrder("101/SCREENING", "103/SCREENING", "103/RESCREENING", "104/RESCREENING");
        assertThat(all).filteredOn(h -> h.get("origin").asString().equals("RESCREENING"))
                .allSatisfy(h -> assertThat(h.get("list").get("version").asInt()).isEqualTo(2));
    }

    @Test
    void aHitOnAListAColleagueMayNotSeeIsHiddenFromThemEverywhere() throws Exception {
        String low = fx.token(fx.user(org, "RESTRICTED", Set.of(Role.SCREENING_OFFICER), Set.of()), "read", "write");
        String name = "confidential-" + UUID.randomUUID().toString().substring(0, 8);
        Marking confidential = new Marking(2, Tlp.AMBER_STRICT, Releasability.NONE, false, Set.of(), org);
        String restricted = ((ListImport.Imported) watchlists.importVersion(importer, name, ListFixtures.list(name,
                List.of(ListFixtures.person("C-1", "Zakariya Ould Mahmoud Tandjaoui", "1977", "mr"))), confidential))
                .version().listId();
        client.awaitIndexed(first, restricted, 1);
        String run = batch("Zakariya Ould Mahmoud Tandjaoui,1977,MR,\n");
        List<String> seen = new ArrayList<>();
        client.get(first, "/api/v1/screening/hits?runId=" + run).get("items")
                .forEach(h -> seen.add(h.get("list").get("id").asString() + "/" + h.get("id").asString()));
        assertThat(seen).hasSize(1).allMatch(h -> h.startsWith(restricted));
        String hit = seen.getFirst().substring(restricted.length() + 1);

        // the run is the colleague's to see (lowest level); the hit shows a confidential list's entry: it is not
        assertThat(client.get(low, "/api/v1/screening/runs/" + run).get("hits").asInt()).isZero();
        assertThat(client.get(low, "/api/v1/screening/hits?runId=" + run).get("total").asInt()).isZero();
        assertThat(client.get(low, "/api/v1/screening/hits/count?runId=" + run).get("count").asInt()).isZero();
        assertThat(client.api().status(low, "/api/v1/screening/hits/" + hit)).isEqualTo(404);
        assertThat(decide(low, hit, "dismiss", "Not for me").statusCode()).isEqualTo(404);
        JsonNode query = BearerApi.JSON.readTree(client.post(low, "/api/v1/screening/queries",
                "{\"name\":\"Zakariya Ould Mahmoud Tandjaoui\"}").body());
        assertThat(query.get("lists").toString()).doesNotContain(restricted);
        assertThat(query.get("candidates").toString()).doesNotContain(restricted);
        assertThat(client.api().status(low, "/api/v1/screening/lists/" + restricted)).isEqualTo(403);
    }
}
