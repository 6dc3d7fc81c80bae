package org.fusioncell.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.entities.EntityRecorded;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Person entities are screened by the system when recorded and when a list changes; their hits are read
 * under the entity's marking and the list's. On H2 and PostgreSQL.
 */
@FusionCellTest
@Tag("persistence")
class PersonEntityScreeningTest {

    private static final String RESTRICTED_AMBER = "{\"classification\":\"RESTRICTED\",\"tlp\":\"AMBER\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.fusioncell.entities.Entities entities;
    @Autowired
    Readers readers;
    @Autowired
    Watchlists watchlists;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    private ScreeningClient client;
    private IdentityFixtures fx;
    private String org;
    private String officer;
    private String outsider;
    private Reader importer;
    private String listName;

    @BeforeEach
    void world() throws Exception {
        client = new ScreeningClient(port);
        fx = new IdentityFixtures(jdbc);
        org = fx.organisation(OrganisationType.STATE_AGENCY);
        String other = fx.organisation(OrganisationType.STATE_AGENCY);
        String officerId = fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER, Role.ANALYST), Set.of());
        officer = fx.token(officerId, "read", "write");
        outsider = fx.token(fx.user(other, "SECRET", Set.of(Role.SCREENING_OFFICER, Role.ANALYST), Set.of()),
                "read", "write");
        importer = readers.forUser(officerId, "test");
        listName = "persons-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String imported(String name, List<WatchlistEntry> entries, Marking marking) throws Exception {
        WatchlistVersion v = ((ListImport.Imported) watchlists.importVersion(importer, name,
                ListFixtures.list(name, entries), marking)).version();
        client.awaitIndexed(officer, v.listId(), v.number());
        return v.listId();
    }

    private String person(String token, String attributes) throws Exception {
        HttpResponse<String> r = client.post(token, "/api/v1/entities",
                "{\"type\":\"PERSON\",\"attributes\":" + attributes + ",\"marking\":" + RESTRICTED_AMBER + "}");
        return BearerApi.created(r);
    }

    /** Waits until the system has screened the entity {@code times} times, and answers its run. */
    private String screened(String entityId, int times) throws Exception {
        ScreeningClient.await(() -> jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE purpose = 'screening of a recorded person entity'
                AND object_ids LIKE :e""").param("e", "%" + entityId + "%").query(Long.class).single() >= times,
                "the screening of entity " + entityId);
        return jdbc.sql("SELECT run_id FROM screening_subject WHERE entity_id = :e").param("e", entityId)
                .query(String.class).single();
    }

    private List<JsonNode> hits(String token, String runId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        client.get(token, "/api/v1/screening/hits?size=500&runId=" + runId).get("items").forEach(out::add);
        return out;
    }

    private long count(String token, String runId) throws Exception {
        return client.get(token, "/api/v1/screening/hits/count?runId=" + runId).get("count").asLong();
    }

    private long rows(String runId) {
        return jdbc.sql("SELECT COUNT(*) FROM screening_hit WHERE run_id = :r").param("r", runId).query(Long.class)
                .single();
    }

    @Test
    void aPersonRecordedInArabicScriptIsFlaggedAgainstItsLatinListingOnlyForThoseWhoMaySeeTheEntity() throws Exception {
        String listId = imported(listName, ListFixtures.three(), null); // TLP:CLEAR: everyone may see the list
        String entity = person(officer, """
                {"names":["عبد القادر ولد بلمختار"],"dateOfBirth":"1972","nationality":"MR","gender":"male"}""");
        String run = screened(entity, 1);

        List<JsonNode> found = hits(officer, run).stream()
                .filter(h -> h.get("list").get("id").asString().equals(listId)).toList();
        assertThat(found).extracting(h -> h.get("entryReference").asString()).containsExactly("101");
        JsonNode hit = found.getFirst();
        assertThat(hit.get("state").asString()).isEqualTo("PENDING");
        assertThat(hit.get("origin").asString()).isEqualTo("ENTITY");
        assertThat(client.get(officer, "/api/v1/screening/runs/" + run).get("kind").asString()).isEqualTo("ENTITY");

        // another organisation's officer sees the list, not the entity: no hit anywhere
        assertThat(hits(outsider, run)).isEmpty();
        assertThat(count(outsider, run)).isZero();
        assertThat(client.api().status(outsider, "/api/v1/screening/hits/" + hit.get("id").asString())).isEqualTo(404);
        assertThat(client.api().status(outsider, "/api/v1/screening/runs/" + run)).isIn(403, 404);

        // the outbox delivers the event again (as after a crash): nothing new
        long before = rows(run);
        tx.executeWithoutResult(s -> events.publishEvent(new EntityRecorded(entity)));
        screened(entity, 2);
        assertThat(rows(run)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_subject WHERE entity_id = :e").param("e", entity)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE object_ids LIKE :e AND details LIKE :name")
                .param("e", "%" + entity + "%").param("name", "%بلمختار%").query(Long.class).single()).isZero();

        // the person is erased: screening keeps the hits against listed entries and the decisions, not the person
        assertThat(entities.erase(importer, entity, "retention period over")).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_subject WHERE names LIKE :n OR entity_id = :e")
                .param("n", "%بلمختار%").param("e", entity).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_hit WHERE run_id = :r AND query_name <> ''").param("r", run)
                .query(Long.class).single()).isZero();
        assertThat(rows(run)).isEqualTo(before);
    }

    @Test
    void aHitOnAListTheReaderMayNotSeeStaysHiddenThoughTheEntityIsTheirs() throws Exception {
        Marking confidential = new Marking(2, Tlp.AMBER_STRICT, Releasability.NONE, false, Set.of(), org);
        String restricted = imported(listName, List.of(ListFixtures.person("C-7", "Zakariya Ould Mahmoud Tandjaoui",
                "1977", "mr")), confidential);
        String low = fx.token(fx.user(org, "RESTRICTED", Set.of(Role.SCREENING_OFFICER, Role.ANALYST), Set.of()),
                "read", "write");
        String entity = person(low, "{\"names\":[\"Zakariya Ould Mahmoud Tandjaoui\"],\"dateOfBirth\":\"1977\"}");
        String run = screened(entity, 1);

        List<JsonNode> seen = hits(officer, run);
        assertThat(seen).extracting(h -> h.get("list").get("id").asString()).containsExactly(restricted);
        String hit = seen.getFirst().get("id").asString();
        // the colleague recorded the entity and sees its run, but the hit shows a confidential list's entry
        assertThat(client.get(low, "/api/v1/screening/runs/" + run).get("hits").asInt()).isZero();
        assertThat(hits(low, run)).isEmpty();
        assertThat(count(low, run)).isZero();
        assertThat(client.api().status(low, "/api/v1/screening/hits/" + hit)).isEqualTo(404);
    }

    @Test
    void aPartnerWhoseAgreementCoversScreeningButNotEntitiesSeesNoHitOfAnEntity() throws Exception {
        String listId = imported(listName, ListFixtures.three(), null);
        String partnerOrg = fx.organisation(OrganisationType.STATE_AGENCY);
        fx.agreement(Set.of(org, partnerOrg), "SECRET", Set.of(Screening.INFORMATION_TYPE, Watchlists.INFORMATION_TYPE));
        String partner = fx.token(fx.user(partnerOrg, "SECRET", Set.of(Role.SCREENING_OFFICER, Role.ANALYST), Set.of()),
                "read", "write");
        // TLP:GREEN reaches the owner's community through an agreement, for the types the agreement covers
        HttpResponse<String> r = client.post(officer, "/api/v1/entities", """
                {"type":"PERSON","attributes":{"names":["Yusuf Haddad Karimov"],"dateOfBirth":"1965-03-12"},
                 "marking":{"classification":"RESTRICTED","tlp":"GREEN"}}""");
        String entity = BearerApi.created(r);
        String run = screened(entity, 1);
        List<JsonNode> ours = hits(officer, run).stream()
                .filter(h -> h.get("list").get("id").asString().equals(listId)).toList();
        assertThat(ours).extracting(h -> h.get("entryReference").asString()).containsExactly("103");
        String hit = ours.getFirst().get("id").asString();

        assertThat(hits(partner, run)).isEmpty();
        assertThat(count(partner, run)).isZero();
        assertThat(client.api().status(partner, "/api/v1/screening/hits/" + hit)).isEqualTo(404);
        assertThat(client.api().status(partner, "/api/v1/screening/runs/" + run)).isEqualTo(404);
        assertThat(client.get(partner, "/api/v1/screening/runs?kind=ENTITY&size=100").toString()).doesNotContain(run);
    }

    @Test
    void aListChangeAddingAMatchingEntryFlagsAPersonEntityRecordedLongAgo() throws Exception {
        String listId = imported(listName, ListFixtures.three(), null);
        String entity = person(officer, """
                {"names":["Hamid Tahir Benali"],"aliases":["حميد طاهر بن علي"],"dateOfBirth":"1990-04","nationality":"TN"}""");
        String run = screened(entity, 1);
        assertThat(hits(officer, run)).filteredOn(h -> h.get("list").get("id").asString().equals(listId)).isEmpty();
        // far outside the rescreen window of batches and manifests: person entities are rescreened whatever their age
        jdbc.sql("UPDATE screening_subject SET created_at = :old WHERE entity_id = :e")
                .param("old", Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS))).param("e", entity).update();

        List<WatchlistEntry> next = new ArrayList<>(ListFixtures.three());
        next.add(ListFixtures.person("104", "Hamid Tahir Benali", "1990", "tn"));
        String version = ((ListImport.Imported) watchlists.importVersion(importer, listName,
                ListFixtures.list(listName, next), null)).version().id();
        ScreeningClient.await(() -> jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE purpose = 'rescreening after a list change'
                AND object_ids LIKE :v""").param("v", "%" + version + "%").query(Long.class).single() > 0,
                "the rescreening of version 2");

        List<JsonNode> found = hits(officer, run).stream()
                .filter(h -> h.get("list").get("id").asString().equals(listId)).toList();
        assertThat(found).extracting(h -> h.get("entryReference").asString() + "/" + h.get("origin").asString()
                + "/" + h.get("state").asString()).containsExactly("104/RESCREENING/PENDING");
        assertThat(hits(outsider, run)).isEmpty();
        assertThat(count(outsider, run)).isZero();
    }
}
