package org.fusioncell.hashbanks;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.media.digest.FileDigests;
import org.fusioncell.media.pdq.PdqHasher;
import org.fusioncell.media.pdq.PdqResult;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A hash bank's life over the API: the cell's analyst creates a bank shared with a platform under their agreement,
 * adds hashes by value and from files (bad hashes and unhashable images refused with the reason, nothing written),
 * imports a list all or nothing, deletes an entry as a tombstone; the platform partner (a read-only token) matches a
 * near copy of an image and downloads the list with the tombstone; an organisation outside the agreement finds
 * nothing anywhere; every match and export is audited without the queried value.
 */
@FusionCellTest
@Tag("persistence")
class HashBanksApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBankSharedWithAPlatformFromCreationToTombstone() throws Exception {
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule de fusion", OrganisationType.STATE_AGENCY, "MR");
        String platform = fx.organisation("Plateforme", OrganisationType.TECHNOLOGY_PLATFORM, "MA");
        String outside = fx.organisation("Autre plateforme", OrganisationType.TECHNOLOGY_PLATFORM, "MA");
        String agreement = fx.agreement(Set.of(cell, platform), "UNCLASSIFIED", Set.of(HashBanks.INFORMATION_TYPE));
        String analyst = fx.token(fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String liaison = fx.token(fx.user(cell, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of()), "read", "write");
        String partner = fx.token(fx.user(platform, "UNCLASSIFIED", Set.of(Role.PLATFORM_PARTNER), Set.of()), "read");
        String stranger = fx.token(fx.user(outside, "UNCLASSIFIED", Set.of(Role.PLATFORM_PARTNER), Set.of()), "read");
        BearerApi api = new BearerApi(port);

        // ---- creating: sharing is checked, not silently ineffective
        String run = "propagande-" + Long.toHexString(System.nanoTime());
        Map<String, Object> bank = bankBody(run + " — بنك البصمات", "AMBER", List.of(agreement));
        assertField(api.send(analyst, "/api/v1/hash-banks", Map.of("description", "x")), 400, "name");
        assertField(api.send(analyst, "/api/v1/hash-banks", bankBody("B", "AMBER", List.of(cell))), 400,
                "agreements[0]");
        assertField(api.send(analyst, "/api/v1/hash-banks", bankBody("B", "AMBER+STRICT", List.of(agreement))), 400,
                "marking.tlp");
        Map<String, Object> tooHigh = bankBody("B", "AMBER", List.of(agreement));
        tooHigh.put("marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER"));
        assertField(api.send(analyst, "/api/v1/hash-banks", tooHigh), 400, "agreements[0]");
        assertThat(api.send(liaison, "/api/v1/hash-banks", bank).statusCode()).isEqualTo(403);
        HttpResponse<String> created = api.send(analyst, "/api/v1/hash-banks", bank);
        String id = BearerApi.created(created);
        assertThat(BearerApi.JSON.readTree(created.body()).get("sharedUnder").get(0).asString()).isEqualTo(agreement);
        String base = "/api/v1/hash-banks/" + id;

        // ---- adding by value: each bad value names its field, nothing is written
        assertField(api.send(analyst, base + "/entries", entry("pdq", "ab".repeat(31) + "a", null)), 400, "hash");
        assertField(api.send(analyst, base + "/entries", entry("md5", "ab".repeat(32), null)), 400, "hash");
        assertField(api.send(analyst, base + "/entries", entry("sha256", "zz".repeat(32), null)), 400, "hash");
        assertField(api.send(analyst, base + "/entries", entry("sha1", "ab".repeat(20), null)), 400, "algorithm");
        assertField(api.send(analyst, base + "/entries", entry("pdq", "ab".repeat(32), 101)), 400, "quality");
        assertField(api.send(analyst, base + "/entries", entry("md5", "ab".repeat(16), 80)), 400, "quality");
        assertThat(entries(id)).isZero();
        String md5 = "0123456789abcdef0123456789ABCDEF";
        HttpResponse<String> added = api.send(analyst, base + "/entries", entry("MD5", md5, null));
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(BearerApi.JSON.readTree(added.body()).at("/entry/hash").asString()).isEqualTo(md5.toLowerCase());
        HttpResponse<String> again = api.send(analyst, base + "/entries", entry("md5", md5, null));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(BearerApi.JSON.readTree(again.body()).get("outcome").asString()).isEqualTo("already-present");

