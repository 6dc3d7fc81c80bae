package org.fusioncell.safeguards.redress.web;

import java.util.ArrayList;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.safeguards.redress.Redress;
import org.fusioncell.safeguards.redress.RedressRequest;
import org.fusioncell.safeguards.redress.RedressStep;
import org.fusioncell.screening.PersonHit;
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
 * {@code /redress}: the organisation's requests and the filing form; one request with the person, the hits
 * confirmed as theirs, the hits that may be theirs (to confirm), assignment, notes, the decision and the
 * reply letter. A bad field comes back on its form, named.
 */
@Controller
@RequestMapping("/redress")
@PreAuthorize("isAuthenticated()")
class RedressPages {

    private final Redress redress;
    private final RedressOfficers officers;
    private final Colleagues colleagues;

    RedressPages(Redress redress, RedressOfficers officers, Colleagues colleagues) {
        this.redress = redress;
        this.officers = officers;
        this.colleagues = colleagues;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("requests", redress.list(officers.current()));
        return "redress/list";
    }

    @PostMapping
    String file(@RequestParam(required = false) String names, @RequestParam(required = false) String dateOfBirth,
                @RequestParam(required = false) String nationality, @RequestParam(required = false) String document,
                @RequestParam(required = false) String language, @RequestParam(required = false) String representative,
                @RequestParam(required = false) String contact, @RequestParam(required = false) String statement,
                Model model) {
        RedressForm form = new RedressForm(RedressForm.lines(names), dateOfBirth, nationality, document, language,
                representative, contact, statement);
        try {
            return "redirect:/redress/" + redress.file(officers.current(), form.filing()).id();
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("form", form);
            model.addAttribute("namesText", names);
            return list(model);
        }
    }

    @GetMapping("/{id}")
    String one(@PathVariable String id, Model model) {
        Reader officer = officers.current();
        RedressRequest r = redress.open(officer, id).orElseThrow(() -> new NotFoundException("redress request"));
        List<PersonHit> linked = redress.linked(officer, id);
        model.addAttribute("request", r);
        model.addAttribute("linked", linked);
        if (!r.decided()) {
            model.addAttribute("candidates", redress.candidates(officer, id).stream()
                    .filter(h -> !r.hitIds().contains(h.hitId())).toList());
        }
        List<String> officerIds = redress.officers(officer);
        List<String> users = new ArrayList<>(officerIds);
        users.add(r.filedBy());
        r.notes().forEach(n -> users.add(n.writtenBy()));
        if (r.decidedBy() != null) {
            users.add(r.decidedBy());
        }
        model.addAttribute("officers", officerIds);
        model.addAttribute("names", colleagues.displayNames(officer.organisationId(), users));
        return "redress/detail";
    }

    @PostMapping("/{id}/hits")
    String link(@PathVariable String id, @RequestParam(required = false) List<String> hitIds, Model model,
                RedirectAttributes redirect) {
        if (hitIds == null || hitIds.isEmpty()) {
            return error(id, model, new InvalidInputException("hitIds", "choose at least one hit"));
        }
        return after(id, redress.link(officers.current(), id, hitIds), redirect);
    }

    @PostMapping("/{id}/assignment")
    String assign(@PathVariable String id, @RequestParam(required = false) String userId, Model model,
                  RedirectAttributes redirect) {
        try {
            return after(id, redress.assign(officers.current(), id, userId == null ? "" : userId), redirect);
        } catch (InvalidInputException e) {
            return error(id, model, e);
        }
    }

    @PostMapping("/{id}/notes")
    String note(@PathVariable String id, @RequestParam(required = false) String text, Model model,
                RedirectAttributes redirect) {
        try {
            return after(id, redress.note(officers.current(), id, text), redirect);
        } catch (InvalidInputException e) {
            return error(id, model, e);
        }
    }

    @PostMapping("/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            return after(id, redress.decide(officers.current(), id, RedressApi.outcome(outcome), reason), redirect);
        } catch (InvalidInputException e) {
            model.addAttribute("reason", reason);
            return error(id, model, e);
        }
    }

    private String error(String id, Model model, InvalidInputException e) {
        model.addAttribute("errorField", e.field());
        model.addAttribute("errorProblem", e.problem());
        return one(id, model);
    }

    private static String after(String id, RedressStep step, RedirectAttributes redirect) {
        switch (step) {
            case RedressStep.Done d -> redirect.addFlashAttribute("outcome", "done");
            case RedressStep.AlreadyDecided a -> redirect.addFlashAttribute("refusal", "already-decided");
            case RedressStep.NoHitLinked n -> redirect.addFlashAttribute("refusal", "no-hit-linked");
            case RedressStep.Unknown u -> throw new NotFoundException("redress request or hit");
        }
        return "redirect:/redress/" + id;
    }
}
