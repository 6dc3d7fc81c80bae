package org.fusioncell.monitoring.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fusioncell.monitoring.delivery.internal.AlertStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The inbox push: a committed alert reaches its recipient's open stream within a second, and no one else's. */
class AlertStreamTest extends DeliveryWorld {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AlertStreams streams;

    /** An open event stream whose lines are read in the background. */
    private record Subscription(HttpResponse<Stream<String>> response, BlockingQueue<String> lines) {
    }

    private Subscription subscribe(LoggedIn session) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(session.base + "/alerts/stream"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = session.client.send(request, HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException e) {
                // the stream was closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Subscription(response, lines);
    }

    /** The data of the next {@code alert} event, or null after {@code millis}. */
    private static String nextAlert(BlockingQueue<String> lines, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        boolean named = false;
        while (true) {
            long left = until - System.currentTimeMillis();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.MILLISECONDS);
            if (line == null) {
                return null;
            }
            if (line.equals("event:alert") || line.equals("event: alert")) {
                named = true;
            } else if (named && line.startsWith("data:")) {
                return line.substring(5).strip();
            } else if (line.isEmpty()) {
                named = false;
            }
        }
    }

    @Test
    void aCommittedAlertReachesTheRecipientsStreamWithinASecondAndNoOneElses() throws Exception {
        String alice = user();
        String bob = user();
        Subscription aliceStream = subscribe(new LoggedIn(port, username(alice)));
        Subscription bobStream = subscribe(new LoggedIn(port, username(bob)));
        assertThat(aliceStream.response().statusCode()).isEqualTo(200);
        assertThat(aliceStream.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(aliceStream.lines().poll(5, TimeUnit.SECONDS)).as("the stream opens with a comment").startsWith(":");

        AlertNotice n = notice(alice, "HIGH", "قافلة قرب كيدال");
        scheduleCommitted(n);
        long committed = System.nanoTime();
        String data = nextAlert(aliceStream.lines(), 1000);
        long elapsedMillis = (System.nanoTime() - committed) / 1_000_000;
        assertThat(data).as("event within a second of commit").isNotNull();
        assertThat(elapsedMillis).isLessThan(1000);
        JsonNode event = JSON.readTree(data);
        assertThat(event.get("alertId").asString()).isEqualTo(n.alertId());
        assertThat(event.get("recipientUserId").asString()).isEqualTo(alice);
        assertThat(event.get("headline").asString()).isEqualTo("قافلة قرب كيدال");
        assertThat(event.get("severity").asString()).isEqualTo("HIGH");

        assertThat(nextAlert(bobStream.lines(), 1500)).as("another user's stream receives nothing").isNull();
        assertThat(jdbc.sql("SELECT state FROM monitoring_delivery WHERE alert_id = :a AND channel = 'INBOX'")
                .param("a", n.alertId()).query(String.class).single()).isEqualTo("DELIVERED");

        AlertNotice forBob = notice(bob, "LOW", "For Bob only");
        scheduleCommitted(forBob);
        assertThat(JSON.readTree(nextAlert(bobStream.lines(), 1000)).get("alertId").asString())
                .isEqualTo(forBob.alertId());
        assertThat(nextAlert(aliceStream.lines(), 500)).isNull();
    }

    @Test
    void idleStreamsGetKeepAlivesAndClosedOnesAreForgotten() throws Exception {
        int before = streams.count();
        Subscription s = subscribe(new LoggedIn(port, username(user())));
        assertThat(s.lines().poll(5, TimeUnit.SECONDS)).startsWith(":");
        assertThat(streams.count()).isEqualTo(before + 1);
        String line;
        do {
            line = s.lines().poll(3, TimeUnit.SECONDS);
        } while (line != null && !line.startsWith(":"));
        assertThat(line).as("a keep-alive comment within the interval (700 ms in tests)").isEqualTo(":keep-alive");
        s.response().body().close();
        long until = System.currentTimeMillis() + 5000;
        while (streams.count() > before && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertThat(streams.count()).as("the closed stream is forgotten").isEqualTo(before);
    }

    @Test
    void anAnonymousClientGetsNoStream() throws Exception {
        HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/alerts/stream"))
                        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isNotEqualTo(200);
        assertThat(answer.body()).doesNotContain("event:");
    }

    @Test
    void anAlertWithNoOpenStreamIsDeliveredToTheInboxAtOnce() throws Exception {
        AlertNotice n = notice(user(), "MEDIUM", "Nobody is watching");
        scheduleCommitted(n);
        long until = System.currentTimeMillis() + 2000;
        String state = null;
        while (System.currentTimeMillis() < until && !"DELIVERED".equals(state)) {
            state = jdbc.sql("SELECT state FROM monitoring_delivery WHERE alert_id = :a AND channel = 'INBOX'")
                    .param("a", n.alertId()).query(String.class).single();
            Thread.sleep(20);
        }
        assertThat(state).isEqualTo("DELIVERED");
    }
}
