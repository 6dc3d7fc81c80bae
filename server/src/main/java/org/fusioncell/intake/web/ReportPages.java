package org.fusioncell.intake.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingForm;
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
import org.fusioncell.intake.SourceReliability;
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

/** The reports pages: list and search, contribute, open (with justification where required). */
@Controller
@RequestMapping("/reports")
class ReportPages {

    private final Reports reports;
    private final Readers readers;
    private final Organisations organisations;
    private final MarkingVocabulary vocabulary;
    private final ClassificationScheme scheme;
    private final org.fusioncell.intake.Attachments attachments;

    ReportPages(Reports reports, Readers readers, Organisations organisations, MarkingVocabulary vocabulary,
                ClassificationScheme scheme, org.fusioncell.intake.Attachments attachments) {
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
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        var result = reports.list(readers.current(), text, PageRequest.of(page, 25));
        model.addAttribute("q", text);
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
            Report report = reports.contribute(author, form.toReportForm().toDraft(scheme, vocabulary, author));
            return "redirect:/reports/" + report.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("organisations", organisations.all());
            return "intake/report-new";
        }
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
                model.addAttribute("report", ReportView.of(opened.report(), scheme));
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
                return "intake/report-held";
            }
            case ReportAccess.Unknown unknown -> throw new NotFoundException("report");
        }
    }

    /** Download from the report page: same headers and audit as the API; any refusal is "not found". */
    @GetMapping("/{id}/attachments/{attachmentId}")
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<?> download(@PathVariable String id, @PathVariable String attachmentId) {
        if (attachments.open(readers.current(), id, attachmentId, null)
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

    /** The contribute form as the browser posts it. */
    static class ReportPageForm {
        private String title;
        private String body;
        private String occurredAt;
        private String placeName;
        private Double latitude;
        private Double longitude;
        private String sourceReliability = "F";
        private Integer informationCredibility = 6;
        private String classification;
        private String tlp = "AMBER";
        private List<String> organisations = new ArrayList<>();
        private List<String> organisationTypes = new ArrayList<>();
        private boolean originatorControl;
        private String caveats;

        ReportForm toReportForm() {
            String occurred = occurredAt == null || occurredAt.isBlank() ? null
                    : (occurredAt.length() == 16 ? occurredAt + ":00Z" : occurredAt);
            List<String> caveatList = caveats == null || caveats.isBlank() ? List.of()
                    : Arrays.stream(caveats.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            return new ReportForm(title, body, occurred,
                    new ReportForm.PlaceForm(placeName, latitude, longitude),
                    new ReportForm.GradingForm(sourceReliability, informationCredibility),
                    new MarkingForm(classification, tlp,
                            new MarkingForm.ReleasabilityForm(organisations, organisationTypes, List.of(), List.of()),
                            originatorControl, caveatList),
                    null);
        }

        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getBody() { return body; }
        public void setBody(String v) { body = v; }
        public String getOccurredAt() { return occurredAt; }
        public void setOccurredAt(String v) { occurredAt = v; }
        public String getPlaceName() { return placeName; }
        public void setPlaceName(String v) { placeName = v; }
        public Double getLatitude() { return latitude; }
        public void setLatitude(Double v) { latitude = v; }
        public Double getLongitude() { return longitude; }
        public void setLongitude(Double v) { longitude = v; }
        public String getSourceReliability() { return sourceReliability; }
        public void setSourceReliability(String v) { sourceReliability = v; }
        public Integer getInformationCredibility() { return informationCredibility; }
        public void setInformationCredibility(Integer v) { informationCredibility = v; }
        public String getClassification() { return classification; }
        public void setClassification(String v) { classification = v; }
        public String getTlp() { return tlp; }
        public void setTlp(String v) { tlp = v; }
        public List<String> getOrganisations() { return organisations; }
        public void setOrganisations(List<String> v) { organisations = v; }
        public List<String> getOrganisationTypes() { return organisationTypes; }
        public void setOrganisationTypes(List<String> v) { organisationTypes = v; }
        public boolean isOriginatorControl() { return originatorControl; }
        public void setOriginatorControl(boolean v) { originatorControl = v; }
        public String getCaveats() { return caveats; }
        public void setCaveats(String v) { caveats = v; }
    }
}
