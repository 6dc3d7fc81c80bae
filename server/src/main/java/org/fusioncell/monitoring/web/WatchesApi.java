package org.fusioncell.monitoring.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.Watch;
import org.fusioncell.monitoring.WatchDraft;
import org.fusioncell.monitoring.Watches;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/watches}: the reader's watches and their organisation's shared ones. Updates name
 * the version they change ({@code If-Match}); a stale one changes nothing (409).
 */
@RestController
@RequestMapping("/api/v1/watches")
class WatchesApi {

    record WatchView(String id, String name, Map<String, Object> criterion, String severity, String ownerUserId,
                     String ownerOrganisationId, boolean shared, List<String> recipientUserIds,
                     List<String> recipientOrganisationIds, Long escalateAfterMinutes, boolean active, int version,
                     Instant createdAt, Instant updatedAt) {
        static WatchView of(Watch w) {
            return new WatchView(w.id(), w.name(), w.criterion().asMap(), w.severity().name(),
                    w.ownerUserId(), w.ownerOrganisationId(), w.shared(), w.recipientUserIds(),
                    w.recipientOrganisationIds(), w.escalateAfter() == null ? null : w.escalateAfter().toMinutes(),
                    w.active(), w.version(), w.createdAt(), w.updatedAt());
        }
    }

    private final Watches watches;
    private final Readers readers;

    WatchesApi(Watches watches, Readers readers) {
        this.watches = watches;
        this.readers = readers;
    }

    @GetMapping
    Page<WatchView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return watches.list(readers.current(), PageRequest.of(page, size)).map(WatchView::of);
    }

    @PostMapping
    ResponseEntity<WatchView> create(@RequestBody WatchDraft draft) {
        Watch w = watches.create(readers.current(), draft);
        return ResponseEntity.created(URI.create("/api/v1/watches/" + w.id())).eTag("\"" + w.version() + "\"")
                .body(WatchView.of(w));
    }

    @GetMapping("/{id}")
    ResponseEntity<WatchView> one(@PathVariable String id) {
        Watch w = watches.open(readers.current(), id).orElseThrow(() -> new NotFoundException("watch"));
        return ResponseEntity.ok().eTag("\"" + w.version() + "\"").body(WatchView.of(w));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                             @RequestBody WatchDraft draft) {
        var reader = readers.current();
        Watch current = watches.open(reader, id).orElseThrow(() -> new NotFoundException("watch"));
        int expected = ifMatch == null ? current.version() : WatchForms.version(ifMatch);
        return watches.update(reader, id, expected, draft)
                .<ResponseEntity<?>>map(w -> ResponseEntity.ok().eTag("\"" + w.version() + "\"").body(WatchView.of(w)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetails.problem(
                        HttpStatus.CONFLICT, "stale-version", "Stale version",
                        "the watch was changed since version " + expected + "; read it again; nothing was saved")));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        if (!watches.remove(readers.current(), id)) {
            throw new NotFoundException("watch");
        }
        return ResponseEntity.noContent().build();
    }
}
