package org.fusioncell.screening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.HitDetail;
import org.fusioncell.screening.HitState;
import org.fusioncell.screening.Hits;
import org.fusioncell.screening.Review;
import org.fusioncell.screening.ReviewOutcome;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.screening.ScreeningRun;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /screening/hits}: the review queue by state with the count of each, one hit side by side with
 * its entry, and the review form (confirm with four eyes, dismiss as a false positive, escalate), each
 * with its required reason. A hit the reader may not see answers like an absent one.
 */
@Controller
@RequestMapping("/screening/hits")
@PreAuthorize("hasRole('SCREENING_OFFICER')")
class HitPages {

    private final Hits hits;
    private final Screening screening;
    private final Readers readers;
    private final Colleagues colleagues;

    HitPages(Hits hits, Screening screening, Readers readers, Colleagues colleagues) {
        this.hits = hits;
        this.screening = screening;
        this.readers = readers;
        this.colleagues = colleagues;
    }

    /** An unknown state (an old bookmark, a hand-edited URL) shows the pending hits rather than failing. */
    @GetMapping
    String queue(@RequestParam(required = false) String state, @RequestParam(required = false) String runId,
                 @RequestParam(required = false) Integer page, Model model) {
        Reader reader = readers.current();
        HitState chosen = state(state);
        String run = runId == null || runId.isBlank() ? null : runId.strip();
        Map<HitState, Long> counts = new LinkedHashMap<>();
        for (HitState s : HitState.values()) {
            counts.put(s, hits.count(reader, s, run));
        }
        Page<HitPageView> found = hits.list(reader, chosen, run, PageRequest.of(page, ScreeningPages.PAGE_SIZE))
                .map(HitPageView::of);
        model.addAttribute("state", chosen);
        model.addAttribute("runId", run);
        model.addAttribute("counts", counts);
        model.addAttribute("hits", found);
        model.addAttribute("names", colleagues.displayNames(reader.organisationId(),
                found.items().stream().flatMap(h -> h.users().stream()).toList()));
        return "screening/hits";
    }

    @GetMapping("/{id}")
    String open(@PathVariable String id, Model model) {
        return show(id, model);
    }

    @PostMapping("/{id}/decisions")
    String decide(@PathVariable String id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Review review = Review.parse(decision).orElse(null);
        try {
            if (review == null) {
                throw new InvalidInputException("decision", "one of confirm, dismiss, escalate");
            }
            ReviewOutcome outcome = hits.review(readers.current(), id, review, reason);
            switch (outcome) {
                case ReviewOutcome.Decided d -> redirect.addFlashAttribute("decided", d.hit().state().name());
                case ReviewOutcome.ConfirmationProposed p -> redirect.addFlashAttribute("stillNeeded", p.stillNeeded());
                case ReviewOutcome.SameReviewer s -> {
                    response.setStatus(HttpStatus.CONFLICT.value());
                    model.addAttribute("fourEyes", true);
                    return show(id, model);
                }
                case ReviewOutcome.AlreadyDecided a -> {
                    response.setStatus(HttpStatus.CONFLICT.value());
                    model.addAttribute("alreadyDecided", a.hit().state().name());
                    return show(id, model);
                }
                case ReviewOutcome.Unknown u -> throw new NotFoundException("hit");
            }
            return "redirect:/screening/hits/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("errorInput", e.field());
            model.addAttribute("reason", reason);
            return show(id, model);
        }
    }

    private String show(String id, Model model) {
        Reader reader = readers.current();
        if (!(hits.open(reader, id) instanceof ScreeningAccess.Granted<HitDetail> granted)) {
            throw new NotFoundException("hit");
        }
        HitDetail detail = granted.value();
        HitPageView view = HitPageView.of(detail.hit());
        List<String> users = new ArrayList<>(view.users());
        detail.reviews().forEach(r -> users.add(r.userId()));
        model.addAttribute("detail", detail);
        model.addAttribute("hit", view);
        model.addAttribute("names", colleagues.displayNames(reader.organisationId(),
                users.stream().filter(u -> u != null).toList()));
        model.addAttribute("mine", view.proposedBy().contains(reader.userId()));
        // a batch row is named by its line in the file, a traveller by their place in the manifest
        model.addAttribute("runKind", screening.run(reader, view.facts().runId())
                instanceof ScreeningAccess.Granted<ScreeningRun> run ? run.value().kind().name() : null);
        return "screening/hit";
    }

    private static HitState state(String state) {
        if (state == null || state.isBlank()) {
            return HitState.PENDING;
        }
        try {
            return HitState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return HitState.PENDING;
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "screening/not-found";
    }
}
