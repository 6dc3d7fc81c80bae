package org.fusioncell.intake.web;

import java.net.URI;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.Disclosure;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportVersion;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.Revision;
import org.fusioncell.intake.Taxonomies;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/v1/reports/{id}} (optimistic: {@code If-Match} or {@code version}) and the kept versions. */
@RestController
@RequestMapping("/api/v1/reports/{id}")
class ReportVersionsApi {

    private final Reports reports;
    private final Readers readers;
    private final MarkingVocabulary vocabulary;
    private final ClassificationScheme scheme;
    private final Taxonomies taxonomies;
    private final Refusals refusals;

    ReportVersionsApi(Reports reports, Readers readers, MarkingVocabulary vocabulary, ClassificationScheme scheme,
                      Taxonomies taxonomies, Refusals refusals) {
        this.reports = reports;
        this.readers = readers;
        this.vocabulary = vocabulary;
        this.scheme = scheme;
        this.taxonomies = taxonomies;
        this.refusals = refusals;
    }

    @PutMapping
    ResponseEntity<?> revise(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                             @RequestBody ReportForm form) {
        Reader author = readers.current();
        int expected = expectedVersion(ifMatch, form.version());
        var draft = form.toDraft(scheme, vocabulary, author, taxonomies);
        return switch (reports.revise(author, id, expected, draft, form.checkedReason())) {
            case Revision.Revised revised -> ResponseEntity.ok().eTag("\"" + revised.report().version() + "\"")
                    .location(URI.create("/api/v1/reports/" + id)).body(ReportView.of(revised.report(), scheme));
            case Revision.Stale stale -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.CONFLICT, "stale-version", "Stale version",
                        "version: the report was changed since that version; reload it and apply your change again.");
                p.setProperty("field", "version");
                p.setProperty("currentVersion", stale.currentVersion());
                yield ResponseEntity.status(HttpStatus.CONFLICT).body(p);
            }
            case Revision.Unknown unknown -> throw new NotFoundException("report");
        };
    }

    /** {@code If-Match: "3"} (or W/"3") wins over the body's {@code version}; one of them is required. */
    static int expectedVersion(String ifMatch, Integer bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                int v = Integer.parseInt(tag);
                if (v >= 1) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new InvalidInputException("If-Match", "must be the version's entity tag, e.g. \"3\"");
        }
        if (bodyVersion == null || bodyVersion < 1) {
            throw new InvalidInputException("version", "is required: the version you edited (or send If-Match)");
        }
        return bodyVersion;
    }

    @GetMapping("/versions")
    ResponseEntity<?> versions(@PathVariable String id,
                               @RequestHeader(name = ReportsApi.JUSTIFICATION_HEADER, required = false) String why) {
        return switch (reports.versions(readers.current(), id, why)) {
            case Disclosure.Granted<List<ReportVersion>> g -> ResponseEntity.ok(new ReportView.Versions(id,
                    g.value().stream().map(v -> ReportView.Version.of(v, scheme)).toList()));
            case Disclosure.Refused<List<ReportVersion>> r -> refusals.answer(r.refusal());
        };
    }

    @GetMapping("/versions/{version}")
    ResponseEntity<?> version(@PathVariable String id, @PathVariable String version,
                              @RequestHeader(name = ReportsApi.JUSTIFICATION_HEADER, required = false) String why) {
        int n;
        try {
            n = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new NotFoundException("report");
        }
        return switch (reports.version(readers.current(), id, n, why)) {
            case Disclosure.Granted<Report> g -> ResponseEntity.ok(ReportView.of(g.value(), scheme));
            case Disclosure.Refused<Report> r -> refusals.answer(r.refusal());
        };
    }
}
