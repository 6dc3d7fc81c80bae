package org.fusioncell.exchange.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.exchange.taxii.StixObject;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two cells on one instance: organisation {@code cell} builds packages for its partner {@code partnerOrg}, which
 * imports them (its partner cell for {@code cell} registers this installation's key). A TAXII collection under
 * their agreement holds notes under FusionCell markings, some of which the partner may not read.
 */
final class PackageWorld {

    static final String TAXII_ROOT = "fusioncell";

    final BearerApi api;
    final JdbcClient jdbc;
    final IdentityFixtures fx;
    final HttpClient http = HttpClient.newHttpClient();
    final int port;
    final String cell;
    final String partnerOrg;
    final String agreement;
    final String cellAnalystId;
    final String cellAdmin;
    final String cellLiaison;
    final String cellLiaisonId;
    final String partnerLiaisonId;
    final String cellAnalyst;
    final String partnerAdmin;
    final String partnerLiaison;
    final String outsider;
    final String installationKey;
    String collection;
    String partnerOfCell;   // cell's partner cell standing for partnerOrg
    String cellOfPartner;   // partnerOrg's partner cell standing for cell
    final Map<String, Object> cellOfPartnerDraft = new HashMap<>();

    PackageWorld(int port, JdbcClient jdbc) throws Exception {
        this.port = port;
        this.jdbc = jdbc;
        this.api = new BearerApi(port);
        this.fx = new IdentityFixtures(jdbc);
        cell = fx.organisation("Cellule nationale de fusion", OrganisationType.STATE_AGENCY, "MR");
        partnerOrg = fx.organisation("خلية الاندماج الإقليمية", OrganisationType.PARTNER_FUSION_CELL, "SN");
        agreement = fx.agreement(Set.of(cell, partnerOrg), "SECRET", Set.of("*"));
        cellAdmin = fx.token(fx.user(cell, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        cellLiaisonId = fx.user(cell, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of());
        cellLiaison = fx.token(cellLiaisonId, "read", "write");
        cellAnalystId = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        cellAnalyst = fx.token(cellAnalystId, "read", "write");
        partnerAdmin = fx.token(fx.user(partnerOrg, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        partnerLiaisonId = fx.user(partnerOrg, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of());
        partnerLiaison = fx.token(partnerLiaisonId, "read", "write");
        outsider = fx.token(fx.user(fx.organisation(OrganisationType.STATE_AGENCY), "SECRET",
                Set.of(Role.LIAISON_OFFICER), Set.of()), "read", "write");
        installationKey = api.get(cellLiaison, "/api/v1/exchange/packages/public-key", 200).get("publicKey").asString();
    }

    PackageWorld withPartnersAndCollection() throws Exception {
        partnerOfCell = BearerApi.created(api.send(cellAdmin, "/api/v1/admin/partner-cells", Map.of(
                "name", "خلية الاندماج الإقليمية — داكار", "organisationId", partnerOrg, "agreementId", agreement,
                "publicKey", installationKey)));
        cellOfPartnerDraft.putAll(Map.of("name", "Cellule nationale de fusion — Nouakchott", "organisationId", cell,
                "agreementId", agreement, "publicKey", installationKey));
        cellOfPartner = BearerApi.created(api.send(partnerAdmin, "/api/v1/admin/partner-cells", cellOfPartnerDraft));
        HttpResponse<String> c = api.send(cellAdmin, "/api/v1/admin/taxii-collections",
                Map.of("title", "Cellule – partenaire", "agreementId", agreement));
        collection = BearerApi.created(c);
        return this;
    }

    /** Adds notes to the collection under {@code markingId}, as the cell's analyst. */
    void add(TaxiiStore store, Readers readers, String markingId, String... ids) {
        TaxiiCollection c = store.collection(readers.forUser(cellAnalystId, "test"), TAXII_ROOT, collection)
                .orElseThrow().collection();
        List<StixObject> objects = new ArrayList<>();
        for (String id : ids) {
            objects.add(note(id, markingId));
        }
        store.add(readers.forUser(cellAnalystId, "test"), c, objects, Instant.now());
    }

    static String greenOf(Markings markings, String owner) {
        return markings.save(new Marking(1, Tlp.GREEN, Releasability.NONE, false, Set.of(), owner));
    }

    static StixObject note(String id, String markingId) {
        String json = "{\"type\":\"note\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2026-11-22T10:00:00.000Z\","
                + "\"modified\":\"2026-11-22T10:00:00.000Z\",\"content\":\"Convoi signalé près de Gao\","
                + "\"object_refs\":[\"identity--0b6c1a3e-3333-4c2d-8e9f-0a1b2c3d4e5f\"]}";
        return new StixObject(id, "note", "2026-11-22T10:00:00.000Z", "2.1", json, markingId, "report");
    }

    static String noteId() {
        return "note--" + java.util.UUID.randomUUID();
    }

    // ------------------------------------------------------------------ HTTP

    HttpResponse<byte[]> export(String token, String partnerId, String since) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerId", partnerId);
        body.put("collectionId", collection);
        if (since != null) {
            body.put("since", since);
        }
        return http.send(HttpRequest.newBuilder(uri("/api/v1/exchange/packages"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BearerApi.JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    byte[] exported(String token) throws Exception {
        HttpResponse<byte[]> r = export(token, partnerOfCell, null);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
        return r.body();
    }

    HttpResponse<String> importRaw(String token, String partnerId, byte[] zip) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/exchange/packages/import?partner=" + partnerId))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> importMultipart(String token, String partnerId, byte[] zip) throws Exception {
        String boundary = "----fusioncell" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(zip);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return http.send(HttpRequest.newBuilder(uri("/api/v1/exchange/packages/import?partner=" + partnerId))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    // ------------------------------------------------------------------ ZIP surgery

    static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String otherKey() throws Exception {
        return Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param("p" + i, params[i]);
        }
        return spec.query(Long.class).single();
    }
}
