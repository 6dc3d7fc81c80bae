package org.fusioncell.intake.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.Taxonomies;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/reports}: contribute, list, count, open and export reports under need-to-know. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportsApi {

    static final String JUSTIFICATION_HEADER = "X-FusionCell-Justification";

    private final Reports reports;
    private final Readers readers;
    private final Organisations organisations;
    private final MarkingVocabulary vocabulary;
    private final ClassificationScheme scheme;
    private final JsonMapper json;
    private final Taxonomies taxonomies;
    private final Refusals refusals;

    ReportsApi(Reports reports, Readers readers, Organisations organisations, MarkingVocabulary vocabulary,
               ClassificationScheme scheme, JsonMapper json, Taxonomies taxonomies, Refusals refusals) {
        this.taxonomies = taxonomies;
        this.refusals = refusals;
        this.reports = reports;
        this.readers = readers;
        this.organisations = organisations;
        this.vocabulary = vocabulary;
        this.scheme = scheme;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<ReportView.Full> contribute(@RequestBody ReportForm form) {
        Reader author = readers.current();
        Report report = reports.contribute(author, form.toDraft(scheme, vocabulary, author, taxonomies));
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id())).body(ReportView.of(report, scheme));
    }

    @GetMapping
    Page<ReportView.Summary> list(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return reports.list(readers.current(), q, checkedTag(tag), PageRequest.of(page, size))
                .map(s -> ReportView.of(s, scheme));
    }

    @GetMapping("/count")
    Map<String, Long> count(@RequestParam(required = false) String q, @RequestParam(required = false) String tag) {
        return Map.of("count", reports.count(readers.current(), q, checkedTag(tag)));
    }

    private String checkedTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        if (!taxonomies.knows(tag.strip())) {
            throw new InvalidInputException("tag", "not a configured tag: write taxonomy:value, e.g. threat-type:cyber");
        }
        return tag.strip();
    }

    @GetMapping("/{id}")
    ResponseEntity<?> open(@PathVariable String id, @RequestHeader(name = JUSTIFICATION_HEADER, required = false) String why) {
        ReportAccess access = reports.open(readers.current(), id, why);
        return switch (access) {
            case ReportAccess.Opened opened -> ResponseEntity.ok().eTag("\"" + opened.report().version() + "\"")
                    .body(ReportView.of(opened.report(), scheme));
            default -> refusals.answer(access);
        };
    }

    /** Every report the reader may see as JSON lines, newest first; audited as one export. */
    @GetMapping(value = "/export", produces = "application/x-ndjson")
    void export(HttpServletResponse response) throws IOException {
        Reader reader = readers.current();
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        reports.export(reader, report -> {
            try {
                out.write(json.writeValueAsBytes(ReportView.of(report, scheme)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }
}
