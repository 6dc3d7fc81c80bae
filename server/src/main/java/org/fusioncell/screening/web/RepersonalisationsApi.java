package org.fusioncell.screening.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.RepersonalisationRequest;
import org.fusioncell.screening.RepersonalisationStep;
import org.fusioncell.screening.Repersonalisations;
import org.fusioncell.screening.Repersonalised;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/**
 * {@code /api/v1/screening/repersonalisations}: a screening officer asks for a depersonalised run's people with a
 * reason; the designated authority decides (never on their own request); the requester reads the people
 * while the approval is open.
 */
@RestController
@RequestMapping("/api/v1/screening/repersonalisations")
@PreAuthorize("isAuthenticated()")
class RepersonalisationsApi {

    record RequestForm(String runId, String subjectId, String reason) {
    }

    record DecisionForm(String decision, String reason) {
    }

    private final Repersonalisations repersonalisations;
    private final Readers readers;
    private final MessageSource messages;

    RepersonalisationsApi(Repersonalisations repersonalisations, Readers readers, MessageSource messages) {
        this.repersonalisations = repersonalisations;
        this.readers = readers;
        this.messages = messages;
    }

    @PostMapping
    @PreAuthorize("hasRole('SCREENING_OFFICER')")
    ResponseEntity<?> request(@RequestBody RequestForm form) {
        if (form.runId() == null || form.runId().isBlank()) {
            throw new InvalidInputException("runId", "required");
        }
        String subject = form.subjectId() == null || form.subjectId().isBlank() ? null : form.subjectId().strip();
        return answer(repersonalisations.request(readers.current(), form.runId().strip(), subject, form.reason()),
                HttpStatus.CREATED);
    }

    /** {@code queue=true}: the authority's pending requests; otherwise the caller's own. */
    @GetMapping
    List<RepersonalisationRequest> list(@RequestParam(required = false) boolean queue) {
        return queue ? repersonalisations.pending(readers.current()) : repersonalisations.mine(readers.current());
    }

    @PostMapping("/{id}/decisions")
    ResponseEntity<?> decide(@PathVariable String id, @RequestBody DecisionForm form) {
        String d = form.decision() == null ? "" : form.decision().strip().toLowerCase(Locale.ROOT);
        if (!d.equals("approve") && !d.equals("refuse")) {
            throw new InvalidInputException("decision", "one of approve, refuse");
        }
        return answer(repersonalisations.decide(readers.current(), id, d.equals("approve"), form.reason()), HttpStatus.OK);
    }

    @GetMapping("/{id}/subjects")
    ResponseEntity<?> subjects(@PathVariable String id) {
        return switch (repersonalisations.open(readers.current(), id)) {
            case Repersonalised.Granted g -> ResponseEntity.ok(Map.of("request", g.request(),
                    "subjects", g.subjects().stream().map(ScreeningViews.SubjectView::of).toList()));
            case Repersonalised.NotOpen n -> problem(HttpStatus.CONFLICT, "not-open", n.request().state().name());
            case Repersonalised.Unknown u -> throw new NotFoundException("re-personalisation request");
        };
    }

    private ResponseEntity<?> answer(RepersonalisationStep step, HttpStatus done) {
        return switch (step) {
            case RepersonalisationStep.Requested r -> ResponseEntity.status(done).body(r.request());
            case RepersonalisationStep.Decided d -> ResponseEntity.ok(d.request());
            case RepersonalisationStep.OwnRequest o -> problem(HttpStatus.CONFLICT, "own-request");
            case RepersonalisationStep.NotAuthority n -> problem(HttpStatus.FORBIDDEN, "not-authority");
            case RepersonalisationStep.AlreadyDecided a -> problem(HttpStatus.CONFLICT, "already-decided",
                    a.request().state().name());
            case RepersonalisationStep.NotDepersonalised n -> problem(HttpStatus.CONFLICT, "not-depersonalised");
            case RepersonalisationStep.Unknown u -> throw new NotFoundException("run or request");
        };
    }

    private ResponseEntity<?> problem(HttpStatus status, String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.problem(status, key,
                        messages.getMessage("personal.problem." + key + ".title", null, locale),
                        messages.getMessage("personal.problem." + key + ".detail", args, locale)));
    }
}
