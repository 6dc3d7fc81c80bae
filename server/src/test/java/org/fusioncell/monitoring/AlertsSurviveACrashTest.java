package org.fusioncell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The crash test of durable delivery: FusionCell runs as its own process on the embedded store; reports
 * that match a watch are committed and the process is killed (SIGKILL) while their alerts are being
 * evaluated and delivered; after a restart every alert reaches the webhook receiver, each under exactly
 * one delivery id — the receiver counts them — and the inbox holds each alert once.
 */
@Tag("crash")
class AlertsSurviveACrashTest {

    private static final int REPORTS = 12;
    private static final Duration START = Duration.ofMinutes(3);

    @Test
    void everyAlertOfItemsCommittedBeforeTheCrashIsDeliveredOnceAfterRestart() throws Exception {
        Path dir = Files.createTempDirectory("fusioncell-crash");
        Map<String, Set<String>> deliveriesByAlert = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode json = MonitoringClient.JSON.readTree(body);
            String delivery = exchange.getRequestHeaders().getFirst("X-FusionCell-Delivery");
            receipts.computeIfAbsent(delivery, d -> new AtomicInteger()).incrementAndGet();
            deliveriesByAlert.computeIfAbsent(json.get("alert").get("alertId").asString(), a -> ConcurrentHashMap.newKeySet())
                    .add(delivery);
            try {
                Thread.sleep(150); // a slow receiver keeps deliveries in flight when the process dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        int port = FusionCellProcess.freePort();
        List<String> settings = List.of("--fusioncell.monitoring.webhooks.allowed-hosts=127.0.0.1",
                "--fusioncell.monitoring.webhooks.allow-http-loopback=true",
                "--fusioncell.monitoring.delivery.sweep-interval=1s", "--fusioncell.monitoring.delivery.retry-base=1s",
                "--fusioncell.monitoring.delivery.claim-duration=5s");
        try {
            // first start: the store is created; then, stopped, it receives an analyst and a token
            FusionCellProcess.start(dir, port, 1, settings, START).stop();
            JdbcClient store = FusionCellProcess.store(dir);
            IdentityFixtures fx = new IdentityFixtures(store);
            String org = fx.organisation(OrganisationType.STATE_AGENCY);
            String token = fx.token(fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");

            Set<String> reports = new HashSet<>();
            try (FusionCellProcess running = FusionCellProcess.start(dir, port, 2, settings, START)) {
                MonitoringClient api = new MonitoringClient(port);
                api.watch(token, "Puits", Map.of("kind", "text", "query", "puits"), Map.of());
                HttpResponse<String> hook = api.post(token, "/api/v1/alert-settings/webhooks",
                        Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                                "description", "receiver of the crash test"));
                assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
                for (int i = 0; i < REPORTS; i++) {
                    HttpResponse<String> r = api.post(token, "/api/v1/reports", Map.of("title", "Puits " + i,
                            "body", "Des hommes armés ont été vus près du puits numéro " + i,
                            "grading", Map.of("sourceReliability", "B", "informationCredibility", 2),
                            "marking", Map.of("classification", "RESTRICTED", "tlp", "AMBER")));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                    reports.add(MonitoringClient.JSON.readTree(r.body()).get("id").asString());
                }
                running.kill(); // committed, and mid-way through evaluation and delivery
            }
            int deliveredBeforeRestart = receipts.size();

            try (FusionCellProcess restarted = FusionCellProcess.start(dir, port, 3, settings, START)) {
                Instant until = Instant.now().plus(Duration.ofMinutes(2));
                while (deliveriesByAlert.size() < REPORTS && Instant.now().isBefore(until)) {
                    Thread.sleep(200);
                }
                Thread.sleep(3000); // a duplicate would arrive now
                MonitoringClient api = new MonitoringClient(port);
                JsonNode inbox = api.json(token, "/api/v1/alerts?size=500");
                Set<String> alerted = new HashSet<>();
                inbox.get("items").forEach(a -> alerted.add(a.get("itemId").asString()));
                assertThat(alerted).as("one alert per report in the inbox").isEqualTo(reports);
                assertThat(inbox.get("total").asLong()).isEqualTo(REPORTS);
                restarted.stop();
            }
            System.out.println("crash test: " + deliveredBeforeRestart + " of " + REPORTS
                    + " deliveries had reached the receiver before the kill");
            assertThat(deliveriesByAlert).as("every alert delivered").hasSize(REPORTS);
            deliveriesByAlert.forEach((alert, ids) -> assertThat(ids).as("delivery ids of alert " + alert).hasSize(1));
            assertThat(receipts).hasSize(REPORTS);
        } finally {
            receiver.stop(0);
            if (deliveriesByAlert.size() == REPORTS) {
                FileSystemUtils.deleteRecursively(dir); // kept for the logs when the test fails
            } else {
                System.out.println("crash test: logs kept in " + dir);
            }
        }
    }
}
