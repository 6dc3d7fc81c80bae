package org.fusioncell.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener that fails (as under a lock timeout) is run again by the retry of failed publications, without a
 * restart, and its effect then happens once.
 */
@FusionCellTest
@Import(FailedEventRetryTest.FlakyListener.Config.class)
class FailedEventRetryTest {

    record Ping(String id) {
    }

    static class FlakyListener {

        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();

        @ApplicationModuleListener
        void on(Ping ping) {
            if (attempts.computeIfAbsent(ping.id(), k -> new AtomicInteger()).incrementAndGet() == 1) {
                throw new IllegalStateException("the first attempt fails, as a lock timeout would");
            }
            effects.computeIfAbsent(ping.id(), k -> new AtomicInteger()).incrementAndGet();
        }

        // through methods: the listener is a proxy (asynchronous, transactional), its fields are the target's
        int attempts(String id) {
            return attempts.getOrDefault(id, new AtomicInteger()).get();
        }

        int effects(String id) {
            return effects.getOrDefault(id, new AtomicInteger()).get();
        }

        @TestConfiguration(proxyBeanMethods = false)
        static class Config {
            @Bean
            FlakyListener flakyListener() {
                return new FlakyListener();
            }
        }
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    FlakyListener listener;

    @Test
    void aFailedListenerRunsAgainWithoutARestart() throws Exception {
        String id = "ping-" + System.nanoTime();
        tx.executeWithoutResult(s -> events.publishEvent(new Ping(id)));
        Instant until = Instant.now().plusSeconds(60);
        while (listener.effects(id) == 0 && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(listener.attempts(id)).isGreaterThanOrEqualTo(2);
        assertThat(listener.effects(id)).isEqualTo(1);
    }
}
