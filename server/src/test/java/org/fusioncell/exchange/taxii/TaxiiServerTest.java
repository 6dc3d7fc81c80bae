package org.fusioncell.exchange.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII 2.1 server against the OASIS reference server's own test collection (medallion): a partner
 * under an agreement pushes and pages through it with every filter; a bad envelope adds nothing; a resumed
 * push adds nothing twice; the objects under a FusionCell marking reach only those who may see them.
 */
@FusionCellTest
@Tag("persistence")
class TaxiiServerTest {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Markings markings;
    @Autowired
    TaxiiStore store;

    private final HttpClient http = HttpClient.newHttpClient();
    private String cell;
    private String partnerOrg;
    private String admin;
    private String partner;
    private String outsider;
    private String cellAnalystId;
    private String partnerId;

    @BeforeEach
    void world() {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        cell = fx.organisation(OrganisationType.STATE_AGENCY);
        partnerOrg = fx.organisation(OrganisationType.PARTNER_FUSION_CELL);
        fx.agreement(Set.of(cell, partnerOrg), "SECRET", Set.of("*"));
        admin = fx.token(fx.user(cell, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        cellAnalystId = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        partnerId = fx.user(partnerOrg, "SECRET", Set.of(Role.ANALYST), Set.of());
        partner = fx.token(partnerId, "read", "write");
        outsider = fx.token(fx.user(fx.organisation(OrganisationType.STATE_AGENCY), "SECRET", Set.of(Role.ANALYST),
                Set.of()), "read", "write");
    }

    private String collection(String agreementWriters) throws Exception {
        String agreement = jdbc.sql("SELECT a.id FROM identity_agreement a JOIN identity_agreement_party p ON p.agreement_id"
                + " = a.id WHERE p.organisation_id = :o").param("o", partnerOrg).query(String.class).list().getFirst();
        HttpResponse<String> r = send("POST", admin, "/api/v1/admin/taxii-collections", "application/json",
                JSON.writeValueAsString(Map.of("title", "Cell – partner", "agreementId", agreement,
                        "writerOrganisationIds", List.of(agreementWriters))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asString();
    }

    private static ArrayNode medallionObjects() throws Exception {
        Path file = Path.of(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"))
                .resolve("taxii21-examples/medallion_default_data.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), "the medallion test data is not at " + file
                + "; set FUSIONCELL_TEST_DATA");
        for (JsonNode c : JSON.readTree(file.toFile()).get("trustgroup1").get("collections")) {
            if (c.get("id").asString().equals("91a7b528-80eb-42ed-a74d-c6fbd5a26116")) {
                return (ArrayNode) c.get("objects");
            }
        }
        throw new AssertionError("collection 91a7b528 missing from the medallion data");
    }

    @Test
    void refusedTokensGetTheTaxiiErrorResource() throws Exception {
        HttpResponse<String> unknown = send("GET", "not-a-token", "/api/taxii2/fusioncell/collections/", null, null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/taxii+json");
        assertThat(JSON.readTree(unknown.body()).get("http_status").asString()).isEqualTo("401");
        String readOnly = new IdentityFixtures(jdbc).token(partnerId, "read");
        HttpResponse<String> push = send("POST", readOnly, "/api/taxii2/fusioncell/collections/" + collection(partnerOrg)
                + "/objects/", TAXII, "{\"objects\":[]}");
        assertThat(push.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(push.body()).get("title").asString()).isEqualTo("Forbidden");
        HttpResponse<String> badAgreement = send("POST", admin, "/api/v1/admin/taxii-collections", "application/json",
                JSON.writeValueAsString(Map.of("title", "x", "agreementId", "01a20000-0000-7000-8000-000000000000")));
        assertThat(badAgreement.statusCode()).isEqualTo(400);
        assertThat(badAgreement.body()).contains("agreementId");
    }

    @Test
    void aPartnerPushesAndPagesThroughACollectionWithEveryFilter() throws Exception {
        String c = collection(partnerOrg);
        String objects = "/api/taxii2/fusioncell/collections/" + c + "/objects/";
        ArrayNode all = medallionObjects();
        long before = stored(c);
        // the reference data holds one STIX 2.0 object: the whole envelope is refused, naming it
        HttpResponse<String> refused = send("POST", partner, objects, TAXII, envelope(all));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.get("http_status").asString()).isEqualTo("422");
        assertThat(error.get("details").get("failures")).hasSize(1);
        assertThat(error.get("details").get("failures").get(0).get("message").asString()).startsWith("objects[6]: spec_version");
        assertThat(stored(c)).isEqualTo(before);

        ArrayNode valid = JSON.createArrayNode();
        all.forEach(o -> {
            if (o.has("spec_version")) {
                valid.add(o);
            }
        });
        HttpResponse<String> added = send("POST", partner, objects, TAXII, envelope(valid));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(202);
        JsonNode status = JSON.readTree(added.body());
        assertThat(status.get("status").asString()).isEqualTo("complete");
        assertThat(status.get("success_count").asInt()).isEqualTo(7);
        assertThat(get(partner, "/api/taxii2/fusioncell/status/" + status.get("id").asString() + "/").get("total_count")
                .asInt()).isEqualTo(7);
        // a resumed push adds nothing twice
        assertThat(send("POST", partner, objects, TAXII, envelope(valid)).statusCode()).isEqualTo(202);
        assertThat(stored(c)).isEqualTo(7);

        assertThat(get(partner, objects).get("objects")).hasSize(5); // the last version of each of five objects
        assertThat(get(partner, objects + "?match[version]=all").get("objects")).hasSize(7);
        JsonNode first = get(partner, objects + "?match[id]=indicator--6770298f-0fd8-471a-ab8c-1c658a46574e&match[version]=first");
        assertThat(first.get("objects").get(0).get("modified").asString()).isEqualTo("2016-11-03T12:30:59.000Z");
        assertThat(get(partner, objects + "?match[version]=" + enc("2016-12-25T12:30:59.444Z")).get("objects")).hasSize(1);
        assertThat(get(partner, objects + "?match[type]=indicator,relationship").get("objects")).hasSize(3);

        // paging with next: every version exactly once, in order
        List<String> seen = new ArrayList<>();
        String next = null;
        String lastAdded = null;
        do {
            HttpResponse<String> page = send("GET", partner, objects + "?match[version]=all&limit=2"
                    + (next == null ? "" : "&next=" + next), null, null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue(TAXII);
            if (lastAdded == null) {
                lastAdded = page.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();
            }
            JsonNode body = JSON.readTree(page.body());
            body.get("objects").forEach(o -> seen.add(o.get("id").asString() + "@" + version(o)));
            next = body.get("more").asBoolean() ? body.get("next").asString() : null;
        } while (next != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        // resuming from the last date added of the first page gives the other five, none twice
        assertThat(get(partner, objects + "?match[version]=all&added_after=" + enc(lastAdded)).get("objects")).hasSize(5);

        JsonNode manifest = get(partner, "/api/taxii2/fusioncell/collections/" + c + "/manifest/");
        assertThat(manifest.get("objects")).hasSize(5);
        assertThat(manifest.get("objects").get(0).get("media_type").asString()).isEqualTo("application/stix+json;version=2.1");
        String indicator = objects + "indicator--6770298f-0fd8-471a-ab8c-1c658a46574e/";
        assertThat(get(partner, indicator + "versions/").get("versions")).hasSize(3);

        // deleting the newest version makes the one before it the last
        assertThat(send("DELETE", partner, indicator + "?match[version]=" + enc("2017-01-27T13:49:53.935Z"), null, null)
                .statusCode()).isEqualTo(200);
        assertThat(get(partner, indicator).get("objects").get(0).get("modified").asString())
                .isEqualTo("2016-12-25T12:30:59.444Z");
        assertThat(send("GET", partner, objects + "indicator--00000000-0000-4000-8000-000000000000/", null, null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsGetTaxiiErrorsAndOutsidersLearnNothing() throws Exception {
        String c = collection(partnerOrg);
        String objects = "/api/taxii2/fusioncell/collections/" + c + "/objects/";
        for (String bad : List.of("limit=0", "limit=many", "added_after=yesterday", "match[colour]=red", "next=%21%21",
                "match[version]=latest")) {
            HttpResponse<String> r = send("GET", partner, objects + "?" + bad, null, null);
            assertThat(r.statusCode()).as(bad + " " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(TAXII);
            assertThat(JSON.readTree(r.body()).get("title").asString()).isEqualTo("Malformed filter");
        }
        HttpRequest xml = HttpRequest.newBuilder(URI.create("http://localhost:" + port + objects))
                .header("Authorization", "Bearer " + partner).header("Accept", "application/xml").GET().build();
        assertThat(http.send(xml, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(406);
        assertThat(send("POST", partner, objects, "application/json", "{\"objects\":[]}").statusCode()).isEqualTo(415);
        HttpResponse<String> unknown = send("POST", partner, objects, TAXII, "{\"objects\":[{\"type\":\"x-weapon\","
                + "\"id\":\"x-weapon--9a1c3e2b-6d4f-4f6e-9a1b-2c3d4e5f6a7b\",\"spec_version\":\"2.1\"}]}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("unknown object type 'x-weapon'");
        assertThat(send("POST", partner, objects, TAXII, "{\"bundle\": true}").statusCode()).isEqualTo(400);
        assertThat(stored(c)).isZero();

        JsonNode list = get(outsider, "/api/taxii2/fusioncell/collections/");
        assertThat(list.has("collections")).isFalse();
        assertThat(send("GET", outsider, "/api/taxii2/fusioncell/collections/" + c + "/", null, null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", outsider, objects, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", partner, "/api/taxii2/elsewhere/collections/", null, null).statusCode()).isEqualTo(404);
        JsonNode discovery = get(partner, "/api/taxii2/");
        assertThat(discovery.get("api_roots").get(0).asString()).endsWith("/api/taxii2/fusioncell/");
        assertThat(get(partner, "/api/taxii2/fusioncell/").get("versions").get(0).asString()).isEqualTo(TAXII);
    }

    @Test
    void objectsUnderAMarkingReachOnlyThoseWhoMaySeeThem() throws Exception {
        String c = collection(partnerOrg);
        String objects = "/api/taxii2/fusioncell/collections/" + c + "/objects/";
        var collection = store.collection(readers.forUser(partnerId, "test"), "fusioncell", c).orElseThrow().collection();
        String red = markings.save(new Marking(1, Tlp.RED, new Releasability(Set.of(), Set.of(), Set.of(),
                Set.of(cellAnalystId)), false, Set.of(), cell));
        String green = markings.save(new Marking(1, Tlp.GREEN, Releasability.NONE, false, Set.of(), cell));
        store.add(readers.forUser(cellAnalystId, "test"), collection, List.of(
                note("note--0b6c1a3e-1111-4c2d-8e9f-0a1b2c3d4e5f", red),
                note("note--0b6c1a3e-2222-4c2d-8e9f-0a1b2c3d4e5f", green)), Instant.now());
        Set<String> partnerSees = ids(get(partner, objects));
        assertThat(partnerSees).containsExactly("note--0b6c1a3e-2222-4c2d-8e9f-0a1b2c3d4e5f");
        String cellToken = new IdentityFixtures(jdbc).token(cellAnalystId, "read");
        assertThat(ids(get(cellToken, objects))).hasSize(2);
        assertThat(send("GET", partner, objects + "note--0b6c1a3e-1111-4c2d-8e9f-0a1b2c3d4e5f/", null, null).statusCode())
                .isEqualTo(404);
    }

    private static StixObject note(String id, String markingId) {
        String json = "{\"type\":\"note\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2026-11-22T10:00:00.000Z\","
                + "\"modified\":\"2026-11-22T10:00:00.000Z\",\"content\":\"Convoi signalé près de Gao\","
                + "\"object_refs\":[\"identity--0b6c1a3e-3333-4c2d-8e9f-0a1b2c3d4e5f\"]}";
        return new StixObject(id, "note", "2026-11-22T10:00:00.000Z", "2.1", json, markingId, "report");
    }

    private static Set<String> ids(JsonNode envelope) {
        Set<String> out = new HashSet<>();
        if (envelope.has("objects")) {
            envelope.get("objects").forEach(o -> out.add(o.get("id").asString()));
        }
        return out;
    }

    private static String version(JsonNode o) {
        return o.has("modified") ? o.get("modified").asString() : o.get("created").asString();
    }

    private long stored(String collection) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_taxii_object WHERE collection_id = :c").param("c", collection)
                .query(Long.class).single();
    }

    private static String envelope(ArrayNode objects) {
        ObjectNode e = JSON.createObjectNode();
        e.set("objects", objects);
        return JSON.writeValueAsString(e);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonNode get(String token, String path) throws Exception {
        HttpResponse<String> r = send("GET", token, path, null, null);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String method, String token, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", TAXII);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
