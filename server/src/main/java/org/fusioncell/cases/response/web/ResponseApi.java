package org.fusioncell.cases.response.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.CaseAccess;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.Cases;
import org.fusioncell.cases.response.ResponseBoard;
import org.fusioncell.cases.response.ResponseTemplates;
import org.fusioncell.cases.response.Responses;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The attack response over REST (docs/response.md): templates, opening a response case in one call, and under
 * {@code /api/v1/cases/{id}/response…} the board, command roles, situation reports (JSON and PDF), casualty
 * figures, press lines and closure with the after-action review.
 */
@RestController
class ResponseApi {

    /** Conflicts with the state of the response rather than the caller's rights. */
    private static final Set<String> STATE = Set.of("after-action-review-required", "no-review");

    private final Responses responses;
    private final ResponseTemplates templates;
    private final Cases cases;
    private final Readers readers;
    private final ClassificationScheme scheme;

    ResponseApi(Responses responses, ResponseTemplates templates, Cases cases, Readers readers,
                ClassificationScheme scheme) {
        this.responses = responses;
        this.templates = templates;
        this.cases = cases;
        this.readers = readers;
        this.scheme = scheme;
    }

    @GetMapping("/api/v1/response-templates")
    Map<String, Object> templates() {
        return Map.of("templates", templates.all());
    }

    @PostMapping(path = "/api/v1/response-templates", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> define(@RequestBody(required = false) String json) {
        Reader reader = readers.current();
        return answer(reader, null, templates.define(reader, json), t -> ResponseEntity
                .created(URI.create("/api/v1/response-templates/" + t.code())).body(t));
    }

    @GetMapping("/api/v1/response-templates/{code}")
    Object template(@PathVariable String code) {
        return templates.find(code).orElseThrow(() -> new NotFoundException("response template"));
    }

    @PostMapping("/api/v1/response-cases")
    ResponseEntity<?> open(@RequestBody Responses.Opening opening) {
        Reader reader = readers.current();
        return answer(reader, null, responses.open(reader, opening), b -> ResponseEntity
                .created(URI.create("/api/v1/cases/" + b.file().id() + "/response")).body(board(b)));
    }

    @GetMapping("/api/v1/cases/{id}/response")
    ResponseEntity<?> board(@PathVariable String id) {
        Reader reader = readers.current();
        return answer(reader, id, responses.board(reader, id, Instant.now()), b -> ResponseEntity.ok(board(b)));
    }

    record RoleForm(String userId) {
    }

    @PutMapping("/api/v1/cases/{id}/response/roles/{roleCode}")
    ResponseEntity<?> assignRole(@PathVariable String id, @PathVariable String roleCode, @RequestBody RoleForm form) {
        Reader reader = readers.current();
        return answer(reader, id, responses.assignRole(reader, id, roleCode, form == null ? null : form.userId()),
                ResponseEntity::ok);
    }

    @GetMapping("/api/v1/cases/{id}/response/sitreps")
    ResponseEntity<?> sitreps(@PathVariable String id) {
        Reader reader = readers.current();
        return responses.sitreps(reader, id).<ResponseEntity<?>>map(s -> ResponseEntity.ok(Map.of("caseId", id,
                "sitreps", s))).orElseGet(() -> unknown(reader, id));
    }

    @PostMapping("/api/v1/cases/{id}/response/sitreps")
    ResponseEntity<?> writeSitrep(@PathVariable String id, @RequestBody Responses.SitrepDraft draft) {
        Reader reader = readers.current();
        return answer(reader, id, responses.writeSitrep(reader, id, draft), s -> ResponseEntity
                .created(URI.create("/api/v1/cases/" + id + "/response/sitreps/" + s.number())).body(s));
    }

    @GetMapping("/api/v1/cases/{id}/response/sitreps/{number}")
    ResponseEntity<?> sitrep(@PathVariable String id, @PathVariable String number) {
        Reader reader = readers.current();
        return answer(reader, id, responses.sitrep(reader, id, number(number)), ResponseEntity::ok);
    }

    @GetMapping("/api/v1/cases/{id}/response/sitreps/{number}/pdf")
    ResponseEntity<?> sitrepPdf(@PathVariable String id, @PathVariable String number) {
        Reader reader = readers.current();
        int n = number(number);
        return answer(reader, id, responses.sitrepPdf(reader, id, n), pdf -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sitrep-" + n + ".pdf").build().toString())
                .body(pdf));
    }

    @GetMapping("/api/v1/cases/{id}/response/figures")
    ResponseEntity<?> figures(@PathVariable String id) {
        Reader reader = readers.current();
        return responses.figures(reader, id).<ResponseEntity<?>>map(f -> ResponseEntity.ok(Map.of("caseId", id,
                "figures", f))).orElseGet(() -> unknown(reader, id));
    }

    record PressLineForm(String language, String text) {
    }

    record ReasonForm(String reason) {
    }

    @GetMapping("/api/v1/cases/{id}/response/press-lines")
    ResponseEntity<?> pressLines(@PathVariable String id) {
        Reader reader = readers.current();
        return responses.pressLines(reader, id).<ResponseEntity<?>>map(l -> ResponseEntity.ok(Map.of("caseId", id,
                "pressLines", l))).orElseGet(() -> unknown(reader, id));
    }

    @PostMapping("/api/v1/cases/{id}/response/press-lines")
    ResponseEntity<?> draftPressLine(@PathVariable String id, @RequestBody PressLineForm form) {
        Reader reader = readers.current();
        if (form == null) {
            throw new InvalidInputException("body", "required");
        }
        return answer(reader, id, responses.draftPressLine(reader, id, form.language(), form.text()),
                l -> ResponseEntity.status(HttpStatus.CREATED).body(l));
    }

    @PostMapping("/api/v1/cases/{id}/response/press-lines/{lineId}/release")
    ResponseEntity<?> release(@PathVariable String id, @PathVariable String lineId) {
        Reader reader = readers.current();
        return answer(reader, id, responses.decidePressLine(reader, id, lineId, true, null), ResponseEntity::ok);
    }

    @PostMapping("/api/v1/cases/{id}/response/press-lines/{lineId}/reject")
    ResponseEntity<?> reject(@PathVariable String id, @PathVariable String lineId, @RequestBody ReasonForm form) {
        Reader reader = readers.current();
        return answer(reader, id, responses.decidePressLine(reader, id, lineId, false,
                form == null ? null : form.reason()), ResponseEntity::ok);
    }

    record ClosureForm(Integer version, String reason, Responses.ReviewDraft afterActionReview) {
    }

    @PostMapping("/api/v1/cases/{id}/response/closure")
    ResponseEntity<?> close(@PathVariable String id, @RequestBody ClosureForm form) {
        Reader reader = readers.current();
        if (form == null) {
            throw new InvalidInputException("body", "required");
        }
        if (form.version() == null || form.version() < 1) {
            throw new InvalidInputException("version", "required: the case's version you close");
        }
        return answer(reader, id, responses.close(reader, id, form.version(), form.reason(),
                form.afterActionReview()), ResponseEntity::ok);
    }

    @GetMapping("/api/v1/cases/{id}/response/review")
    ResponseEntity<?> review(@PathVariable String id) {
        Reader reader = readers.current();
        return answer(reader, id, responses.review(reader, id), ResponseEntity::ok);
    }

    // ---------------------------------------------------------------------------------------------- views

    /** The board as JSON: the case's marking as a view (level names and banner), not the stored form. */
    private Map<String, Object> board(ResponseBoard b) {
        CaseFile c = b.file();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("caseId", c.id());
        out.put("title", c.title());
        out.put("status", c.status());
        out.put("language", c.language());
        out.put("version", c.version());
        out.put("leadOrganisationId", c.leadOrganisationId());
        out.put("participants", c.participants().stream().map(CaseFile.Participant::organisationId).toList());
        out.put("marking", MarkingView.of(c.marking(), scheme));
        out.put("template", Map.of("code", b.template().code(), "name", b.template().name().byLanguage(),
                "pressPrompts", b.template().pressPrompts().stream().map(p -> p.byLanguage()).toList()));
        out.put("incident", b.incident());
        out.put("roles", b.roles());
        out.put("agencies", b.agencies());
        out.put("schedule", b.schedule());
        out.put("latestFigures", b.latestFigures());
        out.put("sitreps", b.sitreps().stream().map(s -> Map.of("number", s.number(), "language", s.language(),
                "writtenAt", s.writtenAt(), "late", s.late())).toList());
        out.put("pressLines", b.pressLines());
        out.put("afterActionReview", b.review());
        return out;
    }

    private static int number(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below as absent, like any other unknown report
        }
        throw new NotFoundException("situation report");
    }

