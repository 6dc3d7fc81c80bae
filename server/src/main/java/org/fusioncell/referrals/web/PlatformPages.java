package org.fusioncell.referrals.web;

import java.util.function.Supplier;
import org.fusioncell.identity.Readers;
import org.fusioncell.referrals.Appellant;
import org.fusioncell.referrals.Drafts;
import org.fusioncell.referrals.Outcome;
import org.fusioncell.referrals.ReferralState;
import org.fusioncell.referrals.ReferralStep;
import org.fusioncell.referrals.Referrals;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@code /platform/referrals}: a platform's pages — the referrals addressed to the user's platform organisation
 * (only what each discloses) and the forms to acknowledge, report the outcome and record an appeal.
 */
@Controller
@RequestMapping("/platform/referrals")
@PreAuthorize("hasRole('PLATFORM_PARTNER')")
class PlatformPages {

    private final Referrals referrals;
    private final Readers readers;

    PlatformPages(Referrals referrals, Readers readers) {
        this.referrals = referrals;
        this.readers = readers;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("categories", referrals.policy());
        model.addAttribute("states", ReferralState.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("appellants", Appellant.values());
        String lang = org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute("lang", lang);
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        referrals.policy().forEach(c -> labels.put(c.code(), c.label(lang)));
        model.addAttribute("categoryLabels", labels);
    }

    @GetMapping
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
                Model model) {
        ReferralState s;
        try {
            s = ReferralsApi.state(state);
        } catch (InvalidInputException e) {
            ReferralPages.error(model, e.field(), e.problem());
            s = null;
        }
        model.addAttribute("filterState", s == null ? "" : s.name());
        model.addAttribute("page", referrals.addressed(readers.current(), s,
                PageRequest.of(page == null || page < 0 ? 0 : page, ReferralPages.PAGE_SIZE)));
        return "referrals/platform-list";
    }

    @GetMapping("/{id}")
    String one(@PathVariable String id, Model model) {
        model.addAttribute("referral", referrals.addressedOne(readers.current(), id)
                .orElseThrow(() -> new NotFoundException("referral")));
        return "referrals/platform-referral";
    }

    @PostMapping("/{id}/acknowledgement")
    String acknowledge(@PathVariable String id, Model model) {
        return step(id, model, "acknowledge", () -> referrals.acknowledge(readers.current(), id));
    }

    @PostMapping("/{id}/outcome")
    String outcome(@PathVariable String id, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String note, Model model) {
        return step(id, model, "outcome", () -> referrals.reportOutcome(readers.current(), id,
                new Drafts.OutcomeDraft(outcome, note)));
    }

    @PostMapping("/{id}/appeal")
    String appeal(@PathVariable String id, @RequestParam(required = false) String appellant,
                  @RequestParam(required = false) String reason, Model model) {
        return step(id, model, "appeal", () -> referrals.appeal(readers.current(), id,
                new Drafts.AppealDraft(appellant, reason)));
    }

    private String step(String id, Model model, String form, Supplier<ReferralStep<?>> change) {
        model.addAttribute("errorForm", form);
        try {
            return switch (change.get()) {
                case ReferralStep.Done<?> d -> "redirect:/platform/referrals/" + id;
                case ReferralStep.Unknown<?> u -> throw new NotFoundException("referral");
                case ReferralStep.Refused<?> r -> {
                    model.addAttribute("refusal", r.code());
                    yield one(id, model);
                }
            };
        } catch (InvalidInputException e) {
            ReferralPages.error(model, e.field(), e.problem());
            return one(id, model);
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "referrals/not-found";
    }
}
