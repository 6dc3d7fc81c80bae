package org.fusioncell.screening.web;

import java.util.Locale;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.screening.ScreeningRun;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/screening/runs}: the batches and manifests screened, and the people in each, under need-to-know. */
@RestController
@RequestMapping("/api/v1/screening/runs")
@PreAuthorize("hasRole('SCREENING_OFFICER')")
class RunsApi {

    private final Screening screening;
    private final Readers readers;
    private final ClassificationScheme scheme;
    private final ScreeningProblems problems;

    RunsApi(Screening screening, Readers readers, ClassificationScheme scheme, ScreeningProblems problems) {
        this.screening = screening;
        this.readers = readers;
        this.scheme = scheme;
        this.problems = problems;
    }

    @GetMapping
    Page<ScreeningViews.RunView> list(@RequestParam(required = false) String kind,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return screening.runs(readers.current(), kind(kind), PageRequest.of(page, size))
                .map(r -> ScreeningViews.RunView.of(r, scheme));
    }

    @GetMapping("/count")
    Map<String, Long> count(@RequestParam(required = false) String kind) {
        return Map.of("count", screening.countRuns(readers.current(), kind(kind)));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        ScreeningAccess<ScreeningRun> access = screening.run(readers.current(), id);
        return access instanceof ScreeningAccess.Granted<ScreeningRun> g
                ? ResponseEntity.ok(ScreeningViews.RunView.of(g.value(), scheme)) : problems.refusal(access, "run");
    }

    @GetMapping("/{id}/subjects")
    ResponseEntity<?> subjects(@PathVariable String id, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        ScreeningAccess<Page<ScreenedSubject>> access = screening.subjects(readers.current(), id,
                PageRequest.of(page, size));
        if (access instanceof ScreeningAccess.Granted<Page<ScreenedSubject>> g) {
            Page<ScreeningViews.SubjectView> p = g.value().map(ScreeningViews.SubjectView::of);
            return ResponseEntity.ok(Map.of("runId", id, "items", p.items(), "page", p.page(), "size", p.size(),
                    "total", p.total()));
        }
        return problems.refusal(access, "run");
    }

    private static ScreeningRun.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return ScreeningRun.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "one of BATCH, MANIFEST");
        }
    }
}
