package org.fusioncell.exchange.hits.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.fusioncell.exchange.hits.HitOutcome;
import org.fusioncell.exchange.partners.PartnerCells;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a partner cell's hit/no-hit endpoints with the JDK client and a short timeout. A failure is a value:
 * {@code UNREACHABLE} (network, timeout, server error, unreadable answer) or {@code REFUSED} (the partner
 * answered 4xx, e.g. no agreement in force on its side), never an exception for the caller's request.
 */
@Component
class PartnerCalls {

    static final String INCOMING = "/api/v1/exchange/hit-queries/incoming";
    private static final Logger log = LoggerFactory.getLogger(PartnerCalls.class);

    /** The partner's JSON answer, or the failure and a short reason (never the token or the query). */
    record Result(JsonNode body, HitOutcome failure, String detail) {
        boolean ok() {
            return failure == null;
        }
    }

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    PartnerCalls(JsonMapper json, @Value("${fusioncell.exchange.hits.timeout:10s}") Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    CompletableFuture<Result> post(PartnerCells.Connection to, String path, Object body) {
        HttpRequest request = request(to, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)).build();
        return send(to, request);
    }

    CompletableFuture<Result> get(PartnerCells.Connection to, String path) {
        return send(to, request(to, path).GET().build());
    }

    private HttpRequest.Builder request(PartnerCells.Connection to, String path) {
        return HttpRequest.newBuilder(to.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + to.token()).header("Accept", "application/json");
    }

    private CompletableFuture<Result> send(PartnerCells.Connection to, HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null) {
                        String reason = reason(failure);
                        log.info("hit/no-hit: partner {} unreachable: {}", to.partner().id(), reason);
                        return new Result(null, HitOutcome.UNREACHABLE, reason);
                    }
                    return read(to, response);
                });
    }

    private Result read(PartnerCells.Connection to, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JacksonException e) {
            body = null;
        }
        if (status >= 200 && status < 300 && body != null && body.isObject()) {
            return new Result(body, null, null);
        }
        String title = body != null && body.path("title").isString() ? body.path("title").asString() : "";
        String detail = cut("HTTP " + status + (title.isBlank() ? "" : " " + title));
        if (status >= 400 && status < 500) {
            log.info("hit/no-hit: partner {} refused: HTTP {}", to.partner().id(), status);
            return new Result(body, HitOutcome.REFUSED, detail);
        }
        log.info("hit/no-hit: partner {} answered HTTP {}", to.partner().id(), status);
        return new Result(null, HitOutcome.UNREACHABLE, detail);
    }

    private static String reason(Throwable failure) {
        Throwable t = failure.getCause() != null ? failure.getCause() : failure;
        return t instanceof java.net.http.HttpTimeoutException ? "timed out"
                : t instanceof IOException ? "connection failed" : "call failed";
    }

    private static String cut(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
