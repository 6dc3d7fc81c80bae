package org.fusioncell.safeguards.retention.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.safeguards.retention.HoldingReview;
import org.fusioncell.safeguards.retention.HoldingReviews;
import org.fusioncell.safeguards.retention.LegalHold;
import org.fusioncell.safeguards.retention.LegalHolds;
import org.fusioncell.safeguards.retention.RetentionPurge;
import org.fusioncell.safeguards.retention.RetentionRegister;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /safeguards/retention}: the officer's register and purge runs, legal holds, and the review of holdings
 * (a supervisor's open reviews; for the officer, everybody's overdue ones).
 */
@Controller
@RequestMapping("/safeguards/retention")
class RetentionPages {

    private static final String OFFICER = "hasRole('DATA_PROTECTION_OFFICER')";

    private final RetentionRegister register;
    private final LegalHolds holds;
    private final RetentionPurge purge;
    private final HoldingReviews reviews;
    private final Readers readers;
    private final Organisations organisations;
    private final Clock clock;

    RetentionPages(RetentionRegister register, LegalHolds holds, RetentionPurge purge, HoldingReviews reviews,
                   Readers readers, Organisations organisations, Clock clock) {
        this.register = register;
        this.holds = holds;
        this.purge = purge;
        this.reviews = reviews;
        this.readers = readers;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(OFFICER)
    String register(Model model) {
        Reader officer = readers.current();
        model.addAttribute("rules", register.rules(officer));
        model.addAttribute("runs", purge.recent(officer, 10));
        return "safeguards/retention/register";
    }

    @PostMapping("/purge")
    @PreAuthorize(OFFICER)
    String runNow(RedirectAttributes flash) {
        Reader officer = readers.current();
        purge.run(Instant.now(clock), "manual:" + Ids.newId(), officer.userId(), officer.organisationId());
        flash.addFlashAttribute("done", "purged");
        return "redirect:/safeguards/retention";
    }

    @GetMapping("/holds")
    @PreAuthorize(OFFICER)
    String holds(Model model) {
        return holdsPage(model, new LegalHolds.HoldDraft("report", "", "", "", "", ""));
    }

    private String holdsPage(Model model, LegalHolds.HoldDraft draft) {
        List<LegalHold> list = holds.list(readers.current(), false);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("holds", list);
        model.addAttribute("activeIds", list.stream().filter(h -> h.activeOn(today)).map(LegalHold::id).toList());
        model.addAttribute("holders", holders(list.stream().map(LegalHold::organisationId).toList()));
        model.addAttribute("types", LegalHolds.TYPES);
        model.addAttribute("draft", draft);
        return "safeguards/retention/holds";
    }

    @PostMapping("/holds")
    @PreAuthorize(OFFICER)
    String place(@ModelAttribute HoldForm form, Model model, RedirectAttributes flash) {
        LegalHolds.HoldDraft draft = form.draft();
        try {
            if (holds.place(readers.current(), draft) instanceof LegalHolds.Placement.UnknownItem) {
                throw new InvalidInputException("itemId", "unknown");
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            return holdsPage(model, draft);
        }
        flash.addFlashAttribute("done", "placed");
        return "redirect:/safeguards/retention/holds";
    }

    @PostMapping("/holds/{id}/release")
    @PreAuthorize(OFFICER)
    String release(@PathVariable String id, @RequestParam(required = false) String reason, Model model,
                   RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("done", holds.release(readers.current(), id, reason).isPresent()
                    ? "released" : "unknown");
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", "release-" + id);
            return holdsPage(model, new LegalHolds.HoldDraft("report", "", "", "", "", ""));
        }
        return "redirect:/safeguards/retention/holds";
    }

    @GetMapping("/reviews")
    String reviews(Model model) {
        Reader reader = readers.current();
        List<HoldingReview> open = reviews.open(reader);
        boolean officer = hasRole(Role.DATA_PROTECTION_OFFICER);
        List<HoldingReview> overdue = officer ? reviews.overdue(reader) : List.of();
        model.addAttribute("open", open);
        model.addAttribute("overdue", overdue);
        model.addAttribute("officer", officer);
        model.addAttribute("holders", holders(overdue.stream().map(HoldingReview::organisationId).toList()));
        return "safeguards/retention/reviews";
    }

    @PostMapping("/reviews/{id}/confirm")
    String confirm(@PathVariable String id, @RequestParam(required = false) String nextReview,
                   @RequestParam(required = false) String reason, Model model, RedirectAttributes flash) {
        try {
            LocalDate next = null;
            if (nextReview != null && !nextReview.isBlank()) {
                try {
                    next = LocalDate.parse(nextReview.strip());
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException("nextReview", "a date yyyy-mm-dd");
                }
            }
            flash.addFlashAttribute("done", reviews.confirm(readers.current(), id, next, reason).name());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errorField", e.field());
            flash.addFlashAttribute("errorReview", id);
        }
        return "redirect:/safeguards/retention/reviews";
    }

    @PostMapping("/reviews/{id}/delete")
    String delete(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("done", reviews.delete(readers.current(), id, reason).name());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errorField", e.field());
            flash.addFlashAttribute("errorReview", id);
        }
        return "redirect:/safeguards/retention/reviews";
    }

    private Map<String, String> holders(List<String> organisationIds) {
        Map<String, String> names = new HashMap<>();
        for (String id : organisationIds) {
            names.computeIfAbsent(id, k -> organisations.find(k).map(OrganisationSummary::name).orElse(k));
        }
        return names;
    }

    private static boolean hasRole(Role role) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    /** The hold form as the browser posts it. */
    record HoldForm(String itemType, String itemId, String reason, String authority, String reference,
                    String endsOn) {

        LegalHolds.HoldDraft draft() {
            return new LegalHolds.HoldDraft(itemType, itemId, reason, authority, reference, endsOn);
        }
    }
}
