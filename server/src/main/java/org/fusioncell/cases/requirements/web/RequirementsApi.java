package org.fusioncell.cases.requirements.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.requirements.CollectionTask;
import org.fusioncell.cases.requirements.Coverage;
import org.fusioncell.cases.requirements.Requirement;
import org.fusioncell.cases.requirements.RequirementDraft;
import org.fusioncell.cases.requirements.RequirementStatus;
import org.fusioncell.cases.requirements.Requirements;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/requirements}: intelligence requirements, collection tasks, answers and coverage. */
@RestController
@RequestMapping("/api/v1/requirements")
class RequirementsApi {

    record RequirementForm(String code, String title, String question, String priority, String validFrom,
                           String validUntil, MarkingForm marking, Integer version) {
        RequirementDraft draft() {
            return new RequirementDraft(code, title, question, priority, validFrom, validUntil, marking);
        }
    }

    record StatusForm(String status, String reason, Integer version) {
    }

    record TaskForm(String organisationId, String indicators, String dueAt) {
    }

    record ReasonForm(String reason) {
    }

    record AnswerForm(String reportId, String taskId, String note) {
    }

    record Tasks(String requirementId, List<CollectionTask> tasks) {
    }

    record Answers(String requirementId, List<RequirementView.AnswerView> answers) {
    }

    private static final String WHAT = "requirement";

    private final Requirements requirements;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final Clock clock;

    RequirementsApi(Requirements requirements, Readers readers, Organisations organisations,
                    ClassificationScheme scheme, Clock clock) {
        this.requirements = requirements;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
        this.clock = clock;
    }

    static RequirementStatus status(String status) {
        return status == null || status.isBlank() ? null : RequirementStatus.parse(status).orElseThrow(
                () -> new InvalidInputException("status", "one of " + List.of(RequirementStatus.values())));
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody RequirementForm form) {
        return answer(requirements.create(readers.current(), form.draft()), r -> ResponseEntity
                .created(URI.create("/api/v1/requirements/" + r.id())).body(view(r)));
    }

    @GetMapping
    Page<RequirementView> list(@RequestParam(required = false) String status,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return requirements.list(readers.current(), status(status), PageRequest.of(page, size)).map(this::view);
    }

    @GetMapping("/count")
    Map<String, Long> count(@RequestParam(required = false) String status) {
        return Map.of("count", requirements.count(readers.current(), status(status)));
    }

    @GetMapping("/coverage")
    Map<String, Object> overview() {
        return Map.of("coverage", requirements.overview(readers.current(), Instant.now(clock)));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        return answer(requirements.find(readers.current(), id), r -> ResponseEntity.ok(view(r)));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> edit(@PathVariable String id, @RequestBody RequirementForm form) {
        return answer(requirements.edit(readers.current(), id, version(form.version()), form.draft()),
                r -> ResponseEntity.ok(view(r)));
    }

    @PostMapping("/{id}/status")
    ResponseEntity<?> changeStatus(@PathVariable String id, @RequestBody StatusForm form) {
        return answer(requirements.changeStatus(readers.current(), id, version(form.version()), form.status(),
                form.reason()), r -> ResponseEntity.ok(view(r)));
    }

    @GetMapping("/{id}/tasks")
    ResponseEntity<?> tasks(@PathVariable String id) {
        return part(id, requirements.tasks(readers.current(), id), t -> new Tasks(id, t));
    }

    /** A part of a requirement: the requirement's own answer when the reader may not see it (403 or 404). */
    private <T> ResponseEntity<?> part(String id, java.util.Optional<T> found, Function<T, Object> body) {
        if (found.isPresent()) {
            return ResponseEntity.ok(body.apply(found.get()));
        }
        return answer(requirements.find(readers.current(), id), r -> {
            throw new NotFoundException(WHAT);
        });
    }

    @PostMapping("/{id}/tasks")
    ResponseEntity<?> addTask(@PathVariable String id, @RequestBody TaskForm form) {
        return answer(requirements.addTask(readers.current(), id, form.organisationId(), form.indicators(),
                form.dueAt()), t -> ResponseEntity.created(URI.create("/api/v1/requirements/" + id + "/tasks/"
                + t.id())).body(t));
    }

    @PostMapping("/{id}/tasks/{taskId}/acknowledge")
    ResponseEntity<?> acknowledge(@PathVariable String id, @PathVariable String taskId) {
        return answer(requirements.acknowledgeTask(readers.current(), id, taskId), ResponseEntity::ok);
    }

    @PostMapping("/{id}/tasks/{taskId}/close")
    ResponseEntity<?> close(@PathVariable String id, @PathVariable String taskId, @RequestBody ReasonForm form) {
        return answer(requirements.closeTask(readers.current(), id, taskId, form.reason()), ResponseEntity::ok);
    }

    @GetMapping("/{id}/answers")
    ResponseEntity<?> answers(@PathVariable String id) {
        return part(id, requirements.answers(readers.current(), id), a -> new Answers(id,
                RequirementView.answers(a, scheme, organisations)));
    }

    @PostMapping("/{id}/answers")
    ResponseEntity<?> link(@PathVariable String id, @RequestBody AnswerForm form) {
        return answer(requirements.answer(readers.current(), id, form.taskId(), form.reportId(), form.note()),
                a -> ResponseEntity.status(HttpStatus.CREATED).body(RequirementView.answer(a, scheme, organisations)));
    }

    @GetMapping("/{id}/coverage")
    ResponseEntity<?> coverage(@PathVariable String id) {
        CaseStep<Coverage> step = requirements.coverage(readers.current(), id, Instant.now(clock));
        return step instanceof CaseStep.Done<Coverage> d ? ResponseEntity.ok(d.value())
                : part(id, java.util.Optional.empty(), x -> x);
    }

    private RequirementView view(Requirement r) {
        return RequirementView.of(r, scheme, organisations);
    }

    private static int version(Integer version) {
        if (version == null || version < 1) {
            throw new InvalidInputException("version", "required: the version you changed");
        }
        return version;
    }

    private static <T> ResponseEntity<?> answer(CaseStep<T> step, Function<T, ResponseEntity<?>> done) {
        return switch (step) {
            case CaseStep.Done<T> d -> done.apply(d.value());
            case CaseStep.Unknown<T> u -> throw new NotFoundException(WHAT);
            case CaseStep.Stale<T> s -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.CONFLICT, "stale-version", "Stale version",
                        "version: the requirement was changed since that version; reload it and apply your change"
                                + " again.");
                p.setProperty("field", "version");
                p.setProperty("currentVersion", s.currentVersion());
                yield problem(HttpStatus.CONFLICT, p);
            }
            case CaseStep.WrongState<T> w -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.CONFLICT, "wrong-state", "Not in this state",
                        "This step does not apply while it is " + w.state() + ".");
                p.setProperty("state", w.state());
                yield problem(HttpStatus.CONFLICT, p);
            }
            case CaseStep.Refused<T> r -> problem(HttpStatus.FORBIDDEN, ProblemDetails.problem(HttpStatus.FORBIDDEN,
                    r.code(), "Not allowed", r.detail()));
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail p) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