    // ---------------------------------------------------------------------------------------------- outcomes

    private <T> ResponseEntity<?> answer(Reader reader, String id, CaseStep<T> step,
                                         Function<T, ResponseEntity<?>> done) {
        return switch (step) {
            case CaseStep.Done<T> d -> done.apply(d.value());
            case CaseStep.Unknown<T> u -> unknown(reader, id);
            case CaseStep.Stale<T> s -> {
                ResponseEntity<ProblemDetail> r = problem(HttpStatus.CONFLICT, "stale-version", "Stale version",
                        "version: the case changed since that version; reload it.");
                r.getBody().setProperty("field", "version");
                r.getBody().setProperty("currentVersion", s.currentVersion());
                yield r;
            }
            case CaseStep.WrongState<T> w -> problem(HttpStatus.CONFLICT, "wrong-state", "Not in this state",
                    "This step does not apply while it is " + w.state() + ".");
            case CaseStep.Refused<T> r -> problem(STATE.contains(r.code()) ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN,
                    r.code(), "Not allowed", r.detail());
        };
    }

    /** The case's own answer: 403 existence-only for a participant the marking withholds it from, else 404. */
    private ResponseEntity<?> unknown(Reader reader, String id) {
        if (id != null && cases.find(reader, id) instanceof CaseAccess.KnownToExist) {
            return problem(HttpStatus.FORBIDDEN, "existence-only", "Held by another organisation",
                    "The case's marking withholds its content from you.");
        }
        throw new NotFoundException("case");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.problem(status, type, title, detail));
    }
}