        // ---- adding a file: MD5, SHA-256 and PDQ with quality, as the media engine computes them
        BufferedImage scene = TestImages.scene(7);
        byte[] png = TestImages.png(scene);
        HttpResponse<String> fileAdded = Multipart.post(port, analyst, base + "/entries/files", "scene.png", png,
                Map.of("label", "Visuel de propagande / صورة دعائية"));
        assertThat(fileAdded.statusCode()).as(fileAdded.body()).isEqualTo(201);
        Map<String, JsonNode> byAlgorithm = new HashMap<>();
        BearerApi.JSON.readTree(fileAdded.body()).get("entries")
                .forEach(e -> byAlgorithm.put(e.at("/entry/algorithm").asString(), e.get("entry")));
        FileDigests digests = FileDigests.of(png);
        PdqResult pdq = new PdqHasher().hash(new ByteArrayInputStream(png));
        assertThat(byAlgorithm.get("md5").get("hash").asString()).isEqualTo(digests.md5());
        assertThat(byAlgorithm.get("sha256").get("hash").asString()).isEqualTo(digests.sha256());
        assertThat(byAlgorithm.get("pdq").get("hash").asString()).isEqualTo(pdq.hash().toHex());
        assertThat(byAlgorithm.get("pdq").get("quality").asInt()).isEqualTo(pdq.quality()).isGreaterThanOrEqualTo(50);
        assertThat(byAlgorithm.get("pdq").get("label").asString()).contains("صورة دعائية");
        String pdqEntry = byAlgorithm.get("pdq").get("id").asString();

        HttpResponse<String> text = Multipart.post(port, analyst, base + "/entries/files", "manifeste.txt",
                "بيان — manifeste".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        assertThat(text.statusCode()).isEqualTo(201);
        assertThat(BearerApi.JSON.readTree(text.body()).get("entries")).hasSize(2);
        long before = entries(id);
        assertFileRefused(Multipart.post(port, analyst, base + "/entries/files", "x.png", TestImages.damagedPng(3),
                Map.of()), "");
        assertFileRefused(Multipart.post(port, analyst, base + "/entries/files", "x.webp", TestImages.webp(),
                Map.of()), "WebP");
        assertFileRefused(Multipart.post(port, analyst, base + "/entries/files", "bomb.png", TestImages.bomb(),
                Map.of()), "pixels");
        HttpResponse<String> huge = Multipart.post(port, analyst, base + "/entries/files", "huge.bin",
                new byte[10 * 1024 * 1024 + 1], Map.of());
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(413);
        assertThat(BearerApi.JSON.readTree(huge.body()).get("field").asString()).isEqualTo("file");
        assertThat(entries(id)).as("nothing written by a refused file").isEqualTo(before);
        // a WebP is still kept by its digests when asked
        HttpResponse<String> digestsOnly = Multipart.post(port, analyst, base + "/entries/files", "x.webp",
                TestImages.webp(), Map.of("digestsOnly", "true"));
        assertThat(digestsOnly.statusCode()).isEqualTo(201);

        // ---- matching: the partner finds a near copy; someone outside the agreement finds nothing
        byte[] nearCopy = TestImages.jpeg(TestImages.edited(scene));
        JsonNode partnerMatch = matchFile(partner, nearCopy, Map.of());
        List<JsonNode> pdqMatches = new ArrayList<>();
        partnerMatch.get("matches").forEach(m -> {
            if (m.at("/entry/algorithm").asString().equals("pdq")) {
                pdqMatches.add(m);
            }
        });
        assertThat(pdqMatches).hasSize(1);
        assertThat(pdqMatches.getFirst().at("/entry/id").asString()).isEqualTo(pdqEntry);
        assertThat(pdqMatches.getFirst().get("bankId").asString()).isEqualTo(id);
        assertThat(pdqMatches.getFirst().get("distance").asInt()).isBetween(1, 31);
        assertThat(matchFile(partner, nearCopy, Map.of("radius", "0")).get("matches")).isEmpty();
        JsonNode exact = match(partner, Map.of("algorithm", "sha256", "hash", digests.sha256()));
        assertThat(exact.get("matches")).hasSize(1);
        assertThat(exact.at("/matches/0/distance").asInt()).isZero();
        assertThat(match(partner, Map.of("algorithm", "pdq", "hash", pdq.hash().toHex(), "minQuality", 100,
                "quality", 40)).get("pdqSkipped").asString()).isEqualTo("quality-below-threshold");
        assertField(api.send(partner, "/api/v1/hash-banks/matches", Map.of("algorithm", "pdq", "hash",
                pdq.hash().toHex(), "radius", 65)), 400, "radius");
        assertField(api.send(partner, "/api/v1/hash-banks/matches", Map.of("algorithm", "pdq", "hash", "00")), 400,
                "hash");
        assertThat(matchFile(stranger, nearCopy, Map.of()).get("matches")).isEmpty();
        assertThat(match(stranger, Map.of("algorithm", "sha256", "hash", digests.sha256())).get("matches")).isEmpty();
        assertThat(api.get(stranger, "/api/v1/hash-banks?name=" + run, 200).get("total").asLong()).isZero();
        assertThat(api.get(stranger, "/api/v1/hash-banks/count?name=" + run, 200).get("count").asLong()).isZero();
        assertThat(api.status(stranger, base)).isEqualTo(404);
        assertThat(api.status(stranger, base + "/export.csv")).isEqualTo(404);
        assertThat(api.get(partner, "/api/v1/hash-banks?name=" + run.toUpperCase(), 200).get("total").asLong()).isEqualTo(1);
        // the partner reads but does not write
        assertThat(api.send(partner, base + "/entries", entry("md5", md5, null)).statusCode()).isEqualTo(403);

        // ---- importing: all or nothing, each problem named by line and column
        long beforeImport = entries(id);
        String badList = "hash,algorithm,label,deleted\n" + "ab".repeat(32) + ",sha256,ok,false\n"
                + "abc,pdq,court,false\n" + "ab".repeat(16) + ",md5,x,maybe\n";
        HttpResponse<String> refused = Multipart.csv(port, analyst, base + "/imports", badList);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = BearerApi.JSON.readTree(refused.body());
        assertThat(problem.get("field").asString()).isEqualTo("lines[3].hash");
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.at("/errors/1/field").asString()).isEqualTo("lines[4].deleted");
        assertThat(entries(id)).isEqualTo(beforeImport);
        String list = "algorithm,hash,label,deleted\r\nsha256," + "cd".repeat(32) + ",\"Vidéo, revendication\",false\r\n"
                + "pdq," + "f0".repeat(32) + ",Affiche,false\r\nmd5," + md5 + ",retiré,true\r\n";
        HttpResponse<String> imported = Multipart.csv(port, analyst, base + "/imports?sourceNote=GIFCT", list);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode result = BearerApi.JSON.readTree(imported.body());
        assertThat(result.get("added").asInt()).isEqualTo(2);
        assertThat(result.get("changed").asInt()).isEqualTo(1);
        assertThat(match(partner, Map.of("algorithm", "md5", "hash", md5)).get("matches")).isEmpty();
        assertThat(match(partner, Map.of("algorithm", "pdq", "hash", "f0".repeat(31) + "f1")).get("matches"))
                .hasSize(1);

