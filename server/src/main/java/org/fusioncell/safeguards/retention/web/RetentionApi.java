package org.fusioncell.safeguards.retention.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.safeguards.retention.HoldingReview;
import org.fusioncell.safeguards.retention.HoldingReviews;
import org.fusioncell.safeguards.retention.LegalHold;
import org.fusioncell.safeguards.retention.LegalHolds;
import org.fusioncell.safeguards.retention.PurgeRun;
import org.fusioncell.safeguards.retention.RetentionPurge;
import org.fusioncell.safeguards.retention.RetentionRegister;
import org.fusioncell.safeguards.retention.RetentionRule;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/safeguards/retention}: the register, legal holds, purge runs and review of holdings. */
@RestController
@RequestMapping("/api/v1/safeguards/retention")
class RetentionApi {

    record ReasonForm(String reason) {
    }

    record ConfirmForm(String nextReview, String reason) {
    }

    private static final String OFFICER = "hasRole('DATA_PROTECTION_OFFICER')";

    private final RetentionRegister register;
    private final LegalHolds holds;
    private final RetentionPurge purge;
    private final HoldingReviews reviews;
    private final Readers readers;
    private final Clock clock;

    RetentionApi(RetentionRegister register, LegalHolds holds, RetentionPurge purge, HoldingReviews reviews,
                 Readers readers, Clock clock) {
        this.register = register;
        this.holds = holds;
        this.purge = purge;
        this.reviews = reviews;
        this.readers = readers;
        this.clock = clock;
    }

    /** The register is no secret: every signed-in user may read why and how long the cell keeps what. */
    @GetMapping
    List<RetentionRule> register() {
        return register.rules(readers.current());
    }

    @GetMapping("/holds")
    @PreAuthorize(OFFICER)
    List<LegalHold> holds(@RequestParam(defaultValue = "false") boolean active) {
        return holds.list(readers.current(), active);
    }

    @PostMapping("/holds")
    @PreAuthorize(OFFICER)
    ResponseEntity<LegalHold> place(@RequestBody LegalHolds.HoldDraft draft) {
        return switch (holds.place(readers.current(), draft)) {
            case LegalHolds.Placement.Placed p -> ResponseEntity
                    .created(URI.create("/api/v1/safeguards/retention/holds/" + p.hold().id())).body(p.hold());
            case LegalHolds.Placement.UnknownItem u ->
                    throw new InvalidInputException("itemId", "no such item is held here");
        };
    }

    @PostMapping("/holds/{id}/release")
    @PreAuthorize(OFFICER)
    LegalHold release(@PathVariable String id, @RequestBody ReasonForm form) {
        return holds.release(readers.current(), id, form == null ? null : form.reason())
                .orElseThrow(() -> new NotFoundException("active legal hold"));
    }

    @GetMapping("/purge-runs")
    @PreAuthorize(OFFICER)
    List<PurgeRun> runs(@RequestParam(defaultValue = "20") int limit) {
        return purge.recent(readers.current(), limit);
    }

    /** Runs the purge now, as the officer: the run is theirs in the audit log. */
    @PostMapping("/purge-runs")
    @PreAuthorize(OFFICER)
    PurgeRun runNow() {
        Reader officer = readers.current();
        return purge.run(Instant.now(clock), "manual:" + Ids.newId(), officer.userId(), officer.organisationId()).orElseThrow();
    }

    @GetMapping("/reviews")
    List<HoldingReview> open() {
        return reviews.open(readers.current());
    }

    @GetMapping("/reviews/overdue")
    @PreAuthorize(OFFICER)
    List<HoldingReview> overdue() {
        return reviews.overdue(readers.current());
    }

    @PostMapping("/reviews/{id}/confirm")
    ResponseEntity<?> confirm(@PathVariable String id, @RequestBody ConfirmForm form) {
        LocalDate next = null;
        if (form != null && form.nextReview() != null && !form.nextReview().isBlank()) {
            try {
                next = LocalDate.parse(form.nextReview().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("nextReview", "a date yyyy-mm-dd");
            }
        }
        return answer(reviews.confirm(readers.current(), id, next, form == null ? null : form.reason()));
    }

    @PostMapping("/reviews/{id}/delete")
    ResponseEntity<?> delete(@PathVariable String id, @RequestBody ReasonForm form) {
        return answer(reviews.delete(readers.current(), id, form == null ? null : form.reason()));
    }

    static ResponseEntity<?> answer(HoldingReviews.Outcome outcome) {
        return switch (outcome) {
            case CONFIRMED, DELETED -> ResponseEntity.ok(java.util.Map.of("outcome", outcome.name()));
            case UNKNOWN -> throw new NotFoundException("open review");
            case NOT_A_SUPERVISOR -> problem(HttpStatus.FORBIDDEN, "not-a-supervisor",
                    "Only a supervisor of the holding organisation decides on its reviews");
            case UNDER_HOLD -> problem(HttpStatus.CONFLICT, "under-legal-hold",
                    "The item is under a legal hold and may not be deleted");
        };
    }

    private static ResponseEntity<?> problem(HttpStatus status, String type, String title) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.problem(status, type, title, title));
    }
}
