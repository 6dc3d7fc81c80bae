package org.fusioncell.intake.web;

import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.Revision;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.intake.Taxonomies;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
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
 * The reports pages: list (search, tag filter), contribute, edit (originating organisation only, by
 * version), open (with justification where required).
 */
@Controller
@RequestMapping("/reports")
class ReportPages {

    private final Reports reports;
    private final Readers readers;
    private final Organisations organisations;
    private final MarkingVocabulary vocabulary;
    private final ClassificationScheme scheme;
    private final org.fusioncell.intake.Attachments attachments;
    private final Taxonomies taxonomies;

    ReportPages(Reports reports, Readers readers, Organisations organisations, MarkingVocabulary vocabulary,
                ClassificationScheme scheme, org.fusioncell.intake.Attachments attachments, Taxonomies taxonomies) {
        this.taxonomies = taxonomies;
        this.attachments = attachments;
        this.reports = reports;
        this.readers = readers;
        this.organisations = organisations;
        this.vocabulary = vocabulary;
        this.scheme = scheme;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("organisationTypes", OrganisationType.values());
        model.addAttribute("reliabilities", SourceReliability.values());
        model.addAttribute("credibilities", List.of(1, 2, 3, 4, 5, 6));
        model.addAttribute("taxonomies", taxonomies.all());
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                @RequestParam(required = false) Integer page, Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        // an unknown tag (an old bookmark, a hand-edited URL) filters nothing rather than failing the page
        String chosenTag = tag != null && taxonomies.knows(tag.strip()) ? tag.strip() : null;
        var result = reports.list(readers.current(), text, chosenTag, PageRequest.of(page, 25));
        model.addAttribute("q", text);
        model.addAttribute("tag", chosenTag);
        model.addAttribute("allTags", taxonomies.tags());
        model.addAttribute("page", result.map(s -> ReportView.of(s, scheme)));
        model.addAttribute("organisationNames", organisationNames());
        return "intake/reports";
    }

    @GetMapping("/new")
    String newReport(Model model) {
        model.addAttribute("form", new ReportPageForm());
        model.addAttribute("organisations", organisations.all());
        return "intake/report-new";
    }

    @PostMapping
    String contribute(@ModelAttribute("form") ReportPageForm form, Model model) {
        Reader author = readers.current();
        try {
            Report report = reports.contribute(author, form.toReportForm().toDraft(scheme, vocabulary, author, taxonomies));
            return "redirect:/reports/" + report.id();
        } catch (InvalidInputException e) {
            refused(e, model);
            model.addAttribute("organisations", organisations.all());
            return "intake/report-new";
        }
    }

