package org.fusioncell.screening.web;

import java.util.Locale;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.HitDetail;
import org.fusioncell.screening.HitState;
import org.fusioncell.screening.Hits;
import org.fusioncell.screening.Review;
import org.fusioncell.screening.ReviewOutcome;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
 * {@code /api/v1/screening/hits}: the review queue of the screening officers of the organisation that
 * screened, the side-by-side view, and the reviews (confirm with four eyes, dismiss, escalate).
 */
@RestController
@RequestMapping("/api/v1/screening/hits")
@PreAuthorize("hasRole('SCREENING_OFFICER')")
class HitsApi {

    record DecisionForm(String decision, String reason) {
    }

    private final Hits hits;
    private final Readers readers;
    private final ClassificationScheme scheme;
    private final ScreeningProblems problems;

    HitsApi(Hits hits, Readers readers, ClassificationScheme scheme, ScreeningProblems problems) {
        this.hits = hits;
        this.readers = readers;
        this.scheme = scheme;
        this.problems = problems;
    }

    @GetMapping
    Page<ScreeningViews.HitView> list(@RequestParam(required = false) String state,
                                      @RequestParam(required = false) String runId,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return hits.list(readers.current(), state(state), blank(runId), PageRequest.of(page, size))
                .map(h -> ScreeningViews.HitView.of(h, scheme));
    }

    @GetMapping("/count")
    Map<String, Long> count(@RequestParam(required = false) String state, @RequestParam(required = false) String runId) {
        return Map.of("count", hits.count(readers.current(), state(state), blank(runId)));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        ScreeningAccess<HitDetail> access = hits.open(readers.current(), id);
        return access instanceof ScreeningAccess.Granted<HitDetail> g
                ? ResponseEntity.ok(ScreeningViews.HitDetailView.of(g.value(), scheme)) : problems.refusal(access, "hit");
    }

    @PostMapping("/{id}/decisions")
    ResponseEntity<?> decide(@PathVariable String id, @RequestBody DecisionForm form) {
        Review review = Review.parse(form.decision())
                .orElseThrow(() -> new InvalidInputException("decision", "one of confirm, dismiss, escalate"));
        ReviewOutcome outcome = hits.review(readers.current(), id, review, form.reason());
        return switch (outcome) {
            case ReviewOutcome.Decided d -> ResponseEntity.ok(ScreeningViews.HitView.of(d.hit(), scheme));
            case ReviewOutcome.ConfirmationProposed p -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(Map.of("hit", ScreeningViews.HitView.of(p.hit(), scheme),
                            "confirmationsStillNeeded", p.stillNeeded()));
            case ReviewOutcome.SameReviewer s -> {
                ProblemDetail p = problems.problem(HttpStatus.CONFLICT, "four-eyes");
                p.setProperty("hitId", id);
                yield problems.answer(HttpStatus.CONFLICT, p);
            }
            case ReviewOutcome.AlreadyDecided a -> {
                ProblemDetail p = problems.problem(HttpStatus.CONFLICT, "already-decided", a.hit().state().name());
                p.setProperty("state", a.hit().state().name());
                yield problems.answer(HttpStatus.CONFLICT, p);
            }
            case ReviewOutcome.Unknown u -> throw new NotFoundException("hit");
        };
    }

    private static HitState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return HitState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "one of PENDING, CONFIRMED, DISMISSED, ESCALATED");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
