package org.fusioncell.cases.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingPageFields;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.cases.CaseAccess;
import org.fusioncell.cases.CaseDraft;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseKind;
import org.fusioncell.cases.CaseQuery;
import org.fusioncell.cases.CaseStatus;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.CaseTask;
import org.fusioncell.cases.Cases;
import org.fusioncell.cases.ItemRef;
import org.fusioncell.cases.ItemType;
import org.fusioncell.cases.TaskDraft;
import org.fusioncell.cases.TaskPriority;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /cases}: the case list, the new-case form and a case's page with its items, tasks and timeline. */
@Controller
@RequestMapping("/cases")
class CasePages {

    static final int PAGE_SIZE = 25;

    /** The new-case form as the browser posts it; the marking fields are the shared picker's. */
    public static class CasePageForm extends MarkingPageFields {
        private String title;
        private String summary;
        private String kind = CaseKind.INVESTIGATION.name();
        private String language;

        public CasePageForm() {
            super("AMBER");
        }

        CaseDraft toDraft() {
            return new CaseDraft(title, summary, kind, language, toMarkingForm());
        }

        static String inputFor(String field) {
            if (field == null) {
                return null;
            }
            String f = field.replaceAll("\\[\\d+]", "");
            String marking = MarkingPageFields.markingInputFor(f);
            return marking != null ? marking : f;
        }

        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getSummary() { return summary; }
        public void setSummary(String v) { summary = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getLanguage() { return language; }
        public void setLanguage(String v) { language = v; }
    }

    static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private final Cases cases;
    private final Readers readers;
    private final Organisations organisations;
    private final Colleagues colleagues;
    private final ClassificationScheme scheme;

    CasePages(Cases cases, Readers readers, Organisations organisations, Colleagues colleagues,
              ClassificationScheme scheme) {
        this.cases = cases;
        this.readers = readers;
        this.organisations = organisations;
        this.colleagues = colleagues;
        this.scheme = scheme;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("priorities", TaskPriority.values());
        model.addAttribute("itemTypes", ItemType.values());
        model.addAttribute("itemPaths", Map.of(ItemType.REPORT.name(), "reports", ItemType.ENTITY.name(), "entities",
                ItemType.ASSESSMENT.name(), "assessments", ItemType.SCREENING_HIT.name(), "screening/hits"));
    }

    @GetMapping
    String list(@RequestParam(required = false) String text, @RequestParam(required = false) String status,
                @RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
                Model model) {
        CaseQuery query;
        try {
            query = CasesApi.query(text, status, kind);
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            query = CaseQuery.all();
        }
        var found = cases.list(readers.current(), query, PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE));
        model.addAttribute("filterText", query.text() == null ? "" : query.text());
        model.addAttribute("filterStatus", query.status() == null ? "" : query.status().name());
        model.addAttribute("filterKind", query.kind() == null ? "" : query.kind().name());
        model.addAttribute("page", found.map(s -> CaseView.summary(s, scheme, organisations)));
        return "cases/list";
    }

