package org.fusioncell.monitoring.incidents.web;

import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.Reports;
import org.fusioncell.monitoring.incidents.Incident;
import org.fusioncell.monitoring.incidents.IncidentAccess;
import org.fusioncell.monitoring.incidents.IncidentQuery;
import org.fusioncell.monitoring.incidents.IncidentVocabularies;
import org.fusioncell.monitoring.incidents.Incidents;
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

/** The incident pages: the list with filters (paged), the form (blank or from a report), one incident. */
@Controller
@RequestMapping("/incidents")
class IncidentPages {

    private final Incidents incidents;
    private final Reports reports;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final IncidentVocabularies vocabularies;

    IncidentPages(Incidents incidents, Reports reports, Readers readers, Organisations organisations,
                  ClassificationScheme scheme, MarkingVocabulary vocabulary, IncidentVocabularies vocabularies) {
        this.incidents = incidents;
        this.reports = reports;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.vocabularies = vocabularies;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("attackTypes", vocabularies.values(IncidentVocabularies.ATTACK_TYPE));
        model.addAttribute("targetTypes", vocabularies.values(IncidentVocabularies.TARGET_TYPE));
        model.addAttribute("weapons", vocabularies.values(IncidentVocabularies.WEAPON));
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("organisationTypes", OrganisationType.values());
    }

    @GetMapping
    String list(@RequestParam(required = false) String country, @RequestParam(required = false) String admin1,
                @RequestParam(required = false) String type, @RequestParam(required = false) String group,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Integer page, Model model) {
        IncidentParams params = new IncidentParams(country, admin1, type, group, from, to);
        IncidentQuery query;
        try {
            query = params.query(vocabularies);
        } catch (InvalidInputException e) {
            // a wrong filter (a hand-edited URL) is named on the page, and the list shows everything
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            query = IncidentQuery.any();
        }
        var result = incidents.list(readers.current(), query, PageRequest.of(page, 25));
        model.addAttribute("filters", params);
        model.addAttribute("page", result.map(i -> IncidentView.Summary.of(i, scheme)));
        return "incidents/incidents";
    }

    @GetMapping("/new")
    String newIncident(@RequestParam(required = false) String report, Model model) {
        Reader reader = readers.current();
        IncidentPageForm form = new IncidentPageForm();
        if (report != null && !report.isBlank()) {
            // the report's contents reach the form only if this reader may open it now (audited as consultation)
            switch (reports.open(reader, report, null)) {
                case ReportAccess.Opened opened -> {
                    form = IncidentPageForm.from(opened.report(), scheme, reader.organisationId());
                    model.addAttribute("reportTitle", opened.report().title());
                }
                case ReportAccess.JustificationNeeded needed -> model.addAttribute("reportNeedsJustification", true);
                default -> throw new NotFoundException("report");
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("organisations", organisations.all());
        return "incidents/incident-new";
    }

    @PostMapping
    String record(@ModelAttribute("form") IncidentPageForm form, Model model) {
        Reader author = readers.current();
        try {
            Incident incident = incidents.record(author, form.toForm().toDraft(scheme, vocabulary, author));
            return "redirect:/incidents/" + incident.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("errorInput", IncidentPageForm.inputFor(e.field()));
            model.addAttribute("organisations", organisations.all());
            return "incidents/incident-new";
        }
    }

    @GetMapping("/{id}")
    String open(@PathVariable String id, Model model) {
        switch (incidents.open(readers.current(), id)) {
            case IncidentAccess.Opened opened -> {
                model.addAttribute("incident", IncidentView.of(opened.detail(), scheme));
                model.addAttribute("ownerName", organisations.find(opened.detail().incident().ownerOrganisationId())
                        .map(o -> o.name()).orElse(null));
                return "incidents/incident";
            }
            case IncidentAccess.KnownToExist known -> {
                model.addAttribute("marking", MarkingView.of(known.marking(), scheme));
                model.addAttribute("holder", organisations.find(known.holderOrganisationId()).orElse(null));
                return "incidents/held";
            }
            case IncidentAccess.Unknown unknown -> throw new NotFoundException("incident");
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "incidents/not-found";
    }
}
