package org.fusioncell.monitoring.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.delivery.AlertNotice;
import org.fusioncell.monitoring.delivery.DeliveryWorld;
import org.fusioncell.monitoring.delivery.RegisteredWebhook;
import org.fusioncell.monitoring.delivery.WebhookHostRefused;
import org.fusioncell.monitoring.delivery.WebhookReceiver;
import org.fusioncell.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The outbox: idempotent scheduling, commit-bound rows, signed webhooks, retries and dead letters. */
class OutboxDeliveryTest extends DeliveryWorld {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Readers readers;

    private List<Map<String, Object>> rows(String alertId) {
        return jdbc.sql("SELECT id, channel, target, state, attempts, last_error FROM monitoring_delivery "
                + "WHERE alert_id = :a ORDER BY channel").param("a", alertId).query().listOfRows();
    }

    @Test
    void schedulingTwiceWritesEachRowOnceWithOneDeliveryId() throws Exception {
        String user = user();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            channels.register(readers.forUser(user, "test"), receiver.url(), "ops desk");
            AlertNotice n = notice(user, "HIGH", "Convoy sighted near Kidal");
            transactions().executeWithoutResult(s -> {
                delivery.schedule(n);
                delivery.schedule(n);
            });
            scheduleCommitted(n);
            List<Map<String, Object>> rows = rows(n.alertId());
            assertThat(rows).extracting(r -> r.get("channel")).containsExactly("INBOX", "WEBHOOK");
            WebhookReceiver.Received first = receiver.next(5);
            assertThat(first).isNotNull();
            assertThat(receiver.next(1)).as("one POST for one row").isNull();
            String webhookRow = rows.get(1).get("id").toString();
            assertThat(first.header("X-FusionCell-Delivery")).isEqualTo(webhookRow);
        }
    }

    @Test
    void aRolledBackAlertIsNeverDelivered() {
        String user = user();
        AlertNotice n = notice(user, "LOW", "Never committed");
        transactions().executeWithoutResult(s -> {
            delivery.schedule(n);
            s.setRollbackOnly();
        });
        assertThat(rows(n.alertId())).isEmpty();
    }

    @Test
    void theReceiverCanVerifyTheSignatureWithItsSecret() throws Exception {
        String user = user();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            RegisteredWebhook hook = channels.register(readers.forUser(user, "test"), receiver.url(), null);
            AlertNotice n = notice(user, "CRITICAL", "تحرك قافلة قرب كيدال");
            scheduleCommitted(n);
            WebhookReceiver.Received got = receiver.next(5);
            assertThat(got).as("POST received").isNotNull();

            String timestamp = got.header("X-FusionCell-Timestamp");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hook.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + got.body()).getBytes(StandardCharsets.UTF_8)));
            assertThat(got.header("X-FusionCell-Signature")).isEqualTo(expected);
            assertThat(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp))).isLessThan(60);

            JsonNode body = JSON.readTree(got.body());
            assertThat(body.get("deliveryId").asString()).isEqualTo(got.header("X-FusionCell-Delivery"));
            assertThat(body.get("event").asString()).isEqualTo("alert");
            assertThat(body.get("alert").get("alertId").asString()).isEqualTo(n.alertId());
            assertThat(body.get("alert").get("headline").asString()).isEqualTo("تحرك قافلة قرب كيدال");
            awaitState(n.alertId(), "WEBHOOK", "DELIVERED");

            mac.init(new SecretKeySpec("whsec_wrong".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String forged = "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + got.body()).getBytes(StandardCharsets.UTF_8)));
            assertThat(got.header("X-FusionCell-Signature")).as("another key does not verify").isNotEqualTo(forged);
        }
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffThenDeadLetteredAndCanBeResent() throws Exception {
        String user = user();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.status.set(503);
            channels.register(readers.forUser(user, "test"), receiver.url(), "flaky partner");
            AlertNotice n = notice(user, "MEDIUM", "Flaky");
            scheduleCommitted(n);
            WebhookReceiver.Received a1 = receiver.next(5);
            WebhookReceiver.Received a2 = receiver.next(5);
            WebhookReceiver.Received a3 = receiver.next(5);
            assertThat(List.of(a1, a2, a3)).doesNotContainNull();
            assertThat(a2.atMillis() - a1.atMillis()).as("first backoff, half of 100 ms at least").isGreaterThanOrEqualTo(50);
            assertThat(a3.atMillis() - a2.atMillis()).as("second backoff, half of 200 ms at least").isGreaterThanOrEqualTo(100);
            assertThat(List.of(a2, a3)).allSatisfy(r -> assertThat(r.header("X-FusionCell-Delivery"))
                    .isEqualTo(a1.header("X-FusionCell-Delivery")));
            assertThat(receiver.next(1)).as("no fourth attempt").isNull();

            Map<String, Object> row = awaitState(n.alertId(), "WEBHOOK", "DEAD");
            assertThat(row.get("attempts")).isEqualTo(3);
            assertThat(row.get("last_error")).isEqualTo("HTTP 503");
            var dead = channels.deadLetters(user, PageRequest.of(0, 10));
            assertThat(dead.total()).isEqualTo(1);
            assertThat(dead.items().getFirst().targetDescription()).isEqualTo("flaky partner");
            assertThat(channels.deadLetters(user(), PageRequest.of(0, 10)).total()).as("another user's").isZero();

            receiver.status.set(204);
            String deliveryId = a1.header("X-FusionCell-Delivery");
            assertThat(channels.resend(readers.forUser(user(), "test"), deliveryId)).as("not theirs").isEmpty();
            assertThat(channels.resend(readers.forUser(user, "test"), deliveryId)).isPresent();
            WebhookReceiver.Received again = receiver.next(5);
            assertThat(again.header("X-FusionCell-Delivery")).as("same delivery id").isEqualTo(deliveryId);
            awaitState(n.alertId(), "WEBHOOK", "DELIVERED");
            assertThat(channels.deadLetters(user, PageRequest.of(0, 10)).total()).isZero();
        }
    }

    @Test
    void onlyAllowedHostsOverHttpsAreAccepted() {
        var reader = readers.forUser(user(), "test");
        assertThatThrownBy(() -> channels.register(reader, "https://evil.example.com/hook", null))
                .isInstanceOfSatisfying(WebhookHostRefused.class, e -> {
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(e.host()).isEqualTo("evil.example.com");
                });
        assertThatThrownBy(() -> channels.register(reader, "http://siem.partner.example/hook", null))
                .as("https required off loopback").isInstanceOf(WebhookHostRefused.class);
        assertThatThrownBy(() -> channels.register(reader, "https://partner.example.evil.com/hook", null))
                .isInstanceOf(WebhookHostRefused.class);
        assertThat(channels.register(reader, "https://siem.partner.example/hook", null).webhook().url())
                .isEqualTo("https://siem.partner.example/hook");
        assertThat(channels.webhooks(reader.userId())).hasSize(1);
    }

    private Map<String, Object> awaitState(String alertId, String channel, String state) throws InterruptedException {
        long until = System.currentTimeMillis() + 5000;
        while (true) {
            Map<String, Object> row = rows(alertId).stream().filter(r -> channel.equals(r.get("channel"))).findFirst()
                    .orElseThrow();
            if (state.equals(row.get("state")) || System.currentTimeMillis() > until) {
                assertThat(row.get("state")).isEqualTo(state);
                return row;
            }
            Thread.sleep(20);
        }
    }
}
