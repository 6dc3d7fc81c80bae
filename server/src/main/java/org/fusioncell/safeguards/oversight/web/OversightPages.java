package org.fusioncell.safeguards.oversight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.safeguards.oversight.AccessReview;
import org.fusioncell.safeguards.oversight.Explanations;
import org.fusioncell.safeguards.oversight.Finding;
import org.fusioncell.safeguards.oversight.FindingDecision;
import org.fusioncell.safeguards.oversight.FindingState;
import org.fusioncell.safeguards.oversight.FindingStep;
import org.fusioncell.safeguards.oversight.OversightReports;
import org.fusioncell.safeguards.oversight.ReportFormat;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The oversight pages: the findings of the access-pattern review (auditors), and the oversight report with its
 * downloads (auditors and the data-protection officer).
 */
@Controller
@RequestMapping("/oversight")
class OversightPages {

    private static final int PAGE_SIZE = 50;

    /** A finding as a row or a page shows it: its window and explanation written for the reader. */
    record Shown(Finding finding, String title, String explanation, String window, String logFrom, String logTo,
                 String userName) {
    }

    private final AccessReview review;
    private final OversightReports reports;
    private final Explanations explanations;
    private final Colleagues colleagues;
    private final Clock clock;

    OversightPages(AccessReview review, OversightReports reports, Explanations explanations, Colleagues colleagues,
                   Clock clock) {
        this.review = review;
        this.reports = reports;
        this.explanations = explanations;
        this.colleagues = colleagues;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('AUDITOR', 'DATA_PROTECTION_OFFICER')")
    public String home(org.springframework.security.core.Authentication auth) {
        boolean auditor = auth.getAuthorities().stream().anyMatch(a -> "ROLE_AUDITOR".equals(a.getAuthority()));
        return auditor ? "redirect:/oversight/findings" : "redirect:/oversight/report";
    }

    @GetMapping("/findings")
    @PreAuthorize("hasRole('AUDITOR')")
    public String findings(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
                           Model model, Locale locale) {
        FindingState filter = state == null || state.isBlank() ? null
                : OversightApiController.parse(FindingState.class, "state", state);
        Page<Finding> found = review.findings(Overseer.current(), filter, new PageRequest(Math.max(0, page),
                PAGE_SIZE));
        Map<String, String> names = names(found.items());
        model.addAttribute("findings", found.map(f -> shown(f, locale, names)));
        model.addAttribute("states", Arrays.stream(FindingState.values()).map(Enum::name).toList());
        model.addAttribute("state", filter == null ? "" : filter.name());
        return "oversight/findings";
    }

    @GetMapping("/findings/{id}")
    @PreAuthorize("hasRole('AUDITOR')")
    public String finding(@PathVariable String id, Model model, Locale locale) {
        Finding f = review.finding(Overseer.current(), id).orElseThrow(() -> new NotFoundException("finding"));
        model.addAttribute("shown", shown(f, locale, names(List.of(f))));
        model.addAttribute("decisions", Arrays.stream(FindingDecision.values()).map(Enum::name).toList());
        return "oversight/finding";
    }

    @PostMapping("/findings/{id}")
    @PreAuthorize("hasRole('AUDITOR')")
    public String decide(@PathVariable String id, @RequestParam(required = false) String decision,
                         @RequestParam(required = false) String reason, Model model, Locale locale,
                         RedirectAttributes redirect) {
        FindingStep step;
        try {
            if (decision == null || decision.isBlank()) {
                throw new InvalidInputException("decision", "is required");
            }
            step = review.decide(Overseer.current(), id,
                    OversightApiController.parse(FindingDecision.class, "decision", decision), reason);
        } catch (InvalidInputException e) {
            model.addAttribute("invalidField", e.field());
            model.addAttribute("reason", reason);
            return finding(id, model, locale);
        }
        return switch (step) {
            case FindingStep.Unknown unknown -> throw new NotFoundException("finding");
            case FindingStep.AlreadyDecided decided -> {
                redirect.addFlashAttribute("message", "oversight.finding.alreadyDecided");
                yield "redirect:/oversight/findings/" + id;
            }
            case FindingStep.Done done -> {
                redirect.addFlashAttribute("message", "oversight.finding.decided");
                yield "redirect:/oversight/findings/" + id;
            }
        };
    }

    @GetMapping("/report")
    @PreAuthorize("hasAnyRole('AUDITOR', 'DATA_PROTECTION_OFFICER')")
    public String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String language, Model model, Locale locale) {
        String lang = language == null || language.isBlank() ? locale.getLanguage() : language;
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        model.addAttribute("from", from == null ? today.withDayOfMonth(1).minusMonths(1).toString() : from);
        model.addAttribute("to", to == null ? today.withDayOfMonth(1).minusDays(1).toString() : to);
        model.addAttribute("language", lang);
        model.addAttribute("languages", OversightReports.LANGUAGES);
        if (from == null && to == null) {
            return "oversight/report";
        }
        try {
            OversightReports.Rendered r = reports.run(Overseer.current(), Overseer.start("from", from),
                    Overseer.end("to", to), Locale.forLanguageTag(lang), ReportFormat.HTML);
            model.addAttribute("view", r.view());
            model.addAttribute("sha256", r.sha256());
        } catch (InvalidInputException e) {
            model.addAttribute("invalidField", e.field());
        }
        return "oversight/report";
    }

    @GetMapping("/report/download")
    @PreAuthorize("hasAnyRole('AUDITOR', 'DATA_PROTECTION_OFFICER')")
    public ResponseEntity<byte[]> download(@RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) String language,
                                           @RequestParam(required = false) String format) {
        ReportFormat f = ReportFormat.parse(format)
                .orElseThrow(() -> new InvalidInputException("format", "must be one of html, pdf, csv"));
        return OversightApiController.file(reports.run(Overseer.current(), Overseer.start("from", from),
                Overseer.end("to", to), language == null ? null : Locale.forLanguageTag(language), f));
    }

    /** The names of the users the auditor's own organisation has; others stay ids, as elsewhere. */
    private Map<String, String> names(List<Finding> findings) {
        return colleagues.displayNames(Overseer.current().organisationId(),
                findings.stream().map(Finding::userId).distinct().toList());
    }

    private Shown shown(Finding f, Locale locale, Map<String, String> names) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                .withZone(review.zone());
        return new Shown(f, explanations.title(f, locale), explanations.explain(f, locale, review.zone()),
                time.format(f.windowStart()) + " – " + time.format(f.windowEnd()),
                f.windowStart().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                f.windowEnd().minusMillis(1).atZone(ZoneOffset.UTC).toLocalDate().toString(),
                names.get(f.userId()));
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error/404", java.util.Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

}
