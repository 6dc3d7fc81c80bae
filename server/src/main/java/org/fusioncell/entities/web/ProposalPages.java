package org.fusioncell.entities.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.Proposal;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.Reports;
import org.fusioncell.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The proposals panel of a report: its text with the identifiers found highlighted, Confirm / Reject for
 * each pending one, and the entities it already mentions. Only for readers who may open the report; a
 * justification, where the report's level asks for one, travels in POST bodies only.
 */
@Controller
@RequestMapping("/reports/{id}/proposals")
class ProposalPages {

    private final Reports reports;
    private final ReportEntities reportEntities;
    private final Readers readers;
    private final ClassificationScheme scheme;

    ProposalPages(Reports reports, ReportEntities reportEntities, Readers readers, ClassificationScheme scheme) {
        this.reports = reports;
        this.reportEntities = reportEntities;
        this.readers = readers;
        this.scheme = scheme;
    }

    /** A stretch of the report's text; {@code proposal} is set where an identifier was found. */
    record Segment(String text, Proposal proposal) {
    }

    @GetMapping
    String panel(@PathVariable String id, Model model) {
        return show(id, null, model);
    }

    /**
     * The entities a report mentions, as a fragment the report page loads (htmx): a list of links, or
     * nothing. A reader who may not see the report gets the same empty answer as for a missing one.
     */
    @GetMapping("/mentions")
    String mentions(@PathVariable String id, Model model) {
        model.addAttribute("mentions", reportEntities.mentions(readers.current(), id, null).orElse(List.of()));
        return "entities/mentions :: list";
    }

    @PostMapping("/open")
    String panelWithJustification(@PathVariable String id, @RequestParam(required = false) String justification,
                                  Model model) {
        return show(id, blankToNull(justification), model);
    }

    @PostMapping("/{pid}/confirm")
    String confirm(@PathVariable String id, @PathVariable String pid,
                   @RequestParam(required = false) String justification) {
        Proposal confirmed = reportEntities.confirm(readers.current(), id, pid, blankToNull(justification))
                .orElseThrow(() -> new NotFoundException("pending proposal"));
        return "redirect:/entities/" + confirmed.entityId();
    }

    @PostMapping("/{pid}/reject")
    String reject(@PathVariable String id, @PathVariable String pid,
                  @RequestParam(required = false) String justification, Model model) {
        String why = blankToNull(justification);
        reportEntities.reject(readers.current(), id, pid, why).orElseThrow(() -> new NotFoundException("pending proposal"));
        // without a justification the panel can be fetched again; with one, re-asking would be a nuisance
        return why == null ? "redirect:/reports/" + id + "/proposals" : show(id, why, model);
    }

    private String show(String id, String justification, Model model) {
        Reader reader = readers.current();
        switch (reports.open(reader, id, justification)) {
            case ReportAccess.Opened opened -> {
                Report report = opened.report();
                List<Proposal> proposals = reportEntities.proposals(reader, id, justification)
                        .orElseThrow(() -> new NotFoundException("report"));
                model.addAttribute("report", report);
                model.addAttribute("marking", MarkingView.of(report.marking(), scheme));
                model.addAttribute("proposals", proposals);
                model.addAttribute("pending", proposals.stream().anyMatch(p -> p.state() == Proposal.State.PROPOSED));
                model.addAttribute("segments", segments(report, proposals));
                model.addAttribute("mentions", reportEntities.mentions(reader, id, justification).orElse(List.of()));
                model.addAttribute("justification", justification);
                return "entities/proposals";
            }
            case ReportAccess.JustificationNeeded needed -> {
                model.addAttribute("reportId", id);
                model.addAttribute("justificationMissing", justification != null);
                return "entities/proposals-justify";
            }
            // the panel is for readers who may see the report: existence-only readers get the report page's notice
            case ReportAccess.KnownToExist known -> throw new NotFoundException("report");
            case ReportAccess.Unknown unknown -> throw new NotFoundException("report");
        }
    }

    /**
     * Cuts the body at the identifiers found. Offsets count from the start of "title\nbody" (as the
     * extractor reads the report); a proposal whose value is not exactly there is listed but not marked.
     */
    static List<Segment> segments(Report report, List<Proposal> proposals) {
        String body = report.body() == null ? "" : report.body();
        int shift = (report.title() == null ? 0 : report.title().length()) + 1;
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (Proposal p : proposals.stream().sorted(Comparator.comparingInt(Proposal::offset)).toList()) {
            int start = p.offset() - shift;
            int end = start + p.value().length();
            if (start < at || end > body.length() || !body.startsWith(p.value(), start)) {
                continue;
            }
            if (start > at) {
                out.add(new Segment(body.substring(at, start), null));
            }
            out.add(new Segment(p.value(), p));
            at = end;
        }
        if (at < body.length()) {
            out.add(new Segment(body.substring(at), null));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "entities/not-found";
    }
}
