package org.fusioncell.exchange.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityDraft;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.Reports;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Publication of the cell's own items into a collection shared with a partner under an agreement, read back
 * over TAXII as the partner: only what the agreement and the markings allow, TLP:RED only after the
 * originating organisation's supervisor approves (nobody else can), an erased report revoked; a PUSH feed
 * sends the partner exactly what it may read and the partner's side applies it once; a page with a bad
 * object is refused whole and the cursor stays.
 */
@FusionCellTest
@Tag("persistence")
class PublicationAndFeedsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reports reports;
    @Autowired
    Entities entities;
    @Autowired
    ReportEntities reportEntities;
    @Autowired
    Readers readers;

    @Test
    void theCellPublishesWhatThePartnerMayReadAndPushesItOnce() throws Exception {
        BearerApi api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule nationale de fusion", OrganisationType.STATE_AGENCY, "MR");
        String police = fx.organisation("المديرية العامة للأمن الوطني", OrganisationType.STATE_AGENCY, "MR");
        String partnerOrg = fx.organisation("Cellule régionale partenaire", OrganisationType.PARTNER_FUSION_CELL, "SN");
        String agreement = fx.agreement(Set.of(cell, partnerOrg), "SECRET", Set.of("*"));
        fx.agreement(Set.of(cell, police), "SECRET", Set.of("*"));
        String admin = fx.token(fx.user(cell, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        String analystId = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        String analyst = fx.token(analystId, "read", "write");
        String supervisorId = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        String supervisor = fx.token(supervisorId, "read", "write");
        String otherSupervisor = fx.token(fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        String policeSupervisor = fx.token(fx.user(police, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        String partnerReader = fx.token(fx.user(partnerOrg, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of()), "read");
        String partnerAdmin = fx.token(fx.user(partnerOrg, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()),
                "read", "write", "admin");

        String collection = BearerApi.created(api.send(admin, "/api/v1/admin/taxii-collections", Map.of(
                "title", "Cellule → partenaire", "agreementId", agreement, "publishes", true)));
        Map<String, Object> toPartner = Map.of("agreements", List.of(agreement));
        String shared = report(api, analyst, "Attaque contre un poste frontalier", "AMBER", toPartner);
        String red = report(api, analyst, "مصدر بشري في المنطقة الحدودية", "RED",
                Map.of("agreements", List.of(agreement), "users", List.of(supervisorId)));
        report(api, analyst, "Note interne : effectifs de la cellule", "AMBER", Map.of());
        // an entity the shared report mentions goes along under its own marking
        Marking entityMarking = new Marking(1, Tlp.AMBER, new Releasability(Set.of(), Set.of(), Set.of(agreement),
                Set.of()), false, Set.of(), cell);
        String phone = entities.record(readers.forUser(analystId, "test"), new EntityDraft(EntityType.PHONE,
                "+222 45 25 12 34", "phone:+22245251234", Map.of("number", "+22245251234"), entityMarking)).entity().id();
        reportEntities.mention(readers.forUser(analystId, "test"), shared, phone, "test");

        String objects = "/api/taxii2/fusioncell/collections/" + collection + "/objects/";
        awaitNames(api, partnerReader, objects + "?match[type]=report", 1);
        assertThat(names(api, partnerReader, objects + "?match[type]=report"))
                .containsExactly("Attaque contre un poste frontalier");
        // the mention is published by its own listener after the report's: wait for it as for the report
        awaitObjects(api, partnerReader, objects + "?match[type]=observed-data", 1);
        assertThat(api.get(partnerReader, objects + "?match[type]=observed-data", 200).get("objects")).hasSize(1);

        // TLP:RED needs a supervisor of the originating organisation who is a named recipient: not an analyst,
        // not another organisation, not a supervisor who may not read it
        Map<String, Object> approval = Map.of("collectionId", collection, "itemId", red, "reason", "accord du chef de cellule");
        HttpResponse<String> byAnalyst = api.send(analyst, "/api/v1/exchange/release-approvals", approval);
        assertThat(byAnalyst.statusCode()).as(byAnalyst.body()).isEqualTo(400);
        assertThat(api.send(policeSupervisor, "/api/v1/exchange/release-approvals", approval).statusCode()).isEqualTo(404);
        HttpResponse<String> notNamed = api.send(otherSupervisor, "/api/v1/exchange/release-approvals", approval);
        assertThat(notNamed.statusCode()).as(notNamed.body()).isEqualTo(400);
        assertThat(names(api, partnerReader, objects + "?match[type]=report")).hasSize(1);
        HttpResponse<String> approved = api.send(supervisor, "/api/v1/exchange/release-approvals", approval);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(names(api, partnerReader, objects + "?match[type]=report"))
                .containsExactlyInAnyOrder("Attaque contre un poste frontalier", "مصدر بشري في المنطقة الحدودية");

        // PUSH: the partner keeps a collection the cell may write to; what arrives there is applied on its side
        String inbox = BearerApi.created(api.send(partnerAdmin, "/api/v1/admin/taxii-collections", Map.of(
                "title", "Boîte de réception de la cellule", "writerOrganisationIds", List.of(cell))));
        String cellWriter = fx.token(fx.user(cell, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of()), "read", "write");
        HttpResponse<String> standsForCell = api.send(partnerAdmin, "/api/v1/admin/partner-cells", Map.of(
                "name", "Cellule nationale", "organisationId", cell, "agreementId", agreement));
        assertThat(standsForCell.statusCode()).as(standsForCell.body()).isEqualTo(201);
        String partnerCell = BearerApi.created(api.send(admin, "/api/v1/admin/partner-cells", Map.of(
                "name", "Cellule régionale", "organisationId", partnerOrg, "agreementId", agreement,
                "baseUrl", "http://127.0.0.1:" + port, "token", cellWriter)));
        String push = BearerApi.created(api.send(admin, "/api/v1/admin/taxii-feeds", Map.of("partnerId", partnerCell,
                "direction", "PUSH", "remoteCollectionId", inbox, "localCollectionId", collection, "enabled", false)));
        JsonNode pushed = run(api, admin, push);
        assertThat(pushed.get("outcome").asString()).as(pushed.toString()).isEqualTo("OK");
        assertThat(run(api, admin, push).get("objects").asInt()).as("nothing twice").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_stix_item WHERE organisation_id = :o AND local_type = 'report'")
                .param("o", partnerOrg).query(Long.class).single()).isEqualTo(1);
        // TLP:RED reaches named accounts only — those the partner reads with — so a push carries none of it
        assertThat(names(api, partnerReader, "/api/taxii2/fusioncell/collections/" + inbox + "/objects/?match[type]=report"))
                .containsExactly("Attaque contre un poste frontalier");

        // an erased report is revoked in the collection: the partner receives its revoked version
        String stixId = api.get(partnerReader, objects + "?match[type]=report", 200).get("objects").valueStream()
                .filter(o -> o.path("name").asString().startsWith("Attaque")).findFirst().orElseThrow().get("id").asString();
        assertThat(reports.erase(readers.forUser(analystId, "erasure"), shared, "source retirée")).isTrue();
        Instant until = Instant.now().plusSeconds(30);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = api.get(partnerReader, objects + stixId + "/", 200).get("objects").get(0);
            if (last.path("revoked").asBoolean()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(last.path("revoked").asBoolean()).isTrue();
        // erased: the revocation keeps no content, and no earlier version in the store does either
        assertThat(last.path("name").asString()).isEqualTo("[erased]");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_taxii_object WHERE collection_id = :c"
                + " AND json LIKE '%Attaque contre un poste%'").param("c", collection).query(Long.class).single())
                .isZero();
        // an outsider of the collection learns nothing, revoked or not
        assertThat(api.status(policeSupervisor, objects + stixId + "/")).isEqualTo(404);

        // feeds: bad input names the field; another organisation does not see the feed
        HttpResponse<String> bad = api.send(admin, "/api/v1/admin/taxii-feeds", Map.of("partnerId", partnerCell,
                "direction", "PULL", "remoteCollectionId", "../etc", "intervalSeconds", 60));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("remoteCollectionId");
        assertThat(api.status(partnerAdmin, "/api/v1/admin/taxii-feeds/" + push)).isEqualTo(404);
        assertThat(api.get(partnerAdmin, "/api/v1/admin/taxii-feeds", 200)).isEmpty();
    }

    @Test
    void aPageWithABadObjectIsRefusedWholeAndTheCursorStays() throws Exception {
        BearerApi api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation(OrganisationType.STATE_AGENCY);
        String partnerOrg = fx.organisation(OrganisationType.PARTNER_FUSION_CELL);
        String agreement = fx.agreement(Set.of(cell, partnerOrg), "SECRET", Set.of("*"));
        String admin = fx.token(fx.user(cell, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        String page = """
                {"more": false, "objects": [
                  {"type": "identity", "spec_version": "2.1", "id": "identity--6f1d7c4e-7d58-4b52-9a0c-0e3a8a1d2f10",
                   "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z",
                   "name": "Groupe armé du Sahel", "identity_class": "group"},
                  {"type": "report", "spec_version": "2.1", "id": "report--not-a-uuid",
                   "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z", "name": "x"}
                ]}""";
        HttpServer partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/taxii+json;version=2.1");
            exchange.getResponseHeaders().add("X-TAXII-Date-Added-First", "2026-01-02T00:00:00.000000Z");
            exchange.getResponseHeaders().add("X-TAXII-Date-Added-Last", "2026-01-02T00:00:00.000001Z");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        partner.start();
        try {
            String partnerCell = BearerApi.created(api.send(admin, "/api/v1/admin/partner-cells", Map.of(
                    "name", "Partenaire", "organisationId", partnerOrg, "agreementId", agreement,
                    "baseUrl", "http://127.0.0.1:" + partner.getAddress().getPort(), "token", "t")));
            String feed = BearerApi.created(api.send(admin, "/api/v1/admin/taxii-feeds", Map.of("partnerId", partnerCell,
                    "direction", "PULL", "remoteCollectionId", "c1", "enabled", false)));
            JsonNode r = run(api, admin, feed);
            assertThat(r.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(r.get("error").asString()).contains("objects[1]");
            assertThat(api.get(admin, "/api/v1/admin/taxii-feeds/" + feed, 200).get("cursor").isNull()).isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_stix_item WHERE organisation_id = :o").param("o", cell)
                    .query(Long.class).single()).isZero();
            assertThat(api.get(admin, "/api/v1/exchange/log?partner=" + partnerCell, 200).get("items").get(0)
                    .get("outcome").asString()).isEqualTo("FAILED");
        } finally {
            partner.stop(0);
        }
    }

    private static String report(BearerApi api, String token, String title, String tlp, Map<String, Object> releasability)
            throws Exception {
        Map<String, Object> marking = new HashMap<>(Map.of("classification", "RESTRICTED", "tlp", tlp,
                "releasability", releasability));
        return BearerApi.created(api.send(token, "/api/v1/reports", Map.of("title", title,
                "body", title + " — rapport de la cellule.",
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2), "marking", marking)));
    }

    private static JsonNode run(BearerApi api, String admin, String feed) throws Exception {
        HttpResponse<String> r = api.send(admin, "/api/v1/admin/taxii-feeds/" + feed + "/run", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return BearerApi.JSON.readTree(r.body());
    }

    private static List<String> names(BearerApi api, String token, String path) throws Exception {
        List<String> out = new ArrayList<>();
        api.get(token, path, 200).path("objects").forEach(o -> out.add(o.path("name").asString()));
        return out;
    }

    private static void awaitObjects(BearerApi api, String token, String path, int n) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until) && api.get(token, path, 200).path("objects").size() < n) {
            Thread.sleep(200);
        }
    }

    private static void awaitNames(BearerApi api, String token, String path, int n) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until) && names(api, token, path).size() < n) {
            Thread.sleep(200);
        }
    }
}
