package org.fusioncell.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellProcess;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two FusionCell installations on loopback: cell A (a separate process on its own embedded store) publishes
 * its reports into a TAXII collection shared under an agreement with partner cell B (this test's
 * application); B's TAXII client pulls it through a proxy that can cut the link in the middle of a page.
 * B receives exactly what the agreement allows — never a TLP:RED report, nor an originator-controlled one
 * until its originator approves, nor one not releasable to B; a cut link resumes with no duplicate and no
 * loss; a correction on A revises B's copy; an object revoked on A disappears on B; and the same exchange
 * through a signed offline package leaves a cell that never had a link holding exactly what B pulled.
 */
@FusionCellTest
class FederationTest {

    private static final Duration START = Duration.ofMinutes(3);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCollectionSharedUnderAnAgreementReachesThePartnerExactlyOnce() throws Exception {
        Path dir = Files.createTempDirectory("fusioncell-cell-a");
        int portA = FusionCellProcess.freePort();
        List<String> settings = List.of("--fusioncell.exchange.partners.allow-http-loopback=true");
        FusionCellProcess.start(dir, portA, 1, settings, START).stop();
        JdbcClient storeA = FusionCellProcess.store(dir);
        IdentityFixtures a = new IdentityFixtures(storeA);
        String cellA = a.organisation("Cellule nationale de fusion (A)", OrganisationType.STATE_AGENCY, "MR");
        String bOnA = a.organisation("خلية الاندماج الشريكة (B)", OrganisationType.PARTNER_FUSION_CELL, "SN");
        String agreementA = a.agreement(Set.of(cellA, bOnA), "SECRET", Set.of("*"));
        String adminA = a.token(a.user(cellA, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        String analystA = a.token(a.user(cellA, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        String supervisorA = a.token(a.user(cellA, "SECRET", Set.of(Role.SUPERVISOR), Set.of()), "read", "write");
        String bTokenOnA = a.token(a.user(bOnA, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of()), "read");
        String liaisonA = a.token(a.user(cellA, "SECRET", Set.of(Role.LIAISON_OFFICER), Set.of()), "read", "write");

        IdentityFixtures b = new IdentityFixtures(jdbc);
        String cellB = b.organisation("Cellule partenaire (B)", OrganisationType.STATE_AGENCY, "SN");
        String aOnB = b.organisation("Cellule nationale (A) vue de B", OrganisationType.PARTNER_FUSION_CELL, "MR");
        String agreementB = b.agreement(Set.of(cellB, aOnB), "SECRET", Set.of("*"));
        String adminB = b.token(b.user(cellB, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
        String analystB = b.token(b.user(cellB, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");

        try (FusionCellProcess cellProcess = FusionCellProcess.start(dir, portA, 2, settings, START);
             Proxy proxy = new Proxy(portA)) {
            BearerApi apiA = new BearerApi(portA);
            BearerApi apiB = new BearerApi(port);

            String collection = BearerApi.created(apiA.send(adminA, "/api/v1/admin/taxii-collections", Map.of(
                    "title", "A → B", "agreementId", agreementA, "publishes", true)));
            Map<String, Object> toB = Map.of("agreements", List.of(agreementA));
            Map<String, String> reports = new HashMap<>();
            reports.put("allowed-1", report(apiA, analystA, "Convoi suspect près de Bassikounou", "AMBER", toB, false));
            reports.put("red", report(apiA, analystA, "مصدر حساس — لا يُنشر", "RED", toB, false));
            reports.put("orcon", report(apiA, analystA, "Renseignement sous contrôle de l'émetteur", "AMBER", toB, true));
            reports.put("internal", report(apiA, analystA, "Note interne de la cellule", "AMBER", Map.of(), false));
            reports.put("allowed-2", report(apiA, analystA, "تحركات مسلحين قرب الحدود", "GREEN", toB, false));
            reports.put("allowed-3", report(apiA, analystA, "Recrutement en ligne signalé", "AMBER", toB, false));
            reports.put("allowed-4", report(apiA, analystA, "Financement par transfert mobile", "AMBER", toB, false));
            // publication runs after commit: wait until B's view of the collection holds the four allowed reports
            String objectsPath = "/api/taxii2/fusioncell/collections/" + collection + "/objects/?match[type]=report";
            awaitReports(apiA, bTokenOnA, objectsPath, 4);

            String partner = BearerApi.created(apiB.send(adminB, "/api/v1/admin/partner-cells", Map.of(
                    "name", "Cellule nationale A", "organisationId", aOnB, "agreementId", agreementB,
                    "baseUrl", "http://127.0.0.1:" + proxy.port(), "token", bTokenOnA)));
            String feed = BearerApi.created(apiB.send(adminB, "/api/v1/admin/taxii-feeds", Map.of(
                    "partnerId", partner, "direction", "PULL", "remoteCollectionId", collection, "enabled", false)));

            // the link breaks in the middle of the second page: the first page stays applied, nothing else
            proxy.cutObjectsRequest(2);
            JsonNode cut = apiB.get(adminB, "/api/v1/admin/taxii-feeds/" + feed, 200);
            JsonNode failed = run(apiB, adminB, feed);
            assertThat(failed.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(failed.get("pages").asInt()).isEqualTo(1);
            assertThat(cut.get("cursor").isNull()).isTrue();
            String cursorAfterCut = apiB.get(adminB, "/api/v1/admin/taxii-feeds/" + feed, 200).get("cursor").asString();
            assertThat(cursorAfterCut).isNotBlank();

            proxy.heal();
            JsonNode resumed = run(apiB, adminB, feed);
            assertThat(resumed.get("outcome").asString()).as(resumed.toString()).isEqualTo("OK");
            assertThat(titles(apiB, analystB)).containsExactlyInAnyOrder("Convoi suspect près de Bassikounou",
                    "تحركات مسلحين قرب الحدود", "Recrutement en ligne signalé", "Financement par transfert mobile");
            assertThat(run(apiB, adminB, feed).get("objects").asInt()).as("nothing new, nothing twice").isZero();

            // the originator approves the originator-controlled report for this collection: it follows
            HttpResponse<String> approved = apiA.send(supervisorA, "/api/v1/exchange/release-approvals", Map.of(
                    "collectionId", collection, "itemId", reports.get("orcon"),
                    "reason", "Accord du service émetteur pour la cellule B"));
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            run(apiB, adminB, feed);
            assertThat(titles(apiB, analystB)).contains("Renseignement sous contrôle de l'émetteur")
                    .doesNotContain("مصدر حساس — لا يُنشر", "Note interne de la cellule");

            // a correction on A revises B's copy
            HttpResponse<String> revised = apiA.put(analystA, "/api/v1/reports/" + reports.get("allowed-3"), "\"1\"", Map.of("title", "Recrutement en ligne confirmé",
                            "body", "Deux comptes actifs recrutent depuis la région de Hodh Ech Chargui.",
                            "grading", Map.of("sourceReliability", "B", "informationCredibility", 2),
                            "marking", marking("AMBER", toB, false), "reason", "confirmation par une seconde source"));
            assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
            awaitReports(apiA, bTokenOnA, objectsPath + "&match[version]=all", 6);
            JsonNode corrected = run(apiB, adminB, feed);
            assertThat(corrected.get("corrected").asInt()).as(corrected.toString()).isEqualTo(1);
            assertThat(titles(apiB, analystB)).contains("Recrutement en ligne confirmé")
                    .doesNotContain("Recrutement en ligne signalé");

            // an object revoked on A disappears on B
            String revokedId = stixIdOf(apiA, bTokenOnA, objectsPath, "Convoi suspect près de Bassikounou");
            HttpResponse<String> revocation = apiA.send(adminA, "/api/v1/admin/taxii-collections/" + collection
                    + "/revocations", Map.of("objectId", revokedId, "reason", "source retirée"));
            assertThat(revocation.statusCode()).as(revocation.body()).isEqualTo(200);
            JsonNode afterRevocation = run(apiB, adminB, feed);
            assertThat(afterRevocation.get("revoked").asInt()).as(afterRevocation.toString()).isEqualTo(1);
            assertThat(titles(apiB, analystB)).doesNotContain("Convoi suspect près de Bassikounou").hasSize(4);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_stix_revoked WHERE stix_id = :s").param("s", revokedId)
                    .query(Long.class).single()).isEqualTo(1);

            // everything A served B — publications, the correction, the revocation — is valid STIX 2.1
            JsonNode served = apiA.get(bTokenOnA, "/api/taxii2/fusioncell/collections/" + collection
                    + "/objects/?match[version]=all", 200);
            tools.jackson.databind.node.ObjectNode bundle = BearerApi.JSON.createObjectNode();
            bundle.put("type", "bundle").put("id", "bundle--" + java.util.UUID.randomUUID());
            bundle.set("objects", served.get("objects"));
            StixSchemas.load().assertValid(bundle);

            // B started over from the beginning receives the same, nothing twice and the revoked report not again
            HttpResponse<String> reset = apiB.put(adminB, "/api/v1/admin/taxii-feeds/" + feed, null,
                    Map.of("resetCursor", true));
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
            assertThat(run(apiB, adminB, feed).get("added").asInt()).isZero();
            assertThat(titles(apiB, analystB)).hasSize(4);

            JsonNode log = apiB.get(analystB, "/api/v1/exchange/log?partner=" + partner, 200);
            assertThat(log.get("total").asLong()).isGreaterThanOrEqualTo(6);

            // the same exchange on removable media: A's liaison builds a signed package of the collection as B may
            // read it; a second cell of installation B, with no link to A, imports it and holds what B pulled
            String bCellOnA = BearerApi.created(apiA.send(adminA, "/api/v1/admin/partner-cells", Map.of(
                    "name", "Cellule partenaire B", "organisationId", bOnA, "agreementId", agreementA)));
            HttpResponse<byte[]> built = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + portA + "/api/v1/exchange/packages"))
                    .header("Authorization", "Bearer " + liaisonA).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BearerApi.JSON.writeValueAsString(Map.of(
                            "partnerId", bCellOnA, "collectionId", collection)))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(built.statusCode()).as(new String(built.body())).isEqualTo(200);
            String keyOfA = apiA.get(liaisonA, "/api/v1/exchange/packages/public-key", 200).get("publicKey").asString();

            String cellB2 = b.organisation("Cellule hors ligne (B2)", OrganisationType.STATE_AGENCY, "SN");
            String aOnB2 = b.organisation("Cellule nationale (A) vue de B2", OrganisationType.PARTNER_FUSION_CELL, "MR");
            String agreementB2 = b.agreement(Set.of(cellB2, aOnB2), "SECRET", Set.of("*"));
            String adminB2 = b.token(b.user(cellB2, "SECRET", Set.of(Role.ADMINISTRATOR), Set.of()), "read", "write", "admin");
            String analystB2 = b.token(b.user(cellB2, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
            String partnerOfB2 = BearerApi.created(apiB.send(adminB2, "/api/v1/admin/partner-cells", Map.of(
                    "name", "Cellule nationale A (hors ligne)", "organisationId", aOnB2, "agreementId", agreementB2,
                    "publicKey", keyOfA)));
            HttpResponse<String> imported = importPackage(adminB2, partnerOfB2, built.body());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            assertThat(titles(apiB, analystB2)).containsExactlyInAnyOrderElementsOf(titles(apiB, analystB));
            HttpResponse<String> again = importPackage(adminB2, partnerOfB2, built.body());
            assertThat(again.statusCode()).as(again.body()).isIn(200, 409);
            assertThat(titles(apiB, analystB2)).hasSize(4);
            cellProcess.stop();
        }
    }

    private HttpResponse<String> importPackage(String token, String partnerId, byte[] zip) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/exchange/packages/import?partner=" + partnerId))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> marking(String tlp, Map<String, Object> releasability, boolean orcon) {
        Map<String, Object> m = new HashMap<>();
        m.put("classification", "CONFIDENTIAL");
        m.put("tlp", tlp);
        m.put("releasability", releasability);
        m.put("originatorControl", orcon);
        return m;
    }

    private static String report(BearerApi api, String token, String title, String tlp, Map<String, Object> releasability,
                                 boolean orcon) throws Exception {
        return BearerApi.created(api.send(token, "/api/v1/reports", Map.of("title", title,
                "body", title + ". Rapport transmis par la cellule nationale de fusion.",
                "grading", Map.of("sourceReliability", "B", "informationCredibility", 2),
                "marking", marking(tlp, releasability, orcon))));
    }

    private static JsonNode run(BearerApi api, String admin, String feed) throws Exception {
        HttpResponse<String> r = api.send(admin, "/api/v1/admin/taxii-feeds/" + feed + "/run", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return BearerApi.JSON.readTree(r.body());
    }

    /** The titles of the reports B's analyst sees (each title once per report). */
    private static List<String> titles(BearerApi api, String token) throws Exception {
        List<String> out = new ArrayList<>();
        api.get(token, "/api/v1/reports?size=500", 200).get("items").forEach(r -> out.add(r.get("title").asString()));
        return out;
    }

    private static void awaitReports(BearerApi api, String token, String path, int count) throws Exception {
        Instant until = Instant.now().plusSeconds(60);
        int seen = -1;
        while (Instant.now().isBefore(until)) {
            seen = api.get(token, path, 200).path("objects").size();
            if (seen >= count) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(seen).as("report objects published in time").isGreaterThanOrEqualTo(count);
    }

    private static String stixIdOf(BearerApi api, String token, String path, String name) throws Exception {
        for (JsonNode o : api.get(token, path, 200).get("objects")) {
            if (name.equals(o.path("name").asString())) {
                return o.get("id").asString();
            }
        }
        throw new AssertionError("no report named " + name);
    }

    /**
     * A loopback forwarder to cell A that asks for pages of three objects (whatever the client asked) and can
     * cut the link in the middle of the n-th objects page: the headers announce the whole page, half of it
     * arrives, then the connection closes.
     */
    static final class Proxy implements AutoCloseable {

        private final HttpServer server;
        private final HttpClient http = HttpClient.newHttpClient();
        private final AtomicInteger objectsRequests = new AtomicInteger();
        private volatile int cutAt = -1;

        Proxy(int target) throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String pathAndQuery = exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? ""
                        : "?" + exchange.getRequestURI().getRawQuery().replaceAll("limit=\\d+", "limit=3"));
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target + pathAndQuery));
                for (String h : List.of("Authorization", "Accept", "Content-Type")) {
                    String v = exchange.getRequestHeaders().getFirst(h);
                    if (v != null) {
                        req.header(h, v);
                    }
                }
                byte[] body = exchange.getRequestBody().readAllBytes();
                req.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
                try {
                    HttpResponse<byte[]> r = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
                    r.headers().map().forEach((k, v) -> {
                        if (k.toLowerCase().startsWith("x-taxii") || k.equalsIgnoreCase("content-type")) {
                            v.forEach(value -> exchange.getResponseHeaders().add(k, value));
                        }
                    });
                    boolean objects = pathAndQuery.contains("/objects/") && exchange.getRequestMethod().equals("GET");
                    boolean cut = objects && objectsRequests.incrementAndGet() == cutAt;
                    exchange.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(r.body(), 0, cut ? r.body().length / 2 : r.body().length);
                        out.flush();
                        if (cut) {
                            throw new java.io.IOException("link cut"); // the rest never comes: the connection drops
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void cutObjectsRequest(int n) {
            objectsRequests.set(0);
            cutAt = n;
        }

        void heal() {
            cutAt = -1;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
