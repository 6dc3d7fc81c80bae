package org.fusioncell.cases.requirements.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingPageFields;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.TaskPriority;
import org.fusioncell.cases.requirements.Answer;
import org.fusioncell.cases.requirements.CollectionTask;
import org.fusioncell.cases.requirements.Requirement;
import org.fusioncell.cases.requirements.RequirementDraft;
import org.fusioncell.cases.requirements.RequirementStatus;
import org.fusioncell.cases.requirements.Requirements;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
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
 * {@code /requirements}: the coverage overview of the cell's active requirements (gaps highlighted), the
 * new-requirement form and a requirement's page with its tasks, answers and coverage.
 */
@Controller
@RequestMapping("/requirements")
class RequirementPages {

    /** The new-requirement form as the browser posts it; the marking fields are the shared picker's. */
    public static class RequirementPageForm extends MarkingPageFields {
        private String code;
        private String title;
        private String question;
        private String priority = TaskPriority.NORMAL.name();
        private String validFrom;
        private String validUntil;

        public RequirementPageForm() {
            super("AMBER");
        }

        RequirementDraft toDraft() {
            return new RequirementDraft(code, title, question, priority, validFrom, validUntil, toMarkingForm());
        }

        static String inputFor(String field) {
            if (field == null) {
                return null;
            }
            String f = field.replaceAll("\\[\\d+]", "");
            String marking = MarkingPageFields.markingInputFor(f);
            return marking != null ? marking : f;
        }

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getQuestion() { return question; }
        public void setQuestion(String v) { question = v; }
        public String getPriority() { return priority; }
        public void setPriority(String v) { priority = v; }
        public String getValidFrom() { return validFrom; }
        public void setValidFrom(String v) { validFrom = v; }
        public String getValidUntil() { return validUntil; }
        public void setValidUntil(String v) { validUntil = v; }
    }

    private final Requirements requirements;
    private final Readers readers;
    private final Organisations organisations;
    private final Colleagues colleagues;
    private final ClassificationScheme scheme;
    private final Clock clock;

    RequirementPages(Requirements requirements, Readers readers, Organisations organisations, Colleagues colleagues,
                     ClassificationScheme scheme, Clock clock) {
        this.requirements = requirements;
        this.readers = readers;
        this.organisations = organisations;
        this.colleagues = colleagues;
        this.scheme = scheme;
        this.clock = clock;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("priorities", TaskPriority.values());
        model.addAttribute("statuses", RequirementStatus.values());
        Map<String, String> names = new LinkedHashMap<>();
        organisations.all().forEach(o -> names.put(o.id(), o.name()));
        model.addAttribute("orgNames", names);
    }

    private boolean supervisor(Reader reader) {
        return colleagues.holds(reader, Role.SUPERVISOR);
    }

    @GetMapping
    String overview(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                    Model model) {
        Reader reader = readers.current();
        RequirementStatus filter;
        try {
            filter = RequirementsApi.status(status);
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            filter = null;
        }
        model.addAttribute("coverage", requirements.overview(reader, Instant.now(clock)));
        model.addAttribute("page", requirements.list(reader, filter, PageRequest.of(page == null || page < 0 ? 0
                : page, 25)));
        model.addAttribute("filterStatus", filter == null ? "" : filter.name());
        model.addAttribute("supervisor", supervisor(reader));
        return "requirements/list";
    }

    @GetMapping("/new")
    String form(Model model) {
        return formPage(new RequirementPageForm(), model);
    }

    private String formPage(RequirementPageForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("tlps", Arrays.stream(Tlp.values()).filter(t -> t != Tlp.RED).toList());
        model.addAttribute("organisationTypes", OrganisationType.values());
        return "requirements/new";
    }

    @PostMapping
    String create(@ModelAttribute("form") RequirementPageForm form, Model model) {
        try {
            return switch (requirements.create(readers.current(), form.toDraft())) {
                case CaseStep.Done<Requirement> d -> "redirect:/requirements/" + d.value().id() + "?done=created";
                case CaseStep.Refused<Requirement> r -> {
                    model.addAttribute("refused", r.code());
                    yield formPage(form, model);
                }
                default -> throw new NotFoundException("requirement");
            };
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("errorInput", RequirementPageForm.inputFor(e.field()));
            return formPage(form, model);
        }
    }