        // ---- deleting keeps a tombstone that the partner's export carries
        HttpResponse<String> deleted = Multipart.delete(port, analyst, base + "/entries/" + pdqEntry);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(BearerApi.JSON.readTree(deleted.body()).get("deleted").asBoolean()).isTrue();
        assertThat(matchFile(partner, nearCopy, Map.of()).get("matches").findValuesAsString("algorithm"))
                .doesNotContain("pdq");
        HttpResponse<String> csv = api.fetch(partner, base + "/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("hash,algorithm,label,deleted\r\n")
                .contains(pdq.hash().toHex() + ",pdq,Visuel de propagande / صورة دعائية,true")
                .contains(md5.toLowerCase() + ",md5,retiré,true")
                .contains("\"Vidéo, revendication\",false");
        JsonNode json = api.get(partner, base + "/export.json", 200);
        assertThat(json.get("entries")).hasSize((int) entries(id));
        assertThat(json.get("marking").asString()).isEqualTo("UNCLASSIFIED // TLP:AMBER");

        // ---- the audit log: every match and export, never the queried value in clear
        List<String> searches = jdbc.sql("SELECT details FROM audit_record WHERE object_type = 'hash-entry' AND "
                + "action = 'SEARCH'").query(String.class).list();
        assertThat(searches).hasSizeGreaterThanOrEqualTo(8);
        assertThat(searches).noneMatch(d -> d.contains(digests.sha256()) || d.contains(pdq.hash().toHex()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE object_type = 'hash-bank' AND action = 'EXPORT'"
                + " AND object_ids LIKE :id").param("id", "%" + id + "%").query(Long.class).single()).isEqualTo(2);
    }

    private long entries(String bankId) {
        return jdbc.sql("SELECT COUNT(*) FROM hashbanks_entry WHERE bank_id = :b").param("b", bankId)
                .query(Long.class).single();
    }

    private JsonNode match(String token, Map<String, Object> body) throws Exception {
        HttpResponse<String> r = new BearerApi(port).send(token, "/api/v1/hash-banks/matches", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return BearerApi.JSON.readTree(r.body());
    }

    private JsonNode matchFile(String token, byte[] file, Map<String, String> fields) throws Exception {
        HttpResponse<String> r = Multipart.post(port, token, "/api/v1/hash-banks/matches/files", "q.jpg", file,
                fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return BearerApi.JSON.readTree(r.body());
    }

    static Map<String, Object> bankBody(String name, String tlp, List<String> agreements) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", name);
        b.put("description", "Empreintes de contenus terroristes");
        b.put("marking", Map.of("classification", "UNCLASSIFIED", "tlp", tlp));
        b.put("agreements", agreements);
        return b;
    }

    static Map<String, Object> entry(String algorithm, String hash, Integer quality) {
        Map<String, Object> e = new HashMap<>();
        e.put("algorithm", algorithm);
        e.put("hash", hash);
        e.put("label", "Revendication");
        e.put("quality", quality);
        return e;
    }

    private static void assertField(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(BearerApi.JSON.readTree(r.body()).get("field").asString()).as(r.body()).isEqualTo(field);
    }

    private static void assertFileRefused(HttpResponse<String> r, String reason) {
        assertField(r, 400, "file");
        assertThat(BearerApi.JSON.readTree(r.body()).get("detail").asString()).contains(reason);
    }
}
