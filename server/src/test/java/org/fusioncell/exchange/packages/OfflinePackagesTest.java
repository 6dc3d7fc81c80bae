package org.fusioncell.exchange.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Offline packages end to end on one instance: the cell builds a package for its partner holding exactly what the
 * partner may read; the offline command verifies it; the partner's organisation imports it once (a second import
 * applies nothing); forged, tampered, misaddressed and oversized packages are refused naming what is wrong, with
 * nothing written; other organisations see none of the packages.
 */
@FusionCellTest
@Tag("persistence")
class OfflinePackagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaxiiStore store;
    @Autowired
    Readers readers;
    @Autowired
    Markings markings;

    @TempDir
    Path dir;

    @Test
    void aPackageCarriesWhatThePartnerMayReadAndIsImportedOnce() throws Exception {
        PackageWorld w = new PackageWorld(port, jdbc).withPartnersAndCollection();
        String green = PackageWorld.greenOf(markings, w.cell);
        String red = markings.save(new Marking(1, Tlp.RED, new Releasability(Set.of(), Set.of(), Set.of(),
                Set.of(w.cellAnalystId)), false, Set.of(), w.cell));
        // TLP:RED for the very liaison officer who builds the package: theirs to read, not the partner's
        String redForCarrier = markings.save(new Marking(1, Tlp.RED, new Releasability(Set.of(), Set.of(), Set.of(),
                Set.of(w.cellLiaisonId)), false, Set.of(), w.cell));
        String g1 = PackageWorld.noteId();
        String g2 = PackageWorld.noteId();
        String r1 = PackageWorld.noteId();
        w.add(store, readers, green, g1, g2);
        w.add(store, readers, red, r1);
        w.add(store, readers, redForCarrier, PackageWorld.noteId());

        assertThat(w.export(w.cellAnalyst, w.partnerOfCell, null).statusCode()).isEqualTo(403); // an analyst does not carry
        byte[] zip = w.exported(w.cellLiaison);
        Map<String, byte[]> entries = PackageWorld.entries(zip);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("manifest.json", "objects.json", "manifest.sig");
        JsonNode objects = BearerApi.JSON.readTree(entries.get("objects.json"));
        Set<String> carried = new HashSet<>();
        objects.get("objects").forEach(o -> carried.add(o.get("id").asString()));
        assertThat(carried).containsExactlyInAnyOrder(g1, g2);
        JsonNode manifest = BearerApi.JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("format").asString()).isEqualTo("fusioncell-package/1");
        assertThat(manifest.get("objects").asInt()).isEqualTo(2);
        assertThat(manifest.get("partner").get("id").asString()).isEqualTo(w.partnerOfCell);
        assertThat(manifest.get("collection").get("id").asString()).isEqualTo(w.collection);

        // offline verification, without a database
        Path file = dir.resolve("package.zip");
        Files.write(file, zip);
        PackageVerifyCommand.Outcome ok = PackageVerifyCommand.run(file.toString(), "--key", w.installationKey);
        assertThat(ok.exitCode()).as(ok.text()).isZero();
        assertThat(ok.text()).contains(manifest.get("id").asString()).contains("objects      2");
        Path keyFile = dir.resolve("partner.pub");
        Files.writeString(keyFile, PackageWorld.otherKey() + "\n");
        PackageVerifyCommand.Outcome forged = PackageVerifyCommand.run(file.toString(), "--key", keyFile.toString());
        assertThat(forged.exitCode()).isEqualTo(PackageVerifyCommand.BROKEN);
        assertThat(forged.text()).startsWith("package verify: signature:").doesNotContain("\n");

        // the partner's organisation imports it: items created; a second import applies nothing
        long keptBefore = kept(w);
        HttpResponse<String> imported = w.importRaw(w.partnerLiaison, w.cellOfPartner, zip);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode answer = BearerApi.JSON.readTree(imported.body());
        assertThat(answer.get("status").asString()).isEqualTo("imported");
        assertThat(answer.get("package").get("added").asInt()).isEqualTo(2);
        assertThat(kept(w)).isEqualTo(keptBefore + 2);
        HttpResponse<String> again = w.importMultipart(w.partnerLiaison, w.cellOfPartner, zip);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(BearerApi.JSON.readTree(again.body()).get("status").asString()).isEqualTo("already-imported");
        assertThat(kept(w)).isEqualTo(keptBefore + 2);

        // need to know: each organisation sees its own packages, others none
        JsonNode cellList = w.api.get(w.cellLiaison, "/api/v1/exchange/packages", 200);
        assertThat(cellList.get("total").asLong()).isEqualTo(1);
        assertThat(cellList.get("items").get(0).get("direction").asString()).isEqualTo("EXPORTED");
        JsonNode partnerList = w.api.get(w.partnerLiaison, "/api/v1/exchange/packages", 200);
        assertThat(partnerList.get("total").asLong()).isEqualTo(1);
        assertThat(partnerList.get("items").get(0).get("direction").asString()).isEqualTo("IMPORTED");
        assertThat(partnerList.get("items").get(0).get("partnerId").asString()).isEqualTo(w.cellOfPartner);
        assertThat(w.api.get(w.outsider, "/api/v1/exchange/packages", 200).get("total").asLong()).isZero();
        assertThat(w.importRaw(w.outsider, w.cellOfPartner, zip).body()).contains("\"field\":\"partner\"");
        assertThat(w.count("SELECT COUNT(*) FROM exchange_transfer WHERE owner_organisation_id = :p0 AND kind = 'PACKAGE_EXPORT'",
                w.cell)).isEqualTo(1);

        // the next package resumes after the last: nothing new, then only what was added since
        HttpResponse<byte[]> nothing = w.export(w.cellLiaison, w.partnerOfCell, null);
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(new String(nothing.body(), StandardCharsets.UTF_8)).contains("\"field\":\"since\"");
        String g3 = PackageWorld.noteId();
        w.add(store, readers, green, g3);
        JsonNode next = BearerApi.JSON.readTree(PackageWorld.entries(w.exported(w.cellLiaison)).get("objects.json"));
        assertThat(next.get("objects")).hasSize(1);
        assertThat(next.get("objects").get(0).get("id").asString()).isEqualTo(g3);
        // since overrides: everything again
        HttpResponse<byte[]> all = w.export(w.cellLiaison, w.partnerOfCell, "2020-01-01");
        assertThat(BearerApi.JSON.readTree(PackageWorld.entries(all.body()).get("objects.json")).get("objects")).hasSize(3);
    }

    @Test
    void publishedReportsTheirCorrectionAndRevocationTravelByPackage() throws Exception {
        PackageWorld w = new PackageWorld(port, jdbc).withPartnersAndCollection();
        w.collection = BearerApi.created(w.api.send(w.cellAdmin, "/api/v1/admin/taxii-collections", Map.of(
                "title", "Cellule → partenaire (publiée)", "agreementId", w.agreement, "publishes", true)));
        Map<String, Object> toPartner = Map.of("agreements", List.of(w.agreement));
        String convoy = report(w, "Convoi suspect près de Bassikounou", "AMBER", toPartner);
        String recruitment = report(w, "تجنيد عبر الإنترنت في منطقة الحوض الشرقي", "GREEN", toPartner);
        report(w, "مصدر حساس — لا يُنشر", "RED", toPartner);
        report(w, "Note interne de la cellule", "AMBER", Map.of());
        awaitPublished(w, 2); // publication runs after commit

        HttpResponse<String> first = w.importRaw(w.partnerLiaison, w.cellOfPartner, w.exported(w.cellLiaison));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(receivedTitles(w)).containsExactlyInAnyOrder("Convoi suspect près de Bassikounou",
                "تجنيد عبر الإنترنت في منطقة الحوض الشرقي");

        // a correction: the next package (resuming after the last) carries the new version, which revises the copy
        HttpResponse<String> revised = w.api.put(w.cellAnalyst, "/api/v1/reports/" + recruitment, "\"1\"", Map.of(
                "title", "تجنيد مؤكد عبر الإنترنت", "body", "حسابان نشطان يجندان من منطقة الحوض الشرقي.",
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2),
                "marking", marking("GREEN", toPartner), "reason", "تأكيد من مصدر ثان"));
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        awaitPublished(w, 3);
        HttpResponse<String> correction = w.importRaw(w.partnerLiaison, w.cellOfPartner, w.exported(w.cellLiaison));
        assertThat(BearerApi.JSON.readTree(correction.body()).get("package").get("corrected").asInt())
                .as(correction.body()).isEqualTo(1);
        assertThat(receivedTitles(w)).containsExactlyInAnyOrder("Convoi suspect près de Bassikounou",
                "تجنيد مؤكد عبر الإنترنت");

        // a revocation: the copy is erased on the receiving side
        String stixId = null;
        for (JsonNode o : published(w)) {
            if (o.get("name").asString().equals("Convoi suspect près de Bassikounou")) {
                stixId = o.get("id").asString();
            }
        }
        assertThat(stixId).isNotNull();
        HttpResponse<String> revocation = w.api.send(w.cellAdmin, "/api/v1/admin/taxii-collections/" + w.collection
                + "/revocations", Map.of("objectId", stixId, "reason", "source retirée"));
        assertThat(revocation.statusCode()).as(revocation.body()).isEqualTo(200);
        HttpResponse<String> revoked = w.importRaw(w.partnerLiaison, w.cellOfPartner, w.exported(w.cellLiaison));
        assertThat(BearerApi.JSON.readTree(revoked.body()).get("package").get("revoked").asInt())
                .as(revoked.body()).isEqualTo(1);
        assertThat(receivedTitles(w)).containsExactly("تجنيد مؤكد عبر الإنترنت");
    }

    private static Map<String, Object> marking(String tlp, Map<String, Object> releasability) {
        return Map.of("classification", "CONFIDENTIAL", "tlp", tlp, "releasability", releasability);
    }

    private static String report(PackageWorld w, String title, String tlp, Map<String, Object> releasability)
            throws Exception {
        return BearerApi.created(w.api.send(w.cellAnalyst, "/api/v1/reports", Map.of("title", title,
                "body", title + ". Rapport transmis par la cellule nationale de fusion.",
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2),
                "marking", marking(tlp, releasability))));
    }

    /** Waits until the partner's view of the collection holds {@code count} report versions. */
    private static void awaitPublished(PackageWorld w, int count) throws Exception {
        int seen = 0;
        for (int i = 0; i < 300 && seen < count; i++) {
            seen = published(w).size();
            if (seen < count) {
                Thread.sleep(200);
            }
        }
        assertThat(seen).as("report versions published in time").isGreaterThanOrEqualTo(count);
    }

    /** Every report version in the partner's view of the collection, over TAXII. */
    private static List<JsonNode> published(PackageWorld w) throws Exception {
        String path = "/api/taxii2/fusioncell/collections/" + w.collection + "/objects/?match[type]=report&match[version]=all";
        HttpResponse<String> r = w.http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + w.port + path))
                .header("Authorization", "Bearer " + w.partnerLiaison)
                .header("Accept", "application/taxii+json;version=2.1").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new java.util.ArrayList<>();
        JsonNode objects = BearerApi.JSON.readTree(r.body()).get("objects");
        if (objects != null) {
            objects.forEach(out::add);
        }
        return out;
    }

    /** The titles of the reports the partner's organisation received (its own copies, by provenance). */
    private List<String> receivedTitles(PackageWorld w) throws Exception {
        String analyst = w.fx.token(w.fx.user(w.partnerOrg, "SECRET", Set.of(Role.ANALYST), Set.of()), "read");
        Set<String> received = new HashSet<>(jdbc.sql("SELECT local_id FROM exchange_stix_item WHERE organisation_id = :o"
                + " AND local_type = 'report'").param("o", w.partnerOrg).query(String.class).list());
        List<String> titles = new java.util.ArrayList<>();
        w.api.get(analyst, "/api/v1/reports?size=500", 200).get("items").forEach(r -> {
            if (received.contains(r.get("id").asString())) {
                titles.add(r.get("title").asString());
            }
        });
        return titles;
    }

    @Test
    void whoeverBuildsAPackageMustBeClearedForAllItCarries() throws Exception {
        PackageWorld w = new PackageWorld(port, jdbc).withPartnersAndCollection();
        String secret = markings.save(new Marking(3, Tlp.GREEN, Releasability.NONE, false, Set.of(), w.cell));
        w.add(store, readers, secret, PackageWorld.noteId());
        String lowLiaison = w.fx.token(w.fx.user(w.cell, "RESTRICTED", Set.of(Role.LIAISON_OFFICER), Set.of()),
                "read", "write");
        HttpResponse<byte[]> refused = w.export(lowLiaison, w.partnerOfCell, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("exporter-clearance");
        assertThat(w.count("SELECT COUNT(*) FROM exchange_package WHERE owner_organisation_id = :p0", w.cell)).isZero();
        assertThat(w.exported(w.cellLiaison)).isNotEmpty(); // a colleague cleared for it builds it
        // a collection the partner may not read is refused naming it
        w.collection = "00000000-0000-4000-8000-000000000000";
        HttpResponse<byte[]> unknown = w.export(w.cellLiaison, w.partnerOfCell, null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("\"field\":\"collectionId\"");
    }

    @Test
    void forgedTamperedAndOversizedPackagesAreRefusedWithNothingWritten() throws Exception {
        PackageWorld w = new PackageWorld(port, jdbc).withPartnersAndCollection();
        String green = PackageWorld.greenOf(markings, w.cell);
        w.add(store, readers, green, PackageWorld.noteId(), PackageWorld.noteId(), PackageWorld.noteId());
        byte[] zip = w.exported(w.cellLiaison);
        Map<String, byte[]> entries = PackageWorld.entries(zip);
        long keptBefore = kept(w);
        long recordsBefore = packages(w);

        // objects.json altered after signing
        Map<String, byte[]> tampered = new LinkedHashMap<>(entries);
        tampered.put("objects.json", new String(entries.get("objects.json"), StandardCharsets.UTF_8)
                .replace("Convoi", "Convoy").getBytes(StandardCharsets.UTF_8));
        refused(w, PackageWorld.zip(tampered), "objects.json", "SHA-256 does not match the manifest");

        // the manifest signed by another key
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Map<String, byte[]> forged = new LinkedHashMap<>(entries);
        forged.put("manifest.sig", sign(entries.get("manifest.json"), other.getPrivate()));
        refused(w, PackageWorld.zip(forged), "signature", "manifest.sig does not verify");

        // an extra entry, a path trick, a missing entry, not a ZIP at all
        Map<String, byte[]> extra = new LinkedHashMap<>(entries);
        extra.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        refused(w, PackageWorld.zip(extra), "package", "unexpected entry 'readme.txt'");
        Map<String, byte[]> trick = new LinkedHashMap<>(entries);
        trick.put("../objects.json", entries.get("objects.json"));
        refused(w, PackageWorld.zip(trick), "package", "unexpected entry");
        Map<String, byte[]> missing = new LinkedHashMap<>(entries);
        missing.remove("manifest.sig");
        refused(w, PackageWorld.zip(missing), "package", "manifest.sig is missing");
        refused(w, "not a zip".getBytes(StandardCharsets.UTF_8), "package", "not a ZIP file");

        // a zip bomb: objects.json unpacking far beyond the limit
        Map<String, byte[]> bomb = new LinkedHashMap<>(entries);
        bomb.put("objects.json", new byte[110 * 1024 * 1024]);
        refused(w, PackageWorld.zip(bomb), "package", "unpack to more than");

        // a file over the package limit (multipart: the raw API body has the API's own limit)
        HttpResponse<String> big = w.importMultipart(w.partnerLiaison, w.cellOfPartner, new byte[10 * 1024 * 1024 + 10]);
        assertThat(big.statusCode()).as(big.body()).isEqualTo(413);
        assertThat(big.body()).contains("\"field\":\"package\"");

        // correctly signed by this installation, but an object is malformed: the import's own checks name it
        Map<String, byte[]> badObject = resigned(w, entries, "\"type\":\"note\"", "\"type\":\"x-weapon\"");
        HttpResponse<String> bad = w.importRaw(w.partnerLiaison, w.cellOfPartner, PackageWorld.zip(badObject));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(BearerApi.JSON.readTree(bad.body()).get("field").asString()).startsWith("objects[0]");

        // the partner's registered key is another one
        Map<String, Object> draft = new LinkedHashMap<>(w.cellOfPartnerDraft);
        draft.put("publicKey", PackageWorld.otherKey());
        assertThat(w.api.put(w.partnerAdmin, "/api/v1/admin/partner-cells/" + w.cellOfPartner, null, draft).statusCode())
                .isEqualTo(200);
        refused(w, zip, "signature", "not by the expected key");
        // no key registered at all
        draft.put("publicKey", null);
        assertThat(w.api.put(w.partnerAdmin, "/api/v1/admin/partner-cells/" + w.cellOfPartner, null, draft).statusCode())
                .isEqualTo(200);
        refused(w, zip, "partner", "no package-signing key is registered");

        assertThat(kept(w)).isEqualTo(keptBefore);
        assertThat(packages(w)).isEqualTo(recordsBefore);
        assertThat(w.count("SELECT COUNT(*) FROM exchange_transfer WHERE owner_organisation_id = :p0"
                + " AND kind = 'PACKAGE_IMPORT' AND outcome = 'REFUSED'", w.partnerOrg)).isGreaterThanOrEqualTo(10);

        // with the right key again, the untouched package goes in
        draft.put("publicKey", w.installationKey);
        w.api.put(w.partnerAdmin, "/api/v1/admin/partner-cells/" + w.cellOfPartner, null, draft);
        assertThat(w.importRaw(w.partnerLiaison, w.cellOfPartner, zip).statusCode()).isEqualTo(201);
        assertThat(kept(w)).isEqualTo(keptBefore + 3);
    }

    private static void refused(PackageWorld w, byte[] zip, String field, String problem) throws Exception {
        HttpResponse<String> r = w.importRaw(w.partnerLiaison, w.cellOfPartner, zip);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode p = BearerApi.JSON.readTree(r.body());
        assertThat(p.get("field").asString()).as(r.body()).isEqualTo(field);
        assertThat(p.get("detail").asString()).as(r.body()).contains(problem);
    }

    /** The entries with {@code objects.json} edited and the manifest re-signed by this installation's key. */
    private Map<String, byte[]> resigned(PackageWorld w, Map<String, byte[]> entries, String from, String to)
            throws Exception {
        byte[] objects = new String(entries.get("objects.json"), StandardCharsets.UTF_8).replace(from, to)
                .getBytes(StandardCharsets.UTF_8);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(objects));
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
                .replaceAll("\"objects.json\":\"[0-9a-f]{64}\"", "\"objects.json\":\"" + sha + "\"")
                .replaceAll("\"id\":\"[0-9a-f-]{36}\",\"created\"", "\"id\":\"" + org.fusioncell.shared.Ids.newId()
                        + "\",\"created\"");
        String privateKey = jdbc.sql("SELECT private_key FROM exchange_package_key").query(String.class).single();
        PrivateKey key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        out.put("objects.json", objects);
        out.put("manifest.sig", sign(out.get("manifest.json"), key));
        return out;
    }

    private static byte[] sign(byte[] data, PrivateKey key) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(data);
        return Base64.getEncoder().encode(s.sign());
    }

    private long kept(PackageWorld w) {
        return w.count("SELECT COUNT(*) FROM exchange_stix_object WHERE organisation_id = :p0", w.partnerOrg);
    }

    private long packages(PackageWorld w) {
        return w.count("SELECT COUNT(*) FROM exchange_package WHERE owner_organisation_id = :p0", w.partnerOrg);
    }
}