    @GetMapping("/{id}")
    String page(@PathVariable String id, @RequestParam(required = false) String done,
                @RequestParam(required = false) String refused, Model model) {
        Reader reader = readers.current();
        if (!(requirements.find(reader, id) instanceof CaseStep.Done<Requirement> d)) {
            throw new NotFoundException("requirement");
        }
        Requirement r = d.value();
        List<CollectionTask> tasks = requirements.tasks(reader, id).orElseThrow(() -> new NotFoundException("requirement"));
        List<Answer> answers = requirements.answers(reader, id).orElseThrow(() -> new NotFoundException("requirement"));
        model.addAttribute("requirement", r);
        model.addAttribute("marking", MarkingView.of(r.marking(), scheme));
        model.addAttribute("tasks", tasks);
        model.addAttribute("answers", answers);
        model.addAttribute("coverage", ((CaseStep.Done<org.fusioncell.cases.requirements.Coverage>)
                requirements.coverage(reader, id, Instant.now(clock))).value());
        model.addAttribute("ownerSupervisor", r.ownedBy(reader.organisationId()) && supervisor(reader));
        model.addAttribute("myOrganisation", reader.organisationId());
        model.addAttribute("agencies", organisations.all().stream()
                .filter(o -> !o.id().equals(r.ownerOrganisationId())).toList());
        model.addAttribute("done", done);
        model.addAttribute("refused", refused);
        return "requirements/detail";
    }

    /** A step's outcome as a redirect to the requirement's page; a field error re-renders it naming the field. */
    private String after(String id, CaseStep<?> step, String done) {
        return switch (step) {
            case CaseStep.Done<?> d -> "redirect:/requirements/" + id + "?done=" + done;
            case CaseStep.Unknown<?> u -> throw new NotFoundException("requirement");
            case CaseStep.Refused<?> r -> "redirect:/requirements/" + id + "?refused=" + r.code();
            case CaseStep.WrongState<?> w -> "redirect:/requirements/" + id + "?refused=wrong-state";
            case CaseStep.Stale<?> s -> "redirect:/requirements/" + id + "?refused=stale-version";
        };
    }

    private String withError(String id, InvalidInputException e, Model model) {
        model.addAttribute("errorField", e.field());
        model.addAttribute("errorProblem", e.problem());
        model.addAttribute("errorInput", e.field());
        return page(id, null, null, model);
    }

    @PostMapping("/{id}/tasks")
    String addTask(@PathVariable String id, @RequestParam(required = false) String organisationId,
                   @RequestParam(required = false) String indicators, @RequestParam(required = false) String dueAt,
                   Model model) {
        try {
            return after(id, requirements.addTask(readers.current(), id, organisationId, indicators, dueAt), "tasked");
        } catch (InvalidInputException e) {
            return withError(id, e, model);
        }
    }

    @PostMapping("/{id}/tasks/{taskId}/close")
    String closeTask(@PathVariable String id, @PathVariable String taskId,
                     @RequestParam(required = false) String reason, Model model) {
        try {
            return after(id, requirements.closeTask(readers.current(), id, taskId, reason), "closed");
        } catch (InvalidInputException e) {
            return withError(id, e, model);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable String id, Model model) {
        if (!(requirements.find(readers.current(), id) instanceof CaseStep.Done<Requirement> d)) {
            throw new NotFoundException("requirement");
        }
        Requirement r = d.value();
        RequirementPageForm form = new RequirementPageForm();
        form.setCode(r.code());
        form.setTitle(r.title());
        form.setQuestion(r.question());
        form.setPriority(r.priority().name());
        form.setValidFrom(r.validFrom().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        form.setValidUntil(r.validUntil() == null ? null
                : r.validUntil().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        return editPage(r, form, model);
    }

    private String editPage(Requirement r, RequirementPageForm form, Model model) {
        model.addAttribute("requirement", r);
        model.addAttribute("form", form);
        return "requirements/edit";
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable String id, @ModelAttribute("form") RequirementPageForm form,
                @RequestParam(required = false) Integer version, Model model) {
        Reader reader = readers.current();
        if (!(requirements.find(reader, id) instanceof CaseStep.Done<Requirement> d)) {
            throw new NotFoundException("requirement");
        }
        try {
            return after(id, requirements.edit(reader, id, version == null ? 0 : version, form.toDraft()), "edited");
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("errorInput", RequirementPageForm.inputFor(e.field()));
            return editPage(d.value(), form, model);
        }
    }

    @PostMapping("/{id}/tasks/{taskId}/acknowledge")
    String acknowledge(@PathVariable String id, @PathVariable String taskId) {
        return after(id, requirements.acknowledgeTask(readers.current(), id, taskId), "acknowledged");
    }

    @PostMapping("/{id}/answers")
    String link(@PathVariable String id, @RequestParam(required = false) String reportId,
                @RequestParam(required = false) String taskId, @RequestParam(required = false) String note,
                Model model) {
        try {
            return after(id, requirements.answer(readers.current(), id, taskId, reportId, note), "answered");
        } catch (InvalidInputException e) {
            return withError(id, e, model);
        }
    }

    @PostMapping("/{id}/status")
    String status(@PathVariable String id, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
                  Model model) {
        try {
            return after(id, requirements.changeStatus(readers.current(), id, version == null ? 0 : version, status,
                    reason), "status");
        } catch (InvalidInputException e) {
            return withError(id, e, model);
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "requirements/not-found";
    }
}
