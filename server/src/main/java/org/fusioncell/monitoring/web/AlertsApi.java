package org.fusioncell.monitoring.web;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.Alert;
import org.fusioncell.monitoring.AlertState;
import org.fusioncell.monitoring.Alerts;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/alerts}: the reader's own inbox and the moves of its alerts. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertsApi {

    record AlertView(String id, String watchId, String watchName, String itemType, String itemId, String disclosure,
                     String headline, String summary, String holderOrganisationId, String level, String severity,
                     String state, Instant raisedAt, Instant stateChangedAt, String note, String escalatedFrom,
                     int occurrences) {
        static AlertView of(Alert a) {
            boolean full = a.disclosure() == Alert.Disclosure.FULL;
            // an existence-only notice names neither the item nor why it matched
            return new AlertView(a.id(), a.watchId(), a.watchName(), a.itemType(), full ? a.itemId() : null,
                    a.disclosure().name(), a.headline(), a.summary(), a.holderOrganisationId(), a.level(),
                    a.severity().name(), a.state().name(), a.raisedAt(), a.stateChangedAt(), a.note(),
                    a.escalatedFrom(), a.occurrences());
        }
    }

    record Move(String state, String note) {
    }

    private final Alerts alerts;
    private final Readers readers;

    AlertsApi(Alerts alerts, Readers readers) {
        this.alerts = alerts;
        this.readers = readers;
    }

    @GetMapping
    Page<AlertView> inbox(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size) {
        return alerts.inbox(readers.current(), state(state, "state"), PageRequest.of(page, size)).map(AlertView::of);
    }

    @GetMapping("/count")
    Map<String, Long> count(@RequestParam(required = false) String state) {
        return Map.of("count", alerts.count(readers.current(), state(state, "state")));
    }

    @GetMapping("/{id}")
    AlertView one(@PathVariable String id) {
        return alerts.open(readers.current(), id).map(AlertView::of).orElseThrow(() -> new NotFoundException("alert"));
    }

    @PostMapping("/{id}/state")
    ResponseEntity<?> move(@PathVariable String id, @RequestBody Move move) {
        if (move == null) {
            throw new InvalidInputException("body", "give the next state and an optional note");
        }
        AlertState next = state(move.state(), "state");
        return switch (alerts.move(readers.current(), id, next, move.note())) {
            case Alerts.Transition.Moved m -> ResponseEntity.ok(AlertView.of(m.alert()));
            case Alerts.Transition.NotAllowed n -> ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetails.problem(
                    HttpStatus.CONFLICT, "alert-state", "Not allowed in this state",
                    "state: an alert that is " + n.from() + " cannot become " + n.to()));
            case Alerts.Transition.Unknown u -> throw new NotFoundException("alert");
        };
    }

    static AlertState state(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AlertState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of NEW, ACKNOWLEDGED, ACTIONED, CLOSED");
        }
    }
}
