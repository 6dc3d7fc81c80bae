package org.fusioncell.cases.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.CaseAccess;
import org.fusioncell.cases.CaseDraft;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseKind;
import org.fusioncell.cases.CaseQuery;
import org.fusioncell.cases.CaseStatus;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.Cases;
import org.fusioncell.cases.ItemRef;
import org.fusioncell.cases.ItemType;
import org.fusioncell.cases.TaskDraft;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/cases}: cases, their items, tasks and timeline (docs/cases.md). */
@RestController
@RequestMapping("/api/v1/cases")
class CasesApi {

    record CaseForm(String title, String summary, String kind, String language, MarkingForm marking, Integer version) {
    }

    record StatusForm(String status, String reason, Integer version) {
    }

    record ParticipantForm(String organisationId, String reason, Integer version) {
    }

    record ItemForm(String itemType, String itemId, String note) {
    }

    record ReasonForm(String reason) {
    }

    record TaskForm(String title, String description, String assigneeUserId, String assigneeOrganisationId,
                    String dueAt, String priority, List<String> dependsOn) {
    }

    record AssignForm(String assigneeUserId, String assigneeOrganisationId) {
    }

    record DependenciesForm(List<String> dependsOn) {
    }

    record TextForm(String text) {
    }

    record CompleteForm(String text, List<ItemForm> evidence) {
    }

    private static final String WHAT = "case";

