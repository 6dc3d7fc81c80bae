package org.fusioncell.monitoring.delivery.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code fusioncell.monitoring.*} for the delivery of alerts (docs/configuration.md). Every value has a
 * default, so an unconfigured install delivers to the inbox only.
 */
@ConfigurationProperties("fusioncell.monitoring")
public record DeliveryProperties(Delivery delivery, Webhooks webhooks, Mail mail, Stream stream) {

    public DeliveryProperties {
        delivery = delivery == null ? new Delivery(null, null, null, null, null, null, null) : delivery;
        webhooks = webhooks == null ? new Webhooks(null, null, null) : webhooks;
        mail = mail == null ? new Mail(null, null) : mail;
        stream = stream == null ? new Stream(null, null) : stream;
    }

    /**
     * @param sweepInterval how often the worker looks for due rows besides being woken after a commit
     *                      (and so how soon a restarted process resumes rows a crash left)
     * @param claimDuration how long a worker holds a row while sending; a crashed holder's rows are taken
     *                      over after it (longer than the slowest send)
     * @param retryBase     delay after the first failure, doubled after each further one, with jitter
     * @param retryMax      the longest delay between two attempts
     * @param maxAttempts   attempts of a mail or webhook before it becomes a dead letter
     * @param batchSize     rows claimed per round
     * @param keepContent   how long a delivered notice's content stays in the outbox; after it the row keeps
     *                      only ids and states (it still makes scheduling the same alert again a no-op)
     */
    public record Delivery(Duration sweepInterval, Duration claimDuration, Duration retryBase, Duration retryMax,
                           Integer maxAttempts, Integer batchSize, Duration keepContent) {
        public Delivery {
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
            claimDuration = claimDuration == null ? Duration.ofMinutes(2) : claimDuration;
            retryBase = retryBase == null ? Duration.ofSeconds(30) : retryBase;
            retryMax = retryMax == null ? Duration.ofHours(6) : retryMax;
            maxAttempts = maxAttempts == null ? 8 : Math.max(1, maxAttempts);
            batchSize = batchSize == null ? 50 : Math.max(1, batchSize);
            keepContent = keepContent == null ? Duration.ofDays(30) : keepContent;
        }
    }

    /**
     * @param allowedHosts      exact host names or {@code *.domain} (any host under the domain); empty: no
     *                          webhook can be registered
     * @param allowHttpLoopback plain http to 127.0.0.1, ::1 or localhost (tests and local receivers only)
     * @param timeout           connect and answer time of one POST
     */
    public record Webhooks(List<String> allowedHosts, Boolean allowHttpLoopback, Duration timeout) {
        public Webhooks {
            allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
            allowHttpLoopback = allowHttpLoopback != null && allowHttpLoopback;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /**
     * @param from    sender address of alert mails
     * @param baseUrl the server's public address, put before the notice's relative link in mails and webhooks
     */
    public record Mail(String from, String baseUrl) {
        public Mail {
            from = from == null || from.isBlank() ? "fusioncell@localhost" : from;
            baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        }
    }

    /**
     * @param timeout   how long one event stream stays open (the browser's EventSource reconnects)
     * @param keepAlive interval of comment lines that keep proxies from closing an idle stream
     */
    public record Stream(Duration timeout, Duration keepAlive) {
        public Stream {
            timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
            keepAlive = keepAlive == null ? Duration.ofSeconds(20) : keepAlive;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeliveryProperties.class)
    static class Beans {
    }
}
