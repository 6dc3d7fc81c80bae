package org.fusioncell.plans.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingPageFields;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.Agreements;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.plans.Drafts;
import org.fusioncell.plans.PlanAccess;
import org.fusioncell.plans.PlanCoordination;
import org.fusioncell.plans.PlanStatus;
import org.fusioncell.plans.PlanStep;
import org.fusioncell.plans.PlanTree;
import org.fusioncell.plans.Plans;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * {@code /plans}: the list, the new-plan form and a plan's page — the plan as a document (areas, objectives,
 * outputs, actions, indicators), its progress dashboard and funding per currency, with the coordinators' forms.
 */
@Controller
@RequestMapping("/plans")
class PlanPages {

    static final int PAGE_SIZE = 25;

    /** The new-plan form as the browser posts it; the marking fields are the shared picker's. */
    public static class PlanPageForm extends MarkingPageFields {
        private String title;
        private String scope = "NATIONAL";
        private String country;
        private String region;
        private String versionLabel;
        private String language;
        private String periodStart;
        private String periodEnd;

        public PlanPageForm() {
            super("AMBER");
        }

        Drafts.PlanDraft toDraft() {
            return new Drafts.PlanDraft(title, scope, country, region, versionLabel, language, periodStart, periodEnd,
                    toMarkingForm(), List.of());
        }

        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getScope() { return scope; }
        public void setScope(String v) { scope = v; }
        public String getCountry() { return country; }
        public void setCountry(String v) { country = v; }
        public String getRegion() { return region; }
        public void setRegion(String v) { region = v; }
        public String getVersionLabel() { return versionLabel; }
        public void setVersionLabel(String v) { versionLabel = v; }
        public String getLanguage() { return language; }
        public void setLanguage(String v) { language = v; }
        public String getPeriodStart() { return periodStart; }
        public void setPeriodStart(String v) { periodStart = v; }
        public String getPeriodEnd() { return periodEnd; }
        public void setPeriodEnd(String v) { periodEnd = v; }
    }

    private final Plans plans;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final PlanExports exports;
    private final Agreements agreements;