    private final Cases cases;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    CasesApi(Cases cases, Readers readers, Organisations organisations, ClassificationScheme scheme) {
        this.cases = cases;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    @PostMapping
    ResponseEntity<CaseView> open(@RequestBody CaseForm form) {
        CaseFile c = cases.open(readers.current(), new CaseDraft(form.title(), form.summary(), form.kind(),
                form.language(), form.marking()));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + c.id())).eTag(tag(c))
                .body(CaseView.of(c, scheme, organisations));
    }

    @GetMapping
    Page<CaseView.Summary> list(@RequestParam(required = false) String text,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String kind,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return cases.list(readers.current(), query(text, status, kind), PageRequest.of(page, size))
                .map(s -> CaseView.summary(s, scheme, organisations));
    }

    @GetMapping("/count")
    Map<String, Long> count(@RequestParam(required = false) String text, @RequestParam(required = false) String status,
                            @RequestParam(required = false) String kind) {
        return Map.of("count", cases.count(readers.current(), query(text, status, kind)));
    }

    static CaseQuery query(String text, String status, String kind) {
        CaseStatus s = status == null || status.isBlank() ? null : CaseStatus.parse(status).orElseThrow(
                () -> new InvalidInputException("status", "one of " + List.of(CaseStatus.values())));
        CaseKind k = kind == null || kind.isBlank() ? null : CaseKind.parse(kind).orElseThrow(
                () -> new InvalidInputException("kind", "one of " + List.of(CaseKind.values())));
        if (text != null && text.length() > 200) {
            throw new InvalidInputException("text", "at most 200 characters");
        }
        return new CaseQuery(text, s, k);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        return switch (cases.find(readers.current(), id)) {
            case CaseAccess.Opened o -> ResponseEntity.ok().eTag(tag(o.file())).body(CaseView.of(o.file(), scheme,
                    organisations));
            case CaseAccess.KnownToExist k -> existenceOnly(k);
            case CaseAccess.Unknown u -> throw new NotFoundException(WHAT);
        };
    }

    private ResponseEntity<ProblemDetail> existenceOnly(CaseAccess.KnownToExist k) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "existence-only", "Held by another organisation",
                "The case's marking withholds its content from you.");
        p.setProperty("leadOrganisation", CaseView.organisation(k.leadOrganisationId(), organisations));
        p.setProperty("classification", CaseView.level(scheme, k.marking().classificationRank()));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /** A part of a case the reader may not see: the case's own answer (hit/no-hit or not found). */
    private <T> ResponseEntity<?> part(Reader reader, String id, Optional<T> found, Function<T, Object> body) {
        if (found.isPresent()) {
            return ResponseEntity.ok(body.apply(found.get()));
        }
        if (cases.find(reader, id) instanceof CaseAccess.KnownToExist k) {
            return existenceOnly(k);
        }
        throw new NotFoundException(WHAT);
    }

    @PutMapping("/{id}")
    ResponseEntity<?> edit(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                           @RequestBody CaseForm form) {
        int v = expectedVersion(ifMatch, form.version());
        return answer(cases.edit(readers.current(), id, v, new CaseDraft(form.title(), form.summary(), form.kind(),
                form.language(), null)), this::caseBody);
    }

    @PostMapping("/{id}/status")
    ResponseEntity<?> status(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                             @RequestBody StatusForm form) {
        int v = expectedVersion(ifMatch, form.version());
        return answer(cases.changeStatus(readers.current(), id, v, form.status(), form.reason()), this::caseBody);
    }

    @PostMapping("/{id}/participants")
    ResponseEntity<?> addParticipant(@PathVariable String id,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @RequestBody ParticipantForm form) {
        int v = expectedVersion(ifMatch, form.version());
        return answer(cases.addParticipant(readers.current(), id, v, form.organisationId()), this::caseBody);
    }

    @PostMapping("/{id}/participants/{organisationId}/remove")
    ResponseEntity<?> removeParticipant(@PathVariable String id, @PathVariable String organisationId,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @RequestBody ParticipantForm form) {
        int v = expectedVersion(ifMatch, form.version());
        return answer(cases.removeParticipant(readers.current(), id, v, organisationId, form.reason()), this::caseBody);
    }

    private ResponseEntity<?> caseBody(CaseFile c) {
        return ResponseEntity.ok().eTag(tag(c)).body(CaseView.of(c, scheme, organisations));
    }

    private static String tag(CaseFile c) {
        return "\"" + c.version() + "\"";
    }

    /** {@code If-Match: "3"} (or W/"3") wins over the body's {@code version}; one of them is required. */
    static int expectedVersion(String ifMatch, Integer bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String t = ifMatch.strip();
            t = (t.startsWith("W/") ? t.substring(2) : t).replace("\"", "");
            try {
                int v = Integer.parseInt(t);
                if (v >= 1) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new InvalidInputException("If-Match", "must be the case's entity tag, e.g. \"3\"");
        }
        if (bodyVersion == null || bodyVersion < 1) {
            throw new InvalidInputException("version", "is required: the version you changed (or send If-Match)");
        }
        return bodyVersion;
    }

    // ---------------------------------------------------------------------------------------------- items, timeline

    @GetMapping("/{id}/items")
    ResponseEntity<?> items(@PathVariable String id) {
        Reader reader = readers.current();
        return part(reader, id, cases.items(reader, id), items -> new CaseView.Items(id,
                items.stream().map(i -> CaseView.item(i, scheme, organisations)).toList()));
    }

    @PostMapping("/{id}/items")
    ResponseEntity<?> addItem(@PathVariable String id, @RequestBody ItemForm form) {
        return answer(cases.addItem(readers.current(), id, form.itemType(), form.itemId(), form.note()),
                i -> ResponseEntity.status(HttpStatus.CREATED).body(CaseView.item(i, scheme, organisations)));
    }

    @PostMapping("/{id}/items/{itemId}/remove")
    ResponseEntity<?> removeItem(@PathVariable String id, @PathVariable String itemId, @RequestBody ReasonForm form) {
        return answer(cases.removeItem(readers.current(), id, itemId, form.reason()),
                removed -> ResponseEntity.ok(Map.of("removed", removed)));
    }

    @GetMapping("/{id}/timeline")
    ResponseEntity<?> timeline(@PathVariable String id) {
        Reader reader = readers.current();
        return part(reader, id, cases.timeline(reader, id), entries -> new CaseView.Timeline(id, entries));
    }

    // ---------------------------------------------------------------------------------------------- tasks

    @GetMapping("/{id}/tasks")
    ResponseEntity<?> tasks(@PathVariable String id) {
        Reader reader = readers.current();
        return part(reader, id, cases.tasks(reader, id), tasks -> new CaseView.Tasks(id, tasks));
    }

    @PostMapping("/{id}/tasks")
    ResponseEntity<?> createTask(@PathVariable String id, @RequestBody TaskForm form) {
        return answer(cases.createTask(readers.current(), id, new TaskDraft(form.title(), form.description(),
                        form.assigneeUserId(), form.assigneeOrganisationId(), form.dueAt(), form.priority(),
                        form.dependsOn())),
                t -> ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/tasks/" + t.id())).body(t));
    }

    @GetMapping("/{id}/tasks/{taskId}")
    ResponseEntity<?> task(@PathVariable String id, @PathVariable String taskId) {
        return answer(cases.task(readers.current(), id, taskId), ResponseEntity::ok);
    }

    @PostMapping("/{id}/tasks/{taskId}/assign")
    ResponseEntity<?> assign(@PathVariable String id, @PathVariable String taskId, @RequestBody AssignForm form) {
        return answer(cases.assignTask(readers.current(), id, taskId, form.assigneeUserId(),
                form.assigneeOrganisationId()), ResponseEntity::ok);
    }

    @PutMapping("/{id}/tasks/{taskId}/dependencies")
    ResponseEntity<?> dependencies(@PathVariable String id, @PathVariable String taskId,
                                   @RequestBody DependenciesForm form) {
        return answer(cases.setDependencies(readers.current(), id, taskId, form.dependsOn()), ResponseEntity::ok);
    }

    @PostMapping("/{id}/tasks/{taskId}/start")
    ResponseEntity<?> start(@PathVariable String id, @PathVariable String taskId) {
        return answer(cases.startTask(readers.current(), id, taskId), ResponseEntity::ok);
    }

    @PostMapping("/{id}/tasks/{taskId}/comments")
    ResponseEntity<?> comment(@PathVariable String id, @PathVariable String taskId, @RequestBody TextForm form) {
        return answer(cases.commentTask(readers.current(), id, taskId, form.text()), ResponseEntity::ok);
    }

    @PostMapping("/{id}/tasks/{taskId}/complete")
    ResponseEntity<?> complete(@PathVariable String id, @PathVariable String taskId, @RequestBody CompleteForm form) {
        return answer(cases.completeTask(readers.current(), id, taskId, form.text(), evidence(form.evidence())),
                ResponseEntity::ok);
    }

    static List<ItemRef> evidence(List<ItemForm> forms) {
        List<ItemRef> out = new ArrayList<>();
        if (forms == null) {
            return out;
        }
        for (int i = 0; i < forms.size(); i++) {
            ItemForm f = forms.get(i);
            int at = i;
            ItemType type = f == null ? null : ItemType.parse(f.itemType()).orElseThrow(() -> new InvalidInputException(
                    "evidence[" + at + "].itemType", "one of " + List.of(ItemType.values())));
            if (type == null) {
                throw new InvalidInputException("evidence[" + i + "]", "required");
            }
            out.add(new ItemRef(type, f.itemId()));
        }
        return out;
    }

    @PostMapping("/{id}/tasks/{taskId}/cancel")
    ResponseEntity<?> cancel(@PathVariable String id, @PathVariable String taskId, @RequestBody ReasonForm form) {
        return answer(cases.cancelTask(readers.current(), id, taskId, form.reason()), ResponseEntity::ok);
    }

    // ---------------------------------------------------------------------------------------------- outcomes

    private <T> ResponseEntity<?> answer(CaseStep<T> step, Function<T, ResponseEntity<?>> done) {
        return switch (step) {
            case CaseStep.Done<T> d -> done.apply(d.value());
            case CaseStep.Unknown<T> u -> throw new NotFoundException(WHAT);
            case CaseStep.Stale<T> s -> {
                ResponseEntity<ProblemDetail> r = problem(HttpStatus.CONFLICT, "stale-version",
                        "Stale version", "version: the case was changed since that version; reload it and apply"
                                + " your change again.");
                r.getBody().setProperty("field", "version");
                r.getBody().setProperty("currentVersion", s.currentVersion());
                yield r;
            }
            case CaseStep.WrongState<T> w -> {
                ResponseEntity<ProblemDetail> r = problem(HttpStatus.CONFLICT, "wrong-state", "Not in this state",
                        "This step does not apply while it is " + w.state() + ".");
                r.getBody().setProperty("state", w.state());
                yield r;
            }
            case CaseStep.Refused<T> r -> problem(HttpStatus.FORBIDDEN, r.code(), "Not allowed", r.detail());
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.problem(status, type, title, detail));
    }
}