    @GetMapping("/new")
    String form(Model model) {
        CasePageForm form = new CasePageForm();
        form.setLanguage(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        return formPage(form, model);
    }

    private String formPage(CasePageForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("tlps", Arrays.stream(Tlp.values()).filter(t -> t != Tlp.RED).toList());
        model.addAttribute("organisationTypes", OrganisationType.values());
        return "cases/new";
    }

    @PostMapping
    String open(@ModelAttribute("form") CasePageForm form, Model model) {
        try {
            return "redirect:/cases/" + cases.open(readers.current(), form.toDraft()).id() + "?done=opened";
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("errorInput", CasePageForm.inputFor(e.field()));
            return formPage(form, model);
        }
    }

    @GetMapping("/{id}")
    String page(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        Reader reader = readers.current();
        switch (cases.find(reader, id)) {
            case CaseAccess.Opened o -> {
                CaseFile c = o.file();
                List<CaseTask> tasks = cases.tasks(reader, id).orElseThrow(() -> new NotFoundException("case"));
                var items = cases.items(reader, id).orElseThrow(() -> new NotFoundException("case"));
                var timeline = cases.timeline(reader, id).orElseThrow(() -> new NotFoundException("case"));
                model.addAttribute("kase", c);
                model.addAttribute("marking", MarkingView.of(c.marking(), scheme));
                model.addAttribute("items", items);
                model.addAttribute("tasks", tasks);
                model.addAttribute("timeline", timeline);
                model.addAttribute("lead", c.ledBy(reader.organisationId()));
                model.addAttribute("leadSupervisor", c.ledBy(reader.organisationId()) && hasRole(Role.SUPERVISOR));
                model.addAttribute("me", reader.userId());
                model.addAttribute("myOrganisation", reader.organisationId());
                model.addAttribute("levelNames", scheme.levels());
                Map<String, String> orgNames = new LinkedHashMap<>();
                organisations.all().forEach(org -> orgNames.put(org.id(), org.name()));
                model.addAttribute("orgNames", orgNames);
                model.addAttribute("names", names(reader, tasks, timeline));
                model.addAttribute("taskTitles", taskTitles(tasks));
                model.addAttribute("assignees", assignees(reader, c));
                Set<String> participating = new HashSet<>();
                c.participants().forEach(p -> participating.add(p.organisationId()));
                model.addAttribute("candidates", organisations.all().stream()
                        .filter(org -> !participating.contains(org.id())).toList());
                model.addAttribute("done", done != null && done.matches("[a-z-]{1,24}") ? done : null);
                return "cases/detail";
            }
            case CaseAccess.KnownToExist k -> {
                model.addAttribute("marking", MarkingView.of(k.marking(), scheme));
                model.addAttribute("lead", organisations.find(k.leadOrganisationId()).orElse(null));
                return "cases/held";
            }
            case CaseAccess.Unknown u -> throw new NotFoundException("case");
        }
    }

    /** Display names of the reader's colleagues; users of other organisations are named by their organisation. */
    private Map<String, String> names(Reader reader, List<CaseTask> tasks, List<org.fusioncell.cases.TimelineEntry> timeline) {
        Set<String> ids = new HashSet<>();
        tasks.forEach(t -> {
            if (t.assigneeUserId() != null) {
                ids.add(t.assigneeUserId());
            }
            t.comments().forEach(c -> ids.add(c.authorUserId()));
        });
        timeline.forEach(e -> ids.add(e.actorUserId()));
        return colleagues.displayNames(reader.organisationId(), ids);
    }

    private static Map<String, String> taskTitles(List<CaseTask> tasks) {
        Map<String, String> out = new LinkedHashMap<>();
        tasks.forEach(t -> out.put(t.id(), t.title()));
        return out;
    }

    /** Assignee choices: each participating organisation, and the reader's colleagues by name. */
    private Map<String, String> assignees(Reader reader, CaseFile c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (CaseFile.Participant p : c.participants()) {
            out.put("org:" + p.organisationId(), organisations.find(p.organisationId())
                    .map(OrganisationSummary::name).orElse(p.organisationId()));
        }
        List<String> members = colleagues.members(reader.organisationId(), null);
        colleagues.displayNames(reader.organisationId(), members).forEach((user, name) -> out.put("user:" + user, name));
        return out;
    }

    private static String[] assignee(String choice) {
        if (choice == null || choice.isBlank()) {
            return new String[] {null, null};
        }
        if (choice.startsWith("user:")) {
            return new String[] {choice.substring(5), null};
        }
        if (choice.startsWith("org:")) {
            return new String[] {null, choice.substring(4)};
        }
        throw new InvalidInputException("assignee", "a user or an organisation of the case");
    }

    @PostMapping("/{id}/status")
    String status(@PathVariable String id, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
                  RedirectAttributes flash) {
        return after(id, "status", flash, () -> cases.changeStatus(readers.current(), id, version(version), status,
                reason));
    }

    @PostMapping("/{id}/participants")
    String addParticipant(@PathVariable String id, @RequestParam(required = false) String organisationId,
                          @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        return after(id, "participant-added", flash, () -> cases.addParticipant(readers.current(), id, version(version),
                organisationId));
    }

    @PostMapping("/{id}/participants/{organisationId}/remove")
    String removeParticipant(@PathVariable String id, @PathVariable String organisationId,
                             @RequestParam(required = false) String reason,
                             @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        return after(id, "participant-removed", flash, () -> cases.removeParticipant(readers.current(), id,
                version(version), organisationId, reason));
    }

    private static int version(Integer version) {
        if (version == null || version < 1) {
            throw new InvalidInputException("version", "is required");
        }
        return version;
    }

    @PostMapping("/{id}/items")
    String addItem(@PathVariable String id, @RequestParam(required = false) String itemType,
                   @RequestParam(required = false) String itemId, @RequestParam(required = false) String note,
                   RedirectAttributes flash) {
        return after(id, "item-added", flash, () -> cases.addItem(readers.current(), id, itemType, itemId, note));
    }

    @PostMapping("/{id}/items/{itemId}/remove")
    String removeItem(@PathVariable String id, @PathVariable String itemId,
                      @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return after(id, "item-removed", flash, () -> cases.removeItem(readers.current(), id, itemId, reason));
    }

    @PostMapping("/{id}/tasks")
    String createTask(@PathVariable String id, @RequestParam(required = false) String title,
                      @RequestParam(required = false) String description,
                      @RequestParam(required = false) String assignee, @RequestParam(required = false) String dueDate,
                      @RequestParam(required = false) String priority,
                      @RequestParam(required = false) List<String> dependsOn, RedirectAttributes flash) {
        return after(id, "task-created", flash, () -> {
            String[] a = assignee(assignee);
            return cases.createTask(readers.current(), id, new TaskDraft(title, description, a[0], a[1], dueDate,
                    priority, dependsOn));
        });
    }

    @PostMapping("/{id}/tasks/{taskId}/assign")
    String assign(@PathVariable String id, @PathVariable String taskId,
                  @RequestParam(required = false) String assignee, RedirectAttributes flash) {
        return after(id, "task-assigned", flash, () -> {
            String[] a = assignee(assignee);
            return cases.assignTask(readers.current(), id, taskId, a[0], a[1]);
        });
    }

    @PostMapping("/{id}/tasks/{taskId}/start")
    String start(@PathVariable String id, @PathVariable String taskId, RedirectAttributes flash) {
        return after(id, "task-started", flash, () -> cases.startTask(readers.current(), id, taskId));
    }

    @PostMapping("/{id}/tasks/{taskId}/comments")
    String comment(@PathVariable String id, @PathVariable String taskId, @RequestParam(required = false) String text,
                   RedirectAttributes flash) {
        return after(id, "task-commented", flash, () -> cases.commentTask(readers.current(), id, taskId, text));
    }

    @PostMapping("/{id}/tasks/{taskId}/complete")
    String complete(@PathVariable String id, @PathVariable String taskId, @RequestParam(required = false) String text,
                    @RequestParam(required = false) String reportIds, @RequestParam(required = false) String entityIds,
                    RedirectAttributes flash) {
        List<ItemRef> evidence = new ArrayList<>();
        lines(reportIds).forEach(r -> evidence.add(new ItemRef(ItemType.REPORT, r)));
        lines(entityIds).forEach(e -> evidence.add(new ItemRef(ItemType.ENTITY, e)));
        return after(id, "task-completed", flash, () -> cases.completeTask(readers.current(), id, taskId, text,
                evidence));
    }

    @PostMapping("/{id}/tasks/{taskId}/cancel")
    String cancel(@PathVariable String id, @PathVariable String taskId, @RequestParam(required = false) String reason,
                  RedirectAttributes flash) {
        return after(id, "task-cancelled", flash, () -> cases.cancelTask(readers.current(), id, taskId, reason));
    }

    private String after(String id, String done, RedirectAttributes flash, Supplier<CaseStep<?>> step) {
        try {
            return switch (step.get()) {
                case CaseStep.Done<?> d -> "redirect:/cases/" + id + "?done=" + done;
                case CaseStep.Unknown<?> u -> throw new NotFoundException("case");
                case CaseStep.Stale<?> s -> {
                    flash.addFlashAttribute("problem", "stale-version");
                    yield "redirect:/cases/" + id;
                }
                case CaseStep.WrongState<?> w -> {
                    flash.addFlashAttribute("problem", "wrong-state");
                    flash.addFlashAttribute("problemState", w.state());
                    yield "redirect:/cases/" + id;
                }
                case CaseStep.Refused<?> r -> {
                    flash.addFlashAttribute("problem", r.code());
                    flash.addFlashAttribute("problemDetail", r.detail());
                    yield "redirect:/cases/" + id;
                }
            };
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "invalid");
            flash.addFlashAttribute("errorField", e.field());
            flash.addFlashAttribute("errorProblem", e.problem());
            return "redirect:/cases/" + id;
        }
    }

    private static boolean hasRole(Role role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role.authority()::equals);
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "cases/not-found";
    }
}
