package org.fusioncell.monitoring.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fusioncell.monitoring.delivery.DeliveryWorld;
import org.fusioncell.shared.Ids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Claims: one holder per row among racing workers, take-over after expiry, and rows a crash left behind. */
class ClaimingTest extends DeliveryWorld {

    @Autowired
    Outbox outbox;

    /** A pending row due far in the future, out of the running worker's reach. */
    private String futureRow(Instant due) {
        String id = Ids.newId();
        outbox.add(id, Ids.newId(), user(), Channel.INBOX, "nobody", null, "{}", due);
        return id;
    }

    @Test
    void ofWorkersRacingForARowExactlyOneHoldsIt() throws Exception {
        Instant later = Instant.now().plus(Duration.ofDays(3));
        String id = futureRow(later);
        Instant now = later.plusSeconds(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<OutboxRow>>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = "worker-" + i;
            claims.add(pool.submit(() -> {
                start.await();
                return outbox.claim(id, token, now, now.plusSeconds(60));
            }));
        }
        start.countDown();
        int held = 0;
        for (Future<Optional<OutboxRow>> c : claims) {
            held += c.get().isPresent() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(held).isEqualTo(1);

        String holder = jdbc.sql("SELECT claim_token FROM monitoring_delivery WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(outbox.claim(id, "late", now.plusSeconds(30), now.plusSeconds(90))).as("claim still live").isEmpty();
        Optional<OutboxRow> taken = outbox.claim(id, "successor", now.plusSeconds(61), now.plusSeconds(120));
        assertThat(taken).as("an expired claim is taken over").isPresent();
        outbox.delivered(taken.get(), holder, now.plusSeconds(62));
        assertThat(jdbc.sql("SELECT state FROM monitoring_delivery WHERE id = :id").param("id", id).query(String.class)
                .single()).as("the old holder's result is ignored").isEqualTo("PENDING");
        outbox.delivered(taken.get(), "successor", now.plusSeconds(62));
        assertThat(jdbc.sql("SELECT state FROM monitoring_delivery WHERE id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("DELIVERED");
    }

    @Test
    void theContentOfLongDeliveredRowsIsForgottenButSchedulingStaysIdempotent() throws Exception {
        var notice = notice(user(), "HIGH", "Old news");
        scheduleCommitted(notice);
        long until = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < until && !"DELIVERED".equals(jdbc.sql("SELECT state FROM monitoring_delivery "
                + "WHERE alert_id = :a").param("a", notice.alertId()).query(String.class).single())) {
            Thread.sleep(20);
        }
        jdbc.sql("UPDATE monitoring_delivery SET delivered_at = :t WHERE alert_id = :a")
                .param("t", Timestamp.from(Instant.now().minus(Duration.ofDays(31)))).param("a", notice.alertId()).update();
        assertThat(outbox.forgetContent(Instant.now().minus(Duration.ofDays(30)))).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT payload FROM monitoring_delivery WHERE alert_id = :a").param("a", notice.alertId())
                .query(String.class).single()).isEqualTo("{}");
        scheduleCommitted(notice);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_delivery WHERE alert_id = :a").param("a", notice.alertId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSweepResumesARowACrashedWorkerHeld() throws Exception {
        String id = Ids.newId();
        Instant now = Instant.now();
        outbox.add(id, Ids.newId(), user(), Channel.INBOX, "nobody", null, "{}", now);
        // as a crashed process leaves it: claimed, never finished, the claim now expired; nobody wakes the worker
        jdbc.sql("UPDATE monitoring_delivery SET claim_token = 'crashed', claimed_until = :t WHERE id = :id")
                .param("t", Timestamp.from(now.minusMillis(1))).param("id", id).update();
        long until = System.currentTimeMillis() + 4000;
        String state = "PENDING";
        while (!"DELIVERED".equals(state) && System.currentTimeMillis() < until) {
            Thread.sleep(50);
            state = jdbc.sql("SELECT state FROM monitoring_delivery WHERE id = :id").param("id", id)
                    .query(String.class).single();
        }
        assertThat(state).as("delivered by the periodic sweep (1 s in tests)").isEqualTo("DELIVERED");
    }
}
