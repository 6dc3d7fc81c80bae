package org.fusioncell.monitoring.delivery.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed POSTs to a user's endpoint: body {@code {"deliveryId", "event": "alert", "alert": <notice>}},
 * headers {@code X-FusionCell-Delivery}, {@code X-FusionCell-Timestamp} (Unix seconds) and
 * {@code X-FusionCell-Signature} ({@link WebhookSignature}). Any 2xx answer is delivery; anything else,
 * including a redirect (never followed), is a failure to retry.
 */
@Component
class WebhookChannel {

    static final String DELIVERY_HEADER = "X-FusionCell-Delivery";
    static final String TIMESTAMP_HEADER = "X-FusionCell-Timestamp";
    static final String SIGNATURE_HEADER = "X-FusionCell-Signature";

    private final ChannelRows channels;
    private final WebhookHosts hosts;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;

    WebhookChannel(ChannelRows channels, WebhookHosts hosts, JsonMapper json, Clock clock, DeliveryProperties properties) {
        this.channels = channels;
        this.hosts = hosts;
        this.json = json;
        this.clock = clock;
        this.timeout = properties.webhooks().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Outcome send(OutboxRow row) {
        Optional<ChannelRows.Endpoint> found = channels.endpoint(row.target());
        if (found.isEmpty() || found.get().removed()) {
            return new Outcome.Abandoned("endpoint removed");
        }
        ChannelRows.Endpoint endpoint = found.get();
        if (!hosts.allows(endpoint.url())) {
            return new Outcome.Abandoned("host no longer allowed");
        }
        String body = body(row);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url().strip()))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "FusionCell-Webhooks/1")
                .header(DELIVERY_HEADER, row.id())
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, WebhookSignature.sign(endpoint.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? Outcome.DELIVERED : new Outcome.Failed("HTTP " + status);
        } catch (IOException e) {
            return new Outcome.Failed("webhook: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("webhook: interrupted");
        }
    }

    /** The same bytes on every attempt: only the timestamp and signature headers change. */
    String body(OutboxRow row) {
        ObjectNode body = json.createObjectNode();
        body.put("deliveryId", row.id());
        body.put("event", "alert");
        JsonNode notice = json.readTree(row.payload());
        body.set("alert", notice);
        return json.writeValueAsString(body);
    }
}
