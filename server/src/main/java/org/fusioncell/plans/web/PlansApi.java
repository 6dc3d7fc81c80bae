package org.fusioncell.plans.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.identity.Readers;
import org.fusioncell.plans.Drafts;
import org.fusioncell.plans.PlanStatus;
import org.fusioncell.plans.PlanStep;
import org.fusioncell.plans.PlanTree;
import org.fusioncell.plans.Plans;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/plans}: action plans, their parts, progress and exports (docs/plans.md). */
@RestController
@RequestMapping("/api/v1/plans")
class PlansApi {

    record StatusForm(String status, Integer version, MarkingForm marking) {
    }

    record ObjectiveForm(String areaCode, String title) {
    }

    record OutputForm(String objectiveId, String title) {
    }

    private final Plans plans;
    private final Readers readers;
    private final ClassificationScheme scheme;
    private final PlanExports exports;

    PlansApi(Plans plans, Readers readers, ClassificationScheme scheme, PlanExports exports) {
        this.exports = exports;
        this.plans = plans;
        this.readers = readers;
        this.scheme = scheme;
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody Drafts.PlanDraft form) {
        return answer(plans.create(readers.current(), form), t -> ResponseEntity
                .created(URI.create("/api/v1/plans/" + t.plan().id())).eTag(tag(t)).body(PlanView.of(t, scheme)));
    }

    @GetMapping
    Page<PlanView.Summary> list(@RequestParam(required = false) String status,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return plans.list(readers.current(), status(status), PageRequest.of(page, size))
                .map(s -> PlanView.summary(s, scheme));
    }

    @GetMapping("/count")
    Map<String, Long> count(@RequestParam(required = false) String status) {
        return Map.of("count", plans.count(readers.current(), status(status)));
    }

    static PlanStatus status(String status) {
        return status == null || status.isBlank() ? null : PlanStatus.parse(status).orElseThrow(
                () -> new InvalidInputException("status", "one of " + List.of(PlanStatus.values())));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        return exports.opened(plans.find(readers.current(), id),
                t -> ResponseEntity.ok().eTag(tag(t)).body(PlanView.of(t, scheme)));
    }

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
    ResponseEntity<?> status(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                             @RequestBody StatusForm form) {
        int v = expectedVersion(ifMatch, form.version());
        return answer(plans.changeStatus(readers.current(), id, v, form.status(), form.marking()),
                t -> ResponseEntity.ok().eTag(tag(t)).body(PlanView.of(t, scheme)));
    }

    @PostMapping("/{id}/objectives")
    ResponseEntity<?> objective(@PathVariable String id, @RequestBody ObjectiveForm form) {
        return created(id, plans.addObjective(readers.current(), id, form.areaCode(), form.title()));
    }

    @PostMapping("/{id}/outputs")
    ResponseEntity<?> output(@PathVariable String id, @RequestBody OutputForm form) {
        return created(id, plans.addOutput(readers.current(), id, form.objectiveId(), form.title()));
    }

    @PostMapping("/{id}/actions")
    ResponseEntity<?> action(@PathVariable String id, @RequestBody Drafts.ActionDraft form) {
        return created(id, plans.addAction(readers.current(), id, form));
    }

    @PostMapping("/{id}/indicators")
    ResponseEntity<?> indicator(@PathVariable String id, @RequestBody Drafts.IndicatorDraft form) {
        return created(id, plans.addIndicator(readers.current(), id, form));
    }

    @PostMapping("/{id}/indicators/{indicatorId}/measurements")
    ResponseEntity<?> measurement(@PathVariable String id, @PathVariable String indicatorId,
                                  @RequestBody Drafts.MeasurementDraft form) {
        return created(id, plans.addMeasurement(readers.current(), id, indicatorId, form));
    }

    private static ResponseEntity<?> created(String planId, PlanStep<String> step) {
        return PlanCoordinationApi.created(planId, step);
    }

    static <T> ResponseEntity<?> answer(PlanStep<T> step, Function<T, ResponseEntity<?>> done) {
        return switch (step) {
            case PlanStep.Done<T> d -> done.apply(d.value());
            case PlanStep.Unknown<T> u -> throw new NotFoundException("plan");
            case PlanStep.Stale<T> s -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.CONFLICT, "stale", "Changed meanwhile",
                        "The plan changed since you read it; it is now at version " + s.currentVersion() + ".");
                p.setProperty("currentVersion", s.currentVersion());
                yield ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(p);
            }
            case PlanStep.Refused<T> r -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, r.code(), "Not allowed", r.detail());
                yield ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(p);
            }
        };
    }

    private static String tag(PlanTree t) {
        return "\"" + t.plan().version() + "\"";
    }

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
            throw new InvalidInputException("If-Match", "must be the plan's entity tag, e.g. \"3\"");
        }
        if (bodyVersion == null || bodyVersion < 1) {
            throw new InvalidInputException("version", "is required: the version you changed (or send If-Match)");
        }
        return bodyVersion;
    }
}
