package org.fusioncell.monitoring.delivery.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.delivery.AlertChannels;
import org.fusioncell.monitoring.delivery.ChannelSettings;
import org.fusioncell.monitoring.delivery.DeadLetter;
import org.fusioncell.monitoring.delivery.EmailMode;
import org.fusioncell.monitoring.delivery.Webhook;
import org.fusioncell.monitoring.delivery.WebhookHostRefused;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/alert-settings}: the caller's own alert channels — mail settings, webhook endpoints (the
 * secret is in the registration's answer only) and the dead letters, which can be sent again.
 */
@RestController
@RequestMapping("/api/v1/alert-settings")
class AlertSettingsApi {

    /** The body of {@code PUT}: every field is replaced; absent fields are cleared or take their default. */
    record SettingsForm(@Nullable String email, @Nullable String emailMode, @Nullable String immediateSeverity,
                        @Nullable String language) {
    }

    record WebhookForm(@Nullable String url, @Nullable String description) {
    }

    private final AlertChannels channels;
    private final Readers readers;
    private final MessageSource messages;

    AlertSettingsApi(AlertChannels channels, Readers readers, MessageSource messages) {
        this.channels = channels;
        this.readers = readers;
        this.messages = messages;
    }

    @GetMapping
    Map<String, Object> settings() {
        Reader user = readers.current();
        return view(channels.settings(user.userId()), user);
    }

    @PutMapping
    Map<String, Object> update(@RequestBody SettingsForm form) {
        Reader user = readers.current();
        ChannelSettings saved = channels.update(user, new ChannelSettings(form.email(), mode(form.emailMode()),
                form.immediateSeverity(), form.language()));
        return view(saved, user);
    }

    @GetMapping("/webhooks")
    Map<String, Object> webhooks() {
        return Map.of("items", channels.webhooks(readers.current().userId()));
    }

    @PostMapping("/webhooks")
    ResponseEntity<Map<String, Object>> register(@RequestBody WebhookForm form) {
        var registered = channels.register(readers.current(), form.url(), form.description());
        Webhook w = registered.webhook();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", w.id());
        body.put("url", w.url());
        body.put("description", w.description());
        body.put("createdAt", w.createdAt());
        body.put("secret", registered.secret());
        return ResponseEntity.created(URI.create("/api/v1/alert-settings/webhooks/" + w.id())).body(body);
    }

    @DeleteMapping("/webhooks/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        if (!channels.remove(readers.current(), id)) {
            throw new NotFoundException("webhook");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/dead-letters")
    Page<DeadLetter> deadLetters(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return channels.deadLetters(readers.current().userId(), PageRequest.of(page, size));
    }

    @PostMapping("/dead-letters/{id}/resend")
    ResponseEntity<DeadLetter> resend(@PathVariable String id) {
        return channels.resend(readers.current(), id).map(d -> ResponseEntity.accepted().body(d))
                .orElseThrow(() -> new NotFoundException("dead letter"));
    }

    /** A refused host: the invalid-input problem, with the host named and the title in the caller's language. */
    @ExceptionHandler(WebhookHostRefused.class)
    ResponseEntity<ProblemDetail> refusedHost(WebhookHostRefused e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail p = ProblemDetails.problem(HttpStatus.BAD_REQUEST, "webhook-host-not-allowed",
                messages.getMessage("alerts.problem.host.title", null, locale),
                e.field() + ": " + messages.getMessage("alerts.problem.host.detail", new Object[] {e.host()}, locale));
        p.setProperty("field", e.field());
        p.setProperty("host", e.host());
        p.setProperty("errors", List.of(Map.of("field", e.field(), "problem", e.problem())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    static EmailMode mode(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return EmailMode.OFF;
        }
        try {
            return EmailMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("emailMode", "one of OFF, IMMEDIATE, HOURLY_DIGEST, DAILY_DIGEST");
        }
    }

    private Map<String, Object> view(ChannelSettings s, Reader user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", s.email());
        body.put("emailMode", s.emailMode());
        body.put("immediateSeverity", s.immediateSeverity());
        body.put("language", s.language());
        body.put("mailAvailable", channels.mailAvailable());
        body.put("webhooks", channels.webhooks(user.userId()));
        return body;
    }
}
