package org.fusioncell.monitoring.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.fusioncell.monitoring.delivery.WebhookHostRefused;
import org.fusioncell.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The webhook host rules and the backoff, as plain Java. */
class WebhookHostsTest {

    private static WebhookHosts hosts(boolean httpLoopback, String... allowed) {
        return new WebhookHosts(new DeliveryProperties(null,
                new DeliveryProperties.Webhooks(List.of(allowed), httpLoopback, null), null, null));
    }

    @Test
    void exactNamesAndSubdomainWildcardsOverHttpsOnly() {
        WebhookHosts h = hosts(false, "hooks.cell.example", "*.partner.example");
        assertThat(h.allows("https://hooks.cell.example/in")).isTrue();
        assertThat(h.allows("https://HOOKS.cell.example:8443/in?x=1")).isTrue();
        assertThat(h.allows("https://a.b.partner.example/in")).isTrue();
        assertThat(h.allows("https://partner.example/in")).as("the wildcard names hosts under the domain").isFalse();
        assertThat(h.allows("https://evilpartner.example/in")).isFalse();
        assertThat(h.allows("https://hooks.cell.example.evil.org/in")).isFalse();
        assertThat(h.allows("http://hooks.cell.example/in")).as("https required").isFalse();
        assertThatThrownBy(() -> h.check("url", "https://user:pw@hooks.cell.example/in"))
                .isInstanceOf(InvalidInputException.class).isNotInstanceOf(WebhookHostRefused.class);
        assertThatThrownBy(() -> h.check("url", "/relative")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> h.check("url", "ftp://hooks.cell.example/in")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> h.check("url", "https://other.example/in"))
                .isInstanceOfSatisfying(WebhookHostRefused.class, e -> assertThat(e.host()).isEqualTo("other.example"));
    }

    @Test
    void plainHttpToLoopbackOnlyWhenAllowedAndListed() {
        assertThat(hosts(false, "127.0.0.1").allows("http://127.0.0.1:9000/in")).isFalse();
        assertThat(hosts(true, "127.0.0.1").allows("http://127.0.0.1:9000/in")).isTrue();
        assertThat(hosts(true, "127.0.0.1").allows("http://localhost:9000/in")).as("not listed").isFalse();
        assertThat(hosts(true, "10.0.0.5").allows("http://10.0.0.5/in")).as("not loopback").isFalse();
        assertThat(hosts(true).allows("https://anything.example/in")).as("empty list allows nothing").isFalse();
    }

    @Test
    void backoffDoublesWithJitterUpToItsCap() {
        Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));
        for (int i = 0; i < 50; i++) {
            assertThat(b.after(1).toMillis()).isBetween(15_000L, 30_000L);
            assertThat(b.after(3).toMillis()).isBetween(60_000L, 120_000L);
            assertThat(b.after(40).toMillis()).isBetween(150_000L, 300_000L);
        }
    }
}
