package org.fusioncell.screening.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.RepersonalisationRequest;
import org.fusioncell.screening.RepersonalisationStep;
import org.fusioncell.screening.Repersonalisations;
import org.fusioncell.screening.Repersonalised;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /screening/repersonalisations}: the designated authority's queue of pending requests, the reader's own
 * requests and the request form; one request with the authority's decision form, or, for its requester while
 * the approval is open, the people unmasked (each such view audited with the request's id and reason).
 */
@Controller
@RequestMapping("/screening/repersonalisations")
@PreAuthorize("isAuthenticated()")
class RepersonalisationPages {

    private final Repersonalisations repersonalisations;
    private final Readers readers;
    private final Colleagues colleagues;

    RepersonalisationPages(Repersonalisations repersonalisations, Readers readers, Colleagues colleagues) {
        this.repersonalisations = repersonalisations;
        this.readers = readers;
        this.colleagues = colleagues;
    }

    @GetMapping
    String list(@RequestParam(required = false) String runId, Model model) {
        Reader reader = readers.current();
        List<RepersonalisationRequest> queue = repersonalisations.pending(reader);
        List<RepersonalisationRequest> mine = repersonalisations.mine(reader);
        model.addAttribute("queue", queue);
        model.addAttribute("mine", mine);
        model.addAttribute("runId", runId);
        names(model, reader, Stream.concat(queue.stream(), mine.stream()).toList());
        return "screening/repersonalisations";
    }

    private void names(Model model, Reader reader, List<RepersonalisationRequest> requests) {
        List<String> users = new ArrayList<>();
        requests.forEach(r -> {
            users.add(r.requestedBy());
            if (r.decidedBy() != null) {
                users.add(r.decidedBy());
            }
        });
        model.addAttribute("names", colleagues.displayNames(reader.organisationId(), users));
    }

    @PostMapping
    @PreAuthorize("hasRole('SCREENING_OFFICER')")
    String request(@RequestParam(required = false) String runId, @RequestParam(required = false) String subjectId,
                   @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        Reader reader = readers.current();
        try {
            if (runId == null || runId.isBlank()) {
                throw new InvalidInputException("runId", "required");
            }
            RepersonalisationStep step = repersonalisations.request(reader, runId.strip(),
                    subjectId == null || subjectId.isBlank() ? null : subjectId.strip(), reason);
            if (step instanceof RepersonalisationStep.Requested r) {
                redirect.addFlashAttribute("outcome", "requested");
                return "redirect:/screening/repersonalisations/" + r.request().id();
            }
            model.addAttribute("formError", step instanceof RepersonalisationStep.NotDepersonalised
                    ? "not-depersonalised" : "unknown-run");
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
        }
        model.addAttribute("reason", reason);
        model.addAttribute("subjectId", subjectId);
        return list(runId, model);
    }

    @GetMapping("/{id}")
    String one(@PathVariable String id, Model model) {
        Reader reader = readers.current();
        RepersonalisationRequest request = repersonalisations.find(reader, id)
                .orElseThrow(() -> new NotFoundException("re-personalisation request"));
        boolean own = request.requestedBy().equals(reader.userId());
        if (own && repersonalisations.open(reader, id) instanceof Repersonalised.Granted g) {
            model.addAttribute("subjects", g.subjects());
        }
        model.addAttribute("request", request);
        model.addAttribute("decidable", request.state() == RepersonalisationRequest.State.PENDING && !own
                && repersonalisations.authority(reader));
        model.addAttribute("own", own);
        names(model, reader, List.of(request));
        return "screening/repersonalisation";
    }

    @PostMapping("/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        Reader reader = readers.current();
        try {
            if (!"approve".equals(decision) && !"refuse".equals(decision)) {
                throw new InvalidInputException("decision", "one of approve, refuse");
            }
            RepersonalisationStep step = repersonalisations.decide(reader, id, "approve".equals(decision), reason);
            switch (step) {
                case RepersonalisationStep.Decided d -> redirect.addFlashAttribute("outcome", d.request().state().name());
                case RepersonalisationStep.OwnRequest o -> redirect.addFlashAttribute("refusal", "own-request");
                case RepersonalisationStep.NotAuthority n -> redirect.addFlashAttribute("refusal", "not-authority");
                case RepersonalisationStep.AlreadyDecided a -> redirect.addFlashAttribute("refusal", "already-decided");
                default -> throw new NotFoundException("re-personalisation request");
            }
            return "redirect:/screening/repersonalisations/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("reason", reason);
            return one(id, model);
        }
    }
}