    /** The edit form: only for the originating organisation's users who may see the report. */
    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        return editForm(id, null, model);
    }

    /** A report above the justification level opens for editing once the reason is given (by POST). */
    @PostMapping("/{id}/edit/open")
    String editWithJustification(@PathVariable String id, @RequestParam(required = false) String justification,
                                 Model model) {
        return editForm(id, justification == null ? "" : justification, model);
    }

    private String editForm(String id, String justification, Model model) {
        Reader reader = readers.current();
        switch (reports.open(reader, id, justification)) {
            case ReportAccess.Opened opened when opened.report().originatingOrganisationId().equals(reader.organisationId()) -> {
                model.addAttribute("form", ReportPageForm.of(opened.report(), scheme));
                return editPage(id, model);
            }
            case ReportAccess.JustificationNeeded needed -> {
                model.addAttribute("reportId", id);
                model.addAttribute("justificationMissing", justification != null);
                model.addAttribute("justifyAction", "/reports/" + id + "/edit/open");
                return "intake/report-justify";
            }
            default -> throw new NotFoundException("report");
        }
    }

    @PostMapping("/{id}/edit")
    String revise(@PathVariable String id, @ModelAttribute("form") ReportPageForm form, Model model) {
        Reader author = readers.current();
        try {
            if (form.getReason() == null || form.getReason().isBlank()) {
                throw new InvalidInputException("reason", "is required");
            }
            if (form.getVersion() == null || form.getVersion() < 1) {
                throw new InvalidInputException("version", "is required");
            }
            ReportForm checked = form.toReportForm();
            var draft = checked.toDraft(scheme, vocabulary, author, taxonomies);
            switch (reports.revise(author, id, form.getVersion(), draft, checked.checkedReason())) {
                case Revision.Revised revised -> {
                    return "redirect:/reports/" + id + "#history";
                }
                case Revision.Stale stale -> {
                    model.addAttribute("staleVersion", stale.currentVersion());
                    return editPage(id, model);
                }
                case Revision.Unknown unknown -> throw new NotFoundException("report");
            }
        } catch (InvalidInputException e) {
            refused(e, model);
            return editPage(id, model);
        }
    }

    private String editPage(String id, Model model) {
        model.addAttribute("reportId", id);
        model.addAttribute("organisations", organisations.all());
        return "intake/report-edit";
    }

    private static void refused(InvalidInputException e, Model model) {
        model.addAttribute("errorField", e.field());
        model.addAttribute("errorProblem", e.problem());
        model.addAttribute("errorInput", ReportPageForm.inputFor(e.field()));
    }

    @GetMapping("/{id}")
    String open(@PathVariable String id, Model model) {
        return show(id, null, model);
    }

    /** The justification travels in a POST body, never in a URL that proxies and browsers keep. */
    @PostMapping("/{id}/open")
    String openWithJustification(@PathVariable String id, @RequestParam(required = false) String justification,
                                 Model model) {
        return show(id, justification, model);
    }

    private String show(String id, String justification, Model model) {
        switch (reports.open(readers.current(), id, justification)) {
            case ReportAccess.Opened opened -> {
                if (justification != null && !justification.isBlank()) {
                    GivenJustifications.remember(id, justification);
                }
                model.addAttribute("report", ReportView.of(opened.report(), scheme));
                model.addAttribute("canEdit",
                        opened.report().originatingOrganisationId().equals(readers.current().organisationId()));
                if (reports.versions(readers.current(), id, justification)
                        instanceof org.fusioncell.intake.Disclosure.Granted<java.util.List<org.fusioncell.intake.ReportVersion>> v) {
                    model.addAttribute("versions", v.value().stream().map(x -> ReportView.Version.of(x, scheme)).toList());
                }
                if (attachments.list(readers.current(), id, justification)
                        instanceof org.fusioncell.intake.Disclosure.Granted<java.util.List<org.fusioncell.intake.Attachment>> a) {
                    model.addAttribute("attachments", a.value());
                }
                model.addAttribute("organisationNames", organisationNames());
                return "intake/report";
            }
            case ReportAccess.JustificationNeeded needed -> {
                model.addAttribute("reportId", id);
                model.addAttribute("justificationMissing", justification != null);
                return "intake/report-justify";
            }
            case ReportAccess.KnownToExist known -> {
                model.addAttribute("marking", MarkingView.of(known.marking(), scheme));
                model.addAttribute("holder", organisations.find(known.holderOrganisationId()).orElse(null));
                model.addAttribute("itemId", id);
                return "intake/report-held";
            }
            case ReportAccess.Unknown unknown -> throw new NotFoundException("report");
        }
    }

    /** Download from the report page: same headers and audit as the API; any refusal is "not found". */
    @GetMapping("/{id}/attachments/{attachmentId}")
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<?> download(@PathVariable String id, @PathVariable String attachmentId) {
        if (attachments.open(readers.current(), id, attachmentId, GivenJustifications.of(id))
                instanceof org.fusioncell.intake.Disclosure.Granted<org.fusioncell.intake.Attachments.Content> g) {
            return ReportAttachmentsApi.fileResponse(g.value());
        }
        throw new NotFoundException("report");
    }

    /** Upload from the report page; errors come back on the page's error line. */
    @PostMapping("/{id}/attachments")
    String attach(@PathVariable String id,
                  @org.springframework.web.bind.annotation.RequestPart(name = "file", required = false)
                  org.springframework.web.multipart.MultipartFile file, Model model) {
        try {
            ReportAttachmentsApi.store(attachments, readers, id, file);
            return "redirect:/reports/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            return show(id, null, model);
        } catch (org.fusioncell.intake.AttachmentTooLargeException e) {
            model.addAttribute("errorField", "file");
            model.addAttribute("errorProblem", "larger than " + e.limitBytes() + " bytes");
            return show(id, null, model);
        }
    }

    private java.util.Map<String, String> organisationNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        organisations.all().forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "intake/report-not-found";
    }
}
