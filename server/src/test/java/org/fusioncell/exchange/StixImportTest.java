package org.fusioncell.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.fusioncell.access.OrganisationType;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Import: every official OASIS example bundle imports (and a second import creates nothing); bad input —
 * schema-invalid objects, unknown types, too many objects, a marking reference that resolves to nothing, an
 * extension value this installation does not know — is refused with a problem detail naming the field, and
 * nothing at all is written.
 */
@FusionCellTest
@Tag("persistence")
class StixImportTest {

    private static final String PATH = "/api/v1/exchange/stix/bundle";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StixBundles bundles;
    @Autowired
    Readers readers;

    private BearerApi api;
    private String token;
    private String userId;
    private String agency;

    @BeforeEach
    void world() {
        api = new BearerApi(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        agency = fx.organisation(OrganisationType.STATE_AGENCY);
        userId = fx.user(agency, "SECRET", Set.of(Role.ANALYST), Set.of());
        token = fx.token(userId, "read", "write");
    }

    private long written() {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM intake_report) + (SELECT COUNT(*) FROM entity) + (SELECT COUNT(*) FROM entity_link)
                     + (SELECT COUNT(*) FROM entity_mention) + (SELECT COUNT(*) FROM exchange_stix_item)
                     + (SELECT COUNT(*) FROM exchange_stix_object)""").query(Long.class).single();
    }

    static List<Path> officialExamples() throws Exception {
        Path data = StixSchemas.data();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(data.resolve("stix21-examples"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(data.resolve("stix21-schemas/examples"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    void everyOfficialExampleBundleImportsAndASecondImportCreatesNothing() throws Exception {
        var reader = readers.forUser(userId, "test");
        int bundlesImported = 0;
        for (Path file : officialExamples()) {
            byte[] body = Files.readAllBytes(file);
            JsonNode parsed = BearerApi.JSON.readTree(body);
            if (!"bundle".equals(parsed.path("type").asString(""))) {
                continue; // interop-objectmarking-test.json is a single object, not a bundle
            }
            int objects = parsed.get("objects").size();
            StixBundles.Imported first = bundles.importBundle(reader, body);
            int accounted = first.reports() + first.entities() + first.links() + first.kept() + first.alreadyHeld();
            assertThat(accounted).as(file.getFileName() + ": every object becomes something (" + first + ")")
                    .isGreaterThanOrEqualTo(objects - standard(parsed));
            long before = written();
            StixBundles.Imported again = bundles.importBundle(reader, body);
            assertThat(again.reports() + again.entities() + again.links() + again.kept() + again.mentions())
                    .as(file.getFileName() + " again: " + again).isZero();
            assertThat(written()).isEqualTo(before);
            bundlesImported++;
        }
        assertThat(bundlesImported).isEqualTo(16);
        // apt1: the report, the threat actor as a group, identities of people as persons; the rest kept
        var apt1 = bundles.importBundle(readers.forUser(new IdentityFixtures(jdbc).user(
                new IdentityFixtures(jdbc).organisation(OrganisationType.STATE_AGENCY), "SECRET", Set.of(Role.ANALYST),
                Set.of()), "test"), Files.readAllBytes(StixSchemas.data().resolve("stix21-schemas/examples/threat-reports/apt1.json")));
        assertThat(apt1.reports()).isEqualTo(1);
        assertThat(apt1.entities()).isPositive();
        assertThat(apt1.kept()).isPositive();
    }

    /** TLP marking definitions are standard: nothing is created for them. */
    private static int standard(JsonNode bundle) {
        int n = 0;
        for (JsonNode o : bundle.get("objects")) {
            if (o.get("type").asString().equals("marking-definition") && o.has("definition_type")
                    && o.get("definition_type").asString().equals("tlp")) {
                n++;
            }
        }
        return n;
    }

    private ObjectNode example(String name) throws Exception {
        return (ObjectNode) BearerApi.JSON.readTree(Files.readString(StixSchemas.data().resolve("stix21-examples").resolve(name)));
    }

    private String refused(ObjectNode bundle, int status) throws Exception {
        long before = written();
        long audits = jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE object_type = 'stix-bundle'").query(Long.class).single();
        HttpResponse<String> r = api.send(token, PATH, BearerApi.JSON.writeValueAsString(bundle));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(written()).as("nothing written").isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE object_type = 'stix-bundle'").query(Long.class).single())
                .isEqualTo(audits);
        return BearerApi.JSON.readTree(r.body()).get("field").asString();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        StixSchemas.data();
        // schema-invalid: a report without published, in the middle of a bundle whose other objects are fine
        ObjectNode bundle = example("threat-actor-leveraging-attack-patterns-and-malware.json");
        ObjectNode report = BearerApi.JSON.createObjectNode();
        report.put("type", "report");
        report.put("spec_version", "2.1");
        report.put("id", "report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3");
        report.put("created", "2026-03-12T10:00:00.000Z");
        report.put("modified", "2026-03-12T10:00:00.000Z");
        report.put("name", "Incomplete");
        report.putArray("object_refs").add("threat-actor--dfaa8d77-07e2-4e28-b2c8-92e9f7b04428");
        ((tools.jackson.databind.node.ArrayNode) bundle.get("objects")).add(report);
        int last = bundle.get("objects").size() - 1;
        assertThat(refused(bundle, 400)).isEqualTo("objects[" + last + "].published");

        ObjectNode badStamp = example("indicator-for-malicious-url.json");
        ((ObjectNode) badStamp.get("objects").get(0)).put("created", "2026-13-45T99:00:00Z");
        assertThat(refused(badStamp, 400)).isEqualTo("objects[0].created");

        ObjectNode badId = example("indicator-for-malicious-url.json");
        ((ObjectNode) badId.get("objects").get(1)).put("id", "indicator--not-a-uuid");
        assertThat(refused(badId, 400)).isEqualTo("objects[1].id");

        // an unknown type: refused naming the index and the type, even after valid objects
        ObjectNode unknown = example("indicator-for-malicious-url.json");
        ObjectNode custom = ((tools.jackson.databind.node.ArrayNode) unknown.get("objects")).addObject();
        custom.put("type", "x-acme-widget");
        custom.put("spec_version", "2.1");
        custom.put("id", "x-acme-widget--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061");
        assertThat(refused(unknown, 400)).isEqualTo("objects[3].type");

        // a marking reference that is neither TLP nor defined in the bundle
        ObjectNode marking = example("identifying-a-threat-actor-profile.json");
        ((ObjectNode) marking.get("objects").get(0)).putArray("object_marking_refs")
                .add("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ec");
        assertThat(refused(marking, 400)).isEqualTo("objects[0].object_marking_refs[0]");

        // not a bundle, not JSON
        ObjectNode notBundle = BearerApi.JSON.createObjectNode();
        notBundle.put("type", "report");
        assertThat(refused(notBundle, 400)).isEqualTo("type");
        HttpResponse<String> garbage = api.post(token, PATH, "{\"type\": \"bundle\", ");
        assertThat(garbage.statusCode()).isEqualTo(400);

        // the FusionCell extension with a classification this installation does not have
        ObjectNode ours = BearerApi.JSON.createObjectNode();
        ours.put("type", "bundle");
        ours.put("id", "bundle--1a8b0b0e-4f5c-4c0e-9f4a-8f2b7a0c1d2e");
        ObjectNode group = ours.putArray("objects").addObject();
        group.put("type", "threat-actor");
        group.put("spec_version", "2.1");
        group.put("id", "threat-actor--3c9a4f7e-1d2b-4c5a-8e6f-7a8b9c0d1e2f");
        group.put("created", "2026-03-12T10:00:00.000Z");
        group.put("modified", "2026-03-12T10:00:00.000Z");
        group.put("name", "Katiba");
        ObjectNode x = group.putObject("extensions").putObject(
                org.fusioncell.exchange.internal.StixVocabulary.EXTENSION_ID);
        x.put("extension_type", "property-extension");
        x.put("item_type", "entity");
        x.put("entity_type", "GROUP");
        x.put("label", "Katiba");
        x.putObject("attributes").put("name", "Katiba");
        x.put("classification", "COSMIC TOP SECRET");
        String xf = "objects[0].extensions." + org.fusioncell.exchange.internal.StixVocabulary.EXTENSION_ID;
        assertThat(refused(ours, 400)).isEqualTo(xf + ".classification");
        // attributes that are not those of a group, a person's names not in the stored form, a bad phone number
        x.put("classification", "RESTRICTED");
        x.putObject("attributes").put("name", "Katiba").put("leader", "someone");
        assertThat(refused(ours, 400)).isEqualTo(xf + ".attributes.leader");
        group.put("type", "identity");
        group.put("id", "identity--3c9a4f7e-1d2b-4c5a-8e6f-7a8b9c0d1e2f");
        x.put("entity_type", "PERSON");
        x.putObject("attributes").putArray("names").add("Mohamed");
        assertThat(refused(ours, 400)).isEqualTo(xf + ".attributes.names[0]");
        group.put("type", "observed-data");
        group.put("id", "observed-data--3c9a4f7e-1d2b-4c5a-8e6f-7a8b9c0d1e2f");
        group.put("first_observed", "2026-03-12T10:00:00.000Z");
        group.put("last_observed", "2026-03-12T10:00:00.000Z");
        group.put("number_observed", 1);
        group.putArray("object_refs").add("x-fusioncell-identifier--3c9a4f7e-1d2b-4c5a-8e6f-7a8b9c0d1e2f");
        x.put("entity_type", "PHONE");
        x.putObject("attributes").put("number", "not a number");
        assertThat(refused(ours, 400)).startsWith(xf + ".attributes");
    }

    @Test
    void aBundleWithMoreObjectsThanTheLimitIsRefusedWith413() throws Exception {
        StringBuilder b = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--1a8b0b0e-4f5c-4c0e-9f4a-8f2b7a0c1d2e\",\"objects\":[");
        for (int i = 0; i <= 10_000; i++) {
            b.append(i == 0 ? "" : ",").append("{}");
        }
        b.append("]}");
        long before = written();
        HttpResponse<String> r = api.post(token, PATH, b.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        JsonNode p = BearerApi.JSON.readTree(r.body());
        assertThat(p.get("field").asString()).isEqualTo("objects");
        assertThat(p.get("limitObjects").asInt()).isEqualTo(10_000);
        assertThat(written()).isEqualTo(before);
        // over the body limit: the web module's 413 naming the body
        HttpResponse<String> huge = api.post(token, PATH, "{\"type\":\"bundle\",\"objects\":[\"" + "x".repeat(1_100_000) + "\"]}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void anImportAnswersCountsAndIsAuditedAsACollection() throws Exception {
        ObjectNode bundle = example("sighting-of-an-indicator.json");
        HttpResponse<String> r = api.send(token, PATH, BearerApi.JSON.writeValueAsString(bundle));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = BearerApi.JSON.readTree(r.body());
        assertThat(answer.get("kept").asInt()).isEqualTo(4); // indicator, two organisations, the sighting
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'COLLECTION' AND object_type = 'stix-bundle'"
                + " AND actor_user_id = :u").param("u", userId).query(Long.class).single()).isEqualTo(1);
        // what was kept comes back in the importer's export, as it came
        JsonNode export = api.get(token, PATH, 200);
        List<String> ids = new ArrayList<>();
        export.get("objects").forEach(o -> ids.add(o.get("id").asString()));
        for (JsonNode o : bundle.get("objects")) {
            assertThat(ids).contains(o.get("id").asString());
        }
        for (JsonNode o : export.get("objects")) {
            for (JsonNode original : bundle.get("objects")) {
                if (original.get("id").equals(o.get("id"))) {
                    assertThat(o).isEqualTo(original);
                }
            }
        }
    }

    @Test
    void anObservedEmailAddressFromElsewhereBecomesAnEntityAndGoesOutAgainAsItCame() throws Exception {
        String n = StixWorld.digits(8);
        String address = "informant." + n + "@example.org";
        String bundle = """
                {"type": "bundle", "id": "bundle--5a4d2c1e-0b9f-4e8d-a7c6-%1$s",
                 "objects": [
                  {"type": "identity", "spec_version": "2.1", "id": "identity--6b5e3d2f-1c0a-4f9e-b8d7-%1$s",
                   "created": "2025-06-01T08:00:00.000Z", "modified": "2025-06-01T08:00:00.000Z",
                   "name": "Partner CERT", "identity_class": "organization"},
                  {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--7c6f4e3a-2d1b-4a0f-89e8-%1$s",
                   "created_by_ref": "identity--6b5e3d2f-1c0a-4f9e-b8d7-%1$s",
                   "created": "2025-06-02T09:15:00.000Z", "modified": "2025-06-02T09:15:00.000Z",
                   "first_observed": "2025-05-30T00:00:00Z", "last_observed": "2025-06-01T23:59:59Z", "number_observed": 4,
                   "object_refs": ["email-addr--8d7a5f4b-3e2c-4b1a-9af9-%1$s"],
                   "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]},
                  {"type": "email-addr", "spec_version": "2.1", "id": "email-addr--8d7a5f4b-3e2c-4b1a-9af9-%1$s",
                   "value": "%2$s"},
                  {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--9e8b6a5c-4f3d-4c2b-8b0a-%1$s",
                   "created": "2025-06-02T09:15:00.000Z", "modified": "2025-06-02T09:15:00.000Z",
                   "first_observed": "2025-05-30T00:00:00Z", "last_observed": "2025-05-30T00:00:00Z", "number_observed": 1,
                   "object_refs": ["file--af9c7b6d-5a4e-4d3c-9c1b-%1$s"]},
                  {"type": "file", "spec_version": "2.1", "id": "file--af9c7b6d-5a4e-4d3c-9c1b-%1$s", "name": "tract.pdf"}
                 ]}""".formatted("0000" + n, address);
        HttpResponse<String> r = api.send(token, PATH, bundle);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode counts = BearerApi.JSON.readTree(r.body());
        assertThat(counts.get("entities").asInt()).isEqualTo(1);
        assertThat(counts.get("kept").asInt()).isEqualTo(3); // the organisation, the file observation and the file
        JsonNode entities = api.get(token, "/api/v1/entities?type=EMAIL&text=" + address, 200);
        assertThat(entities.toString()).contains(address);

        JsonNode original = BearerApi.JSON.readTree(bundle);
        JsonNode export = api.get(token, PATH, 200);
        JsonNode observed = null;
        for (JsonNode o : export.get("objects")) {
            for (JsonNode in : original.get("objects")) {
                if (in.get("id").equals(o.get("id")) && !in.get("type").asString().equals("observed-data")) {
                    assertThat(o).as(in.get("id").asString()).isEqualTo(in); // kept and carried objects as they came
                }
            }
            if (o.get("id").equals(original.get("objects").get(1).get("id"))) {
                observed = o;
            }
        }
        assertThat(observed).isNotNull();
        for (String p : List.of("created_by_ref", "created", "modified", "first_observed", "last_observed", "number_observed",
                "object_refs", "object_marking_refs")) {
            assertThat(observed.get(p)).as(p).isEqualTo(original.get("objects").get(1).get(p));
        }
        assertThat(observed.get("extensions").toString()).contains("\"entity_type\":\"EMAIL\"");
        StixSchemas.load().assertValid(export);
    }
}
