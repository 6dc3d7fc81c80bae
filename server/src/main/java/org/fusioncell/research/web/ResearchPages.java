package org.fusioncell.research.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.research.ResearchAccess;
import org.fusioncell.research.ResearchAccess.Outcome;
import org.fusioncell.research.ResearchRequest;
import org.fusioncell.research.ResearchRequestDraft;
import org.fusioncell.research.internal.ExportableField;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@code /research}: a researcher's requests and the form to make one; the approvers' queue, a request's page with
 * its decision form and its exports (docs/research.md). The pages call only the module's API.
 */
@Controller
@RequestMapping("/research")
class ResearchPages {

    static final int PAGE_SIZE = 25;

    /** The request form as the browser posts it. */
    public static class RequestPageForm {
        private String cellOrganisationId;
        private String purpose;
        private String ethicsReference;
        private String ethicsIssuingBody;
        private String ethicsDate;
        private List<String> fields = new ArrayList<>();
        private String periodFrom;
        private String periodTo;
        private String output = "AGGREGATES";
        private String k = "10";
        private String threshold = "10";
        private String epsilon;

        ResearchRequestDraft toDraft() {
            return new ResearchRequestDraft(cellOrganisationId, purpose, ethicsReference, ethicsIssuingBody,
                    ethicsDate, "incidents", fields, periodFrom, periodTo, output, number("k", k),
                    number("threshold", threshold), epsilon == null || epsilon.isBlank() ? null : decimal(epsilon));
        }

        private static Integer number(String field, String v) {
            try {
                return v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "a whole number");
            }
        }

        private static Double decimal(String v) {
            try {
                return Double.valueOf(v.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("epsilon", "a number");
            }
        }

        public String getCellOrganisationId() { return cellOrganisationId; }
        public void setCellOrganisationId(String v) { cellOrganisationId = v; }
        public String getPurpose() { return purpose; }
        public void setPurpose(String v) { purpose = v; }
        public String getEthicsReference() { return ethicsReference; }
        public void setEthicsReference(String v) { ethicsReference = v; }
        public String getEthicsIssuingBody() { return ethicsIssuingBody; }
        public void setEthicsIssuingBody(String v) { ethicsIssuingBody = v; }
        public String getEthicsDate() { return ethicsDate; }
        public void setEthicsDate(String v) { ethicsDate = v; }
        public List<String> getFields() { return fields; }
        public void setFields(List<String> v) { fields = v == null ? new ArrayList<>() : v; }
        public String getPeriodFrom() { return periodFrom; }
        public void setPeriodFrom(String v) { periodFrom = v; }
        public String getPeriodTo() { return periodTo; }
        public void setPeriodTo(String v) { periodTo = v; }
        public String getOutput() { return output; }
        public void setOutput(String v) { output = v; }
        public String getK() { return k; }
        public void setK(String v) { k = v; }
        public String getThreshold() { return threshold; }
        public void setThreshold(String v) { threshold = v; }
        public String getEpsilon() { return epsilon; }
        public void setEpsilon(String v) { epsilon = v; }
    }

    private final ResearchAccess research;
    private final Readers readers;
    private final Organisations organisations;

    ResearchPages(ResearchAccess research, Readers readers, Organisations organisations) {
        this.research = research;
        this.readers = readers;
        this.organisations = organisations;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("exportableFields", ExportableField.keys());
        model.addAttribute("outputs", ResearchRequest.OutputForm.values());
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, Model model) {
        var reader = readers.current();
        var found = research.list(reader, PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE));
        model.addAttribute("page", found);
        model.addAttribute("approver", research.approver(reader));
        model.addAttribute("organisationNames", names());
        return "research/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('RESEARCHER')")
    String form(Model model) {
        return showForm(model, new RequestPageForm(), null, null);
    }

    @PostMapping
    @PreAuthorize("hasRole('RESEARCHER')")
    String create(@ModelAttribute("form") RequestPageForm form, Model model) {
        try {
            ResearchRequest r = research.request(readers.current(), form.toDraft());
            return "redirect:/research/" + r.id();
        } catch (InvalidInputException e) {
            return showForm(model, form, e.field(), e.problem());
        }
    }

    private String showForm(Model model, RequestPageForm form, String errorField, String errorText) {
        List<OrganisationSummary> cells = ResearchView.cells(organisations);
        if (form.getCellOrganisationId() == null && !cells.isEmpty()) {
            form.setCellOrganisationId(cells.get(0).id());
        }
        model.addAttribute("form", form);
        model.addAttribute("cells", cells);
        model.addAttribute("errorField", errorField == null ? null : errorField.replaceAll("\\[\\d+]$", ""));
        model.addAttribute("errorText", errorText);
        return "research/new";
    }

    @GetMapping("/{id}")
    String one(@PathVariable String id, Model model) {
        var reader = readers.current();
        ResearchRequest r = research.open(reader, id).orElseThrow(() -> new NotFoundException("research request"));
        return show(model, reader, r, null, null);
    }

    private String show(Model model, org.fusioncell.access.Reader reader, ResearchRequest r, String errorField,
                        String errorText) {
        model.addAttribute("request", r);
        model.addAttribute("exports", research.exports(reader, r.id()));
        model.addAttribute("mayDecide", r.status() == ResearchRequest.Status.SUBMITTED
                && r.cellOrganisationId().equals(reader.organisationId()) && research.approver(reader));
        model.addAttribute("organisationNames", names());
        model.addAttribute("errorField", errorField);
        model.addAttribute("errorText", errorText);
        return "research/request";
    }

    @PostMapping("/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String text, Model model) {
        var reader = readers.current();
        try {
            Outcome o = research.decide(reader, id, ResearchApi.approve(decision), text);
            return switch (o) {
                case Outcome.Decided d -> "redirect:/research/" + id;
                case Outcome.Unknown u -> throw new NotFoundException("research request");
                case Outcome.NotApprover n -> throw new NotApproverException();
                case Outcome.AlreadyDecided a -> "redirect:/research/" + id;
            };
        } catch (InvalidInputException e) {
            ResearchRequest r = research.open(reader, id).orElseThrow(() -> new NotFoundException("research request"));
            return show(model, reader, r, e.field(), e.problem());
        }
    }

    @GetMapping("/{id}/exports/{exportId}.csv")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String exportId) {
        return ResearchApi.file(research.download(readers.current(), id, exportId)
                .orElseThrow(() -> new NotFoundException("research export")));
    }

    private Map<String, String> names() {
        return organisations.all().stream().collect(Collectors.toMap(OrganisationSummary::id,
                OrganisationSummary::name, (a, b) -> a));
    }

    @ResponseStatus(HttpStatus.FORBIDDEN)
    static class NotApproverException extends RuntimeException {
    }
}
