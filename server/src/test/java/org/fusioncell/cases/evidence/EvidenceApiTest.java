package org.fusioncell.cases.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.exchange.packages.OfflinePackages;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Evidence end to end over the API: the cell receives a seized phone's extraction and a sealed notebook, hands
 * the notebook to the police, who acknowledge it; a changed custody row is named by verification; the package
 * for the prosecutor verifies offline and fails after one changed byte. The customs, never on the case, learn
 * nothing of it.
 */
@FusionCellTest
@Tag("persistence")
class EvidenceApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OfflinePackages packages;

    @TempDir
    Path dir;

    private BearerApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    private static String police;
    private static String cellAnalystUser;
    private static String cellAnalyst;
    private static String cellSupervisor;
    private static String policeAnalystUser;
    private static String policeAnalyst;
    private static String customsAnalystUser;
    private static String customsAnalyst;
    private static String cellSupervisorUser;
    private static String policeUncleared;

    @BeforeEach
    void world() {
        api = new BearerApi(port);
        if (police != null) {
            return;
        }
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cellule nationale de fusion", OrganisationType.STATE_AGENCY, "MR");
        police = fx.organisation("المديرية العامة للأمن الوطني", OrganisationType.STATE_AGENCY, "MR");
        String customs = fx.organisation("Douanes", OrganisationType.STATE_AGENCY, "MR");
        cellAnalystUser = fx.user(cell, "SECRET", Set.of(Role.ANALYST), Set.of());
        cellAnalyst = fx.token(cellAnalystUser, "read", "write");
        cellSupervisorUser = fx.user(cell, "SECRET", Set.of(Role.SUPERVISOR), Set.of());
        cellSupervisor = fx.token(cellSupervisorUser, "read", "write");
        policeUncleared = fx.token(fx.user(police, "UNCLASSIFIED", Set.of(Role.ANALYST), Set.of()), "read", "write");
        policeAnalystUser = fx.user(police, "SECRET", Set.of(Role.ANALYST), Set.of());
        policeAnalyst = fx.token(policeAnalystUser, "read", "write");
        customsAnalystUser = fx.user(customs, "SECRET", Set.of(Role.ANALYST), Set.of());
        customsAnalyst = fx.token(customsAnalystUser, "read", "write");
    }

    private String openShared(String title, String language) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("summary", "Saisie lors de la perquisition du 14 novembre à Nouakchott.");
        body.put("kind", "INVESTIGATION");
        body.put("language", language);
        body.put("marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER",
                "releasability", Map.of("organisations", List.of())));
        String id = BearerApi.created(api.send(cellAnalyst, "/api/v1/cases", body));
        HttpResponse<String> shared = api.send(cellSupervisor, "/api/v1/cases/" + id + "/participants",
                Map.of("organisationId", police, "version", 1));
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        return id;
    }

    private static Map<String, Object> extraction(String sha256) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", "DIGITAL_EXTRACTION");
        m.put("title", "Extraction du téléphone saisi");
        m.put("tool", "Cellebrite UFED 7.66");
        m.put("sourceDevice", "Samsung A52, IMEI 356938035643809");
        if (sha256 != null) {
            m.put("sha256", sha256);
        }
        m.put("occurredAt", "2026-11-14T10:00:00Z");
        m.put("place", "Laboratoire de la police scientifique, Nouakchott");
        m.put("why", "Remise par l'enquêteur après la perquisition");
        return m;
    }

    private static Map<String, Object> notebook() {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", "PHYSICAL");
        m.put("title", "Carnet manuscrit");
        m.put("description", "Carnet à spirale, 48 pages, couverture bleue; numéros de téléphone en arabe.");
        m.put("sealNumber", "SC-2026-0412");
        m.put("location", "Armoire forte B, salle des scellés");
        m.put("occurredAt", "2026-11-14T11:00:00Z");
        m.put("place", "Salle des scellés");
        m.put("why", "Saisi au domicile du suspect");
        return m;
    }

    private static Map<String, Object> event(String kind, String at, String to) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("occurredAt", at);
        m.put("place", "Salle des scellés");
        m.put("why", "Étape " + kind);
        if (to != null) {
            m.put("toUserId", to);
        }
        return m;
    }

    private static JsonNode status(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return BearerApi.JSON.readTree(r.body());
    }

    @Test
    void evidenceWithoutAHashOrOutOfOrderIsRefusedAndATamperedEventIsNamed() throws Exception {
        String id = openShared("Réseau de Rosso", "fr");
        String base = "/api/v1/cases/" + id + "/evidence";

        JsonNode noHash = status(api.send(cellAnalyst, base, extraction(null)), 400);
        assertThat(noHash.get("field").asString()).isEqualTo("sha256");
        assertThat(noHash.toString()).contains("without a hash");
        JsonNode badHash = status(api.send(cellAnalyst, base, extraction("abc")), 400);
        assertThat(badHash.get("field").asString()).isEqualTo("sha256");
        assertThat(api.get(cellAnalyst, base, 200).get("items")).isEmpty();

        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        String item = BearerApi.created(api.send(cellAnalyst, base, extraction(sha.toUpperCase())));
        assertThat(api.get(cellAnalyst, base + "/" + item, 200).get("sha256").asString()).isEqualTo(sha);

        JsonNode early = status(api.send(cellAnalyst, base + "/" + item + "/custody",
                event("EXAMINED", "2026-11-13T09:00:00Z", null)), 400);
        assertThat(early.get("field").asString()).isEqualTo("occurredAt");
        assertThat(early.toString()).contains("out of order");
        JsonNode future = status(api.send(cellAnalyst, base + "/" + item + "/custody",
                event("EXAMINED", "2999-01-01T00:00:00Z", null)), 400);
        assertThat(future.get("field").asString()).isEqualTo("occurredAt");
        status(api.send(cellAnalyst, base + "/" + item + "/custody", event("EXAMINED", "2026-11-14T12:00:00Z", null)),
                201);
        status(api.send(cellAnalyst, base + "/" + item + "/custody", event("COPIED", "2026-11-14T13:00:00Z", null)),
                201);
        assertThat(api.get(cellAnalyst, base + "/" + item + "/custody", 200).get("events")).hasSize(3);
        assertThat(api.get(cellAnalyst, "/api/v1/cases/" + id + "/evidence-verification", 200).get("intact")
                .asBoolean()).isTrue();

        jdbc.sql("UPDATE cases_evidence_event SET why = 'réécrit' WHERE item_id = :id AND seq = 2")
                .param("id", item).update();
        JsonNode broken = api.get(policeAnalyst, "/api/v1/cases/" + id + "/evidence-verification", 200);
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("itemId").asString()).isEqualTo(item);
        assertThat(broken.get("seq").asInt()).isEqualTo(2);

        // a removed last event shows too, once the altered row is put back
        jdbc.sql("UPDATE cases_evidence_event SET why = 'Étape EXAMINED' WHERE item_id = :id AND seq = 2")
                .param("id", item).update();
        assertThat(api.get(cellAnalyst, "/api/v1/cases/" + id + "/evidence-verification", 200).get("intact")
                .asBoolean()).isTrue();
        jdbc.sql("DELETE FROM cases_evidence_event WHERE item_id = :id AND seq = 3").param("id", item).update();
        JsonNode cut = api.get(cellAnalyst, "/api/v1/cases/" + id + "/evidence-verification", 200);
        assertThat(cut.get("intact").asBoolean()).isFalse();
        assertThat(cut.get("seq").asInt()).isEqualTo(3);

        // a participant's user the case's marking withholds it from learns only that it exists
        assertThat(status(api.fetch(policeUncleared, base), 403).get("type").asString()).endsWith("/existence-only");
        assertThat(status(api.fetch(policeUncleared, base + "/" + item + "/custody"), 403).toString())
                .doesNotContain("Cellebrite");
        // the customs, never on the case, see nothing: the same 404 as for no case at all
        assertThat(api.status(customsAnalyst, base)).isEqualTo(404);
        assertThat(api.status(customsAnalyst, base + "/" + item)).isEqualTo(404);
        assertThat(api.status(customsAnalyst, "/api/v1/cases/" + id + "/evidence-verification")).isEqualTo(404);
        assertThat(api.send(customsAnalyst, base, extraction(sha)).statusCode()).isEqualTo(404);
        assertThat(api.status(customsAnalyst, "/api/v1/cases/" + id + "/evidence-package")).isEqualTo(404);
    }

    @Test
    void aTransferWaitsForTheReceiversAcknowledgementAndNothingFollowsDisposal() throws Exception {
        String id = openShared("Carnet de Rosso", "fr");
        String base = "/api/v1/cases/" + id + "/evidence";
        String item = BearerApi.created(api.send(cellAnalyst, base, notebook()));
        String custody = base + "/" + item + "/custody";

        JsonNode stranger = status(api.send(cellAnalyst, custody, event("TRANSFERRED", "2026-11-15T08:00:00Z",
                customsAnalystUser)), 400);
        assertThat(stranger.get("field").asString()).isEqualTo("toUserId");
        assertThat(stranger.toString()).contains("not on the case");
        assertThat(api.get(cellAnalyst, custody, 200).get("events")).hasSize(1);

        // only the custodian records
        assertThat(status(api.send(policeAnalyst, custody, event("EXAMINED", "2026-11-15T08:00:00Z", null)), 403)
                .get("type").asString()).endsWith("/not-custodian");
        status(api.send(cellAnalyst, custody, event("TRANSFERRED", "2026-11-15T08:00:00Z", policeAnalystUser)), 201);
        assertThat(api.get(cellAnalyst, base + "/" + item, 200).get("pendingToUserId").asString())
                .isEqualTo(policeAnalystUser);
        assertThat(status(api.send(cellAnalyst, custody, event("EXAMINED", "2026-11-15T09:00:00Z", null)), 409)
                .get("type").asString()).endsWith("/transfer-pending");
        assertThat(status(api.send(cellSupervisor, custody, event("ACKNOWLEDGED", "2026-11-15T09:00:00Z", null)),
                403).get("type").asString()).endsWith("/not-receiver");
        status(api.send(policeAnalyst, custody, event("ACKNOWLEDGED", "2026-11-15T09:30:00Z", null)), 201);
        JsonNode held = api.get(policeAnalyst, base + "/" + item, 200);
        assertThat(held.get("custodianUserId").asString()).isEqualTo(policeAnalystUser);
        assertThat(held.get("pendingToUserId").isNull()).isTrue();
        assertThat(status(api.send(cellAnalyst, custody, event("EXAMINED", "2026-11-15T10:00:00Z", null)), 403)
                .get("type").asString()).endsWith("/not-custodian");

        // a transfer cancelled by the sender leaves the item with them
        status(api.send(policeAnalyst, custody, event("TRANSFERRED", "2026-11-15T10:00:00Z", cellAnalystUser)), 201);
        status(api.send(policeAnalyst, custody, event("TRANSFER_CANCELLED", "2026-11-15T10:05:00Z", null)), 201);
        assertThat(api.get(policeAnalyst, base + "/" + item, 200).get("custodianUserId").asString())
                .isEqualTo(policeAnalystUser);

        status(api.send(policeAnalyst, custody, event("DISPOSED", "2026-11-16T10:00:00Z", null)), 201);
        assertThat(status(api.send(policeAnalyst, custody, event("RETURNED", "2026-11-16T11:00:00Z", null)), 409)
                .get("type").asString()).endsWith("/disposed");
        List<String> kinds = new java.util.ArrayList<>();
        api.get(cellAnalyst, custody, 200).get("events").forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsExactly("RECEIVED", "TRANSFERRED", "ACKNOWLEDGED", "TRANSFERRED",
                "TRANSFER_CANCELLED", "DISPOSED");
        assertThat(api.get(cellAnalyst, "/api/v1/cases/" + id + "/evidence-verification", 200).get("intact")
                .asBoolean()).isTrue();
    }

    @Test
    void thePackageVerifiesOfflineAndFailsAfterAnyChangedByte() throws Exception {
        String id = openShared("ملف الأدلة — شبكة روصو", "ar");
        String base = "/api/v1/cases/" + id + "/evidence";
        byte[] photo = "صورة الإيصال: تحويل حوالة 250000 أوقية\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = multipart(cellAnalyst, base + "/files", "receipt.txt", photo,
                Map.of("title", "إيصال الحوالة", "place", "مقر الخلية", "why", "سُلّم من المُبلّغ",
                        "occurredAt", "2026-11-14T09:00:00Z"));
        String file = BearerApi.created(uploaded);
        assertThat(BearerApi.JSON.readTree(uploaded.body()).get("sha256").asString())
                .isEqualTo(CustodyChain.sha256(photo));
        String physical = BearerApi.created(api.send(cellAnalyst, base, notebook()));
        status(api.send(cellAnalyst, base + "/" + physical + "/custody",
                event("EXAMINED", "2026-11-14T12:00:00Z", null)), 201);

        HttpResponse<byte[]> content = fetchBytes(policeAnalyst, base + "/" + file + "/content");
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(photo);
        assertThat(content.headers().firstValue("Content-Disposition").orElseThrow()).contains("receipt.txt");
        assertThat(fetchBytes(customsAnalyst, base + "/" + file + "/content").statusCode()).isEqualTo(404);
        assertThat(fetchBytes(cellAnalyst, "/api/v1/cases/" + id + "/evidence-package").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> exported = fetchBytes(cellSupervisor, "/api/v1/cases/" + id + "/evidence-package");
        assertThat(exported.statusCode()).isEqualTo(200);
        Path zip = dir.resolve("package.zip");
        Files.write(zip, exported.body());
        String key = packages.installationKey().publicKey();
        Path keyFile = dir.resolve("installation.pub");
        Files.writeString(keyFile, key);

        EvidenceVerifyCommand.Outcome good = EvidenceVerifyCommand.run(zip.toString(), "--key", keyFile.toString());
        assertThat(good.exitCode()).as(good.text()).isEqualTo(EvidenceVerifyCommand.INTACT);
        assertThat(good.text()).contains(id).contains("2 items");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'EXPORT' AND object_type = 'evidence'"
                + " AND actor_user_id = :user").param("user", cellSupervisorUser).query(Long.class).single())
                .isEqualTo(1);
        Map<String, byte[]> entries = unzip(exported.body());
        assertThat(entries).containsKeys("manifest.json", "manifest.sig", "summary.pdf");
        assertThat(new String(entries.get("summary.pdf"), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String itemPath = entries.keySet().stream().filter(n -> n.contains(file)).findFirst().orElseThrow();
        assertThat(entries.get(itemPath)).isEqualTo(photo);

        Path changedItem = dir.resolve("item.zip");
        Files.write(changedItem, rezip(entries, itemPath, b -> flip(b, 3)));
        EvidenceVerifyCommand.Outcome itemBroken = EvidenceVerifyCommand.run(changedItem.toString(), "--key", key);
        assertThat(itemBroken.exitCode()).isEqualTo(EvidenceVerifyCommand.BROKEN);
        assertThat(itemBroken.text()).contains(itemPath).doesNotContain("\n");

        Path changedManifest = dir.resolve("manifest.zip");
        Files.write(changedManifest, rezip(entries, "manifest.json", b -> flip(b, b.length / 2)));
        EvidenceVerifyCommand.Outcome manifestBroken = EvidenceVerifyCommand.run(changedManifest.toString(), "--key",
                key);
        assertThat(manifestBroken.exitCode()).isEqualTo(EvidenceVerifyCommand.BROKEN);
        assertThat(manifestBroken.text()).contains("manifest.sig");

        Path changedRaw = dir.resolve("raw.zip");
        byte[] raw = exported.body().clone();
        raw[raw.length / 2] ^= 0x01;
        Files.write(changedRaw, raw);
        assertThat(EvidenceVerifyCommand.run(changedRaw.toString(), "--key", key).exitCode())
                .isEqualTo(EvidenceVerifyCommand.BROKEN);
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x01;
        return c;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static byte[] rezip(Map<String, byte[]> entries, String name, UnaryOperator<byte[]> change)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getKey().equals(name) ? change.apply(e.getValue()) : e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private HttpResponse<byte[]> fetchBytes(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> multipart(String token, String path, String fileName, byte[] content,
                                           Map<String, String> fields) throws Exception {
        String boundary = "----fusioncell-evidence-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
