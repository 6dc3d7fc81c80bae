package org.fusioncell.exchange.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.taxii.StixObject;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.fusioncell.testing.leak.LeakWorld;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Random markings by every member of the leak world (state agencies, a partner cell under a low-ceiling
 * agreement, caveats, TLP:RED for named users, originator control): a package for the partner cell holds
 * exactly the objects the access policy lets the partner's organisation read — nothing more, nothing less —
 * and whoever builds it must be able to read all of it.
 */
@FusionCellTest
@Tag("persistence")
class PackagesLeakTest {

    private static final String TYPE = "report";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    ClassificationScheme scheme;
    @Autowired
    MarkingVocabulary vocabulary;
    @Autowired
    Markings markings;
    @Autowired
    TaxiiStore store;

    @Test
    void aPackageHoldsExactlyWhatThePolicyLetsThePartnerRead() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        LeakWorld world = LeakWorld.build(fx, readers, scheme, TYPE, Set.of(Role.LIAISON_OFFICER));
        LeakWorld.Member carrier = member(world, "cell-high");
        String cell = carrier.organisationId();
        String partnerOrg = member(world, "partner-high").organisationId();
        String agreement = jdbc.sql("""
                SELECT a.agreement_id FROM identity_agreement_party a JOIN identity_agreement_party b
                ON a.agreement_id = b.agreement_id WHERE a.organisation_id = :a AND b.organisation_id = :b""")
                .param("a", cell).param("b", partnerOrg).query(String.class).single();
        String admin = fx.token(fx.user(cell, scheme.highest(), Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        BearerApi api = new BearerApi(port);
        String partnerId = BearerApi.created(api.send(admin, "/api/v1/admin/partner-cells", Map.of("name", "Partner cell",
                "organisationId", partnerOrg, "agreementId", agreement)));
        String collectionId = BearerApi.created(api.send(admin, "/api/v1/admin/taxii-collections",
                Map.of("title", "Leak world", "agreementId", agreement)));
        TaxiiCollection collection = store.collection(carrier.reader(), "fusioncell", collectionId).orElseThrow()
                .collection();
        Reader partner = readers.forOrganisation(partnerOrg, "processing:offline-package", "leak test");

        Random rnd = new Random(20261123L);
        Set<String> expected = new HashSet<>();
        int withheld = 0;
        List<StixObject> beyondTheCarrier = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LeakWorld.Member author = world.members().get(rnd.nextInt(world.members().size()));
            Marking marking = world.randomMarking(rnd, author).toMarking(scheme, vocabulary, author.organisationId(),
                    author.userId(), "marking");
            String id = PackageWorld.noteId();
            StixObject note = PackageWorld.note(id, markings.save(marking));
            boolean partnerReads = AccessPolicy.decide(partner, TYPE, marking).visible();
            if (partnerReads && !AccessPolicy.decide(carrier.reader(), TYPE, marking).visible()) {
                beyondTheCarrier.add(note); // would make the export refuse: checked at the end
                continue;
            }
            store.add(author.reader(), collection, List.of(note), Instant.now());
            if (partnerReads) {
                expected.add(id);
            } else {
                withheld++;
            }
        }
        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(withheld).isGreaterThan(10);

        HttpResponse<byte[]> built = export(api, carrier.token(), partnerId, collectionId);
        assertThat(built.statusCode()).as(new String(built.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode objects = BearerApi.JSON.readTree(PackageWorld.entries(built.body()).get("objects.json"));
        Set<String> carried = new HashSet<>();
        objects.get("objects").forEach(o -> carried.add(o.get("id").asString()));
        assertThat(carried).isEqualTo(expected);
        assertThat(new String(built.body(), StandardCharsets.ISO_8859_1)).doesNotContain(LeakWorld.CONTENT_MARKER);

        assertThat(beyondTheCarrier).isNotEmpty();
        store.add(carrier.reader(), collection, List.of(beyondTheCarrier.getFirst()), Instant.now());
        HttpResponse<byte[]> refused = export(api, carrier.token(), partnerId, collectionId);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("exporter-clearance");
    }

    private HttpResponse<byte[]> export(BearerApi api, String token, String partnerId, String collectionId)
            throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/exchange/packages"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(BearerApi.JSON.writeValueAsString(
                        Map.of("partnerId", partnerId, "collectionId", collectionId, "since", "2000-01-01"))))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static LeakWorld.Member member(LeakWorld world, String label) {
        return world.members().stream().filter(m -> m.label().equals(label)).findFirst().orElseThrow();
    }
}