    PlanPages(Plans plans, Readers readers, Organisations organisations, ClassificationScheme scheme,
              PlanExports exports, Agreements agreements) {
        this.exports = exports;
        this.agreements = agreements;
        this.plans = plans;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("statuses", PlanStatus.values());
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                Model model) {
        PlanStatus s;
        try {
            s = PlansApi.status(status);
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            s = null;
        }
        var found = plans.list(readers.current(), s, PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE));
        model.addAttribute("filterStatus", s == null ? "" : s.name());
        model.addAttribute("page", found.map(p -> PlanView.summary(p, scheme)));
        return "plans/list";
    }

    @GetMapping("/new")
    String form(Model model) {
        PlanPageForm form = new PlanPageForm();
        form.setLanguage(LocaleContextHolder.getLocale().getLanguage());
        return formPage(form, model);
    }

    private String formPage(PlanPageForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("tlps", Arrays.stream(Tlp.values()).filter(t -> t != Tlp.RED).toList());
        model.addAttribute("organisationTypes", OrganisationType.values());
        return "plans/new";
    }

    @PostMapping
    String create(@ModelAttribute("form") PlanPageForm form, Model model) {
        try {
            return switch (plans.create(readers.current(), form.toDraft())) {
                case PlanStep.Done<PlanTree> d -> "redirect:/plans/" + d.value().plan().id();
                case PlanStep.Refused<PlanTree> r -> refused(model, r.code(), () -> formPage(form, model));
                default -> throw new NotFoundException("plan");
            };
        } catch (InvalidInputException e) {
            error(model, e);
            String marking = MarkingPageFields.markingInputFor(e.field());
            model.addAttribute("errorInput", marking != null ? marking : e.field());
            return formPage(form, model);
        }
    }

    @GetMapping("/{id}")
    String page(@PathVariable String id, Model model) {
        return show(readers.current(), id, model);
    }

    private String show(Reader reader, String id, Model model) {
        switch (plans.find(reader, id)) {
            case PlanAccess.Opened o -> {
                PlanTree t = o.plan();
                model.addAttribute("plan", t);
                model.addAttribute("h", t.plan());
                model.addAttribute("marking", MarkingView.of(t.plan().marking(), scheme));
                model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
                model.addAttribute("owner", organisations.find(t.plan().ownerOrganisationId()).orElse(null));
                model.addAttribute("nextStatuses", t.plan().status().next());
                options(model, t, reader);
                boolean mine = t.plan().ownerOrganisationId().equals(reader.organisationId());
                model.addAttribute("mine", mine);
                model.addAttribute("groupKinds", PlanCoordination.GROUP_KINDS);
                model.addAttribute("sectors", PlanCoordination.SECTORS);
                model.addAttribute("consultationKinds", PlanCoordination.CONSULTATION_KINDS);
                return "plans/plan";
            }
            case PlanAccess.KnownToExist k -> {
                model.addAttribute("owner", organisations.find(k.ownerOrganisationId()).orElse(null));
                model.addAttribute("marking", MarkingView.of(k.marking(), scheme));
                return "plans/held";
            }
            case PlanAccess.Unknown u -> throw new NotFoundException("plan");
        }
    }

    /** What the coordinators' forms choose from: each part of the plan as a value and a label. */
    record Option(String value, String label) {
    }

    private void options(Model model, PlanTree t, Reader reader) {
        String lang = LocaleContextHolder.getLocale().getLanguage();
        var objectives = t.areas().stream().flatMap(a -> a.objectives().stream()).toList();
        var outputs = objectives.stream().flatMap(o -> o.outputs().stream()).toList();
        var c = t.coordination();
        model.addAttribute("areaOptions", t.areas().stream().map(a -> new Option(a.code(), a.label(lang))).toList());
        model.addAttribute("objectiveOptions", objectives.stream().map(o -> new Option(o.id(), o.title())).toList());
        model.addAttribute("outputOptions", outputs.stream().map(o -> new Option(o.id(), o.title())).toList());
        model.addAttribute("actionOptions", t.actions().stream().map(a -> new Option(a.id(), a.title())).toList());
        model.addAttribute("indicatorOptions", t.actions().stream().flatMap(a -> a.indicators().stream())
                .map(i -> new Option(i.id(), i.name())).toList());
        model.addAttribute("groupOptions", c.workingGroups().stream().map(g -> new Option(g.id(), g.name())).toList());
        model.addAttribute("needOptions", c.needs().stream()
                .map(n -> new Option(n.id(), n.institution() + " — " + n.description())).toList());
        model.addAttribute("offerOptions", c.offers().stream()
                .map(o -> new Option(o.id(), o.organisation() + " — " + o.what())).toList());
        boolean mine = t.plan().ownerOrganisationId().equals(reader.organisationId());
        model.addAttribute("agreementOptions", mine ? agreements.ofParty(reader.organisationId()).stream()
                .map(a -> new Option(a.id(), a.title())).toList() : List.of());
    }

    // the exports for signed-in users (the API's need a token); the same checks, audit and banner

    @GetMapping(value = "/{id}/actions.csv", produces = "text/csv")
    ResponseEntity<?> csv(@PathVariable String id, @RequestParam(required = false) String lang) {
        return exports.csv(id, lang);
    }

    @GetMapping(value = "/{id}/document.pdf", produces = "application/pdf")
    ResponseEntity<?> pdf(@PathVariable String id, @RequestParam(required = false) String lang) {
        return exports.pdf(id, lang);
    }

    @GetMapping(value = "/{id}/iati.xml", produces = "application/xml")
    ResponseEntity<?> iati(@PathVariable String id) {
        return exports.iati(id);
    }

    @PostMapping("/{id}/status")
    String status(@PathVariable String id, @RequestParam(required = false) String status,
                  @RequestParam(required = false) Integer version, Model model) {
        return step(id, model, "status", () -> plans.changeStatus(readers.current(), id,
                version == null ? 0 : version, status, null));
    }

    @PostMapping("/{id}/objectives")
    String objective(@PathVariable String id, @RequestParam(required = false) String areaCode,
                     @RequestParam(required = false) String title, Model model) {
        return step(id, model, "objective", () -> plans.addObjective(readers.current(), id, areaCode, title));
    }

    @PostMapping("/{id}/outputs")
    String output(@PathVariable String id, @RequestParam(required = false) String objectiveId,
                  @RequestParam(required = false) String title, Model model) {
        return step(id, model, "output", () -> plans.addOutput(readers.current(), id, objectiveId, title));
    }

    @PostMapping("/{id}/actions")
    String action(@PathVariable String id, @ModelAttribute ActionPageForm form, Model model) {
        return step(id, model, "action", () -> plans.addAction(readers.current(), id, form.toDraft()));
    }

    @PostMapping("/{id}/indicators")
    String indicator(@PathVariable String id, @RequestParam(required = false) String actionId,
                     @RequestParam(required = false) String name, @RequestParam(required = false) String unit,
                     @RequestParam(required = false) String baseline, @RequestParam(required = false) String target,
                     @RequestParam(required = false) String frequency, Model model) {
        return step(id, model, "indicator", () -> plans.addIndicator(readers.current(), id,
                new Drafts.IndicatorDraft(actionId, name, unit, baseline, target, frequency)));
    }

    @PostMapping("/{id}/measurements")
    String measurement(@PathVariable String id, @RequestParam(required = false) String indicatorId,
                       @RequestParam(required = false) String measuredOn, @RequestParam(required = false) String value,
                       @RequestParam(required = false) String sex, @RequestParam(required = false) String ageGroup,
                       @RequestParam(required = false) String area, @RequestParam(required = false) String evidence,
                       Model model) {
        return step(id, model, "measurement", () -> plans.addMeasurement(readers.current(), id, indicatorId,
                new Drafts.MeasurementDraft(measuredOn, value, sex, ageGroup, area, evidence)));
    }

    /** Runs a change; on bad input or a refusal the plan's page again, with the reason next to the form. */
    String step(String id, Model model, String form, Supplier<PlanStep<?>> change) {
        model.addAttribute("errorForm", form);
        try {
            return switch (change.get()) {
                case PlanStep.Done<?> d -> "redirect:/plans/" + id + "#" + form;
                case PlanStep.Unknown<?> u -> throw new NotFoundException("plan");
                case PlanStep.Stale<?> s -> refused(model, "stale", () -> show(readers.current(), id, model));
                case PlanStep.Refused<?> r -> refused(model, r.code(), () -> show(readers.current(), id, model));
            };
        } catch (InvalidInputException e) {
            error(model, e);
            return show(readers.current(), id, model);
        }
    }

    private static String refused(Model model, String code, Supplier<String> page) {
        model.addAttribute("refusal", code);
        return page.get();
    }

    private static void error(Model model, InvalidInputException e) {
        model.addAttribute("errorField", e.field());
        model.addAttribute("errorProblem", e.problem());
        model.addAttribute("errorInput", e.field());
    }

    /** The action form; partners one per line as "name ; SECTOR". */
    public static class ActionPageForm {
        private String outputId;
        private String title;
        private String leadBody;
        private String partners;
        private String startDate;
        private String endDate;
        private String budget;
        private String currency;
        private String funded;
        private String pledged;
        private String donor;
        private String status;
        private String risks;
        private String agreementId;
        private String jointProject;

        Drafts.ActionDraft toDraft() {
            List<Drafts.PartnerDraft> ps = new ArrayList<>();
            for (String line : PageLines.of(partners)) {
                int cut = line.lastIndexOf(';');
                ps.add(cut < 0 ? new Drafts.PartnerDraft(line, null)
                        : new Drafts.PartnerDraft(line.substring(0, cut).strip(),
                        line.substring(cut + 1).strip().toUpperCase(Locale.ROOT)));
            }
            return new Drafts.ActionDraft(outputId, title, leadBody, ps, startDate, endDate, budget, currency, funded,
                    pledged, donor, status, risks, agreementId, jointProject);
        }

        public void setOutputId(String v) { outputId = v; }
        public void setTitle(String v) { title = v; }
        public void setLeadBody(String v) { leadBody = v; }
        public void setPartners(String v) { partners = v; }
        public void setStartDate(String v) { startDate = v; }
        public void setEndDate(String v) { endDate = v; }
        public void setBudget(String v) { budget = v; }
        public void setCurrency(String v) { currency = v; }
        public void setFunded(String v) { funded = v; }
        public void setPledged(String v) { pledged = v; }
        public void setDonor(String v) { donor = v; }
        public void setStatus(String v) { status = v; }
        public void setRisks(String v) { risks = v; }
        public void setAgreementId(String v) { agreementId = v; }
        public void setJointProject(String v) { jointProject = v; }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "plans/not-found";
    }
}
