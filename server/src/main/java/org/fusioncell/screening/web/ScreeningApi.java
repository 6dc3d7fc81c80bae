package org.fusioncell.screening.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningResult;
import org.fusioncell.screening.ScreeningRun;
import org.fusioncell.screening.internal.BatchCsv;
import org.fusioncell.screening.internal.ScreeningInput;
import org.fusioncell.screening.internal.ScreeningSettings;
import org.fusioncell.screening.manifest.Manifest;
import org.fusioncell.screening.manifest.ManifestFormatException;
import org.fusioncell.screening.manifest.PaxlstReader;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/screening}: a single query, a batch CSV file, passenger manifests (PAXLST). For
 * screening officers only; each file is checked whole before anything is screened or stored.
 */
@RestController
@RequestMapping("/api/v1/screening")
@PreAuthorize("hasRole('SCREENING_OFFICER')")
class ScreeningApi {

    record QueryForm(String name, String dateOfBirth, String nationality, String document, String gender,
                     Double threshold) {
    }

    private final Screening screening;
    private final Readers readers;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final JsonMapper json;
    private final ScreeningSettings settings;
    private final ScreeningProblems problems;

    ScreeningApi(Screening screening, Readers readers, ClassificationScheme scheme, MarkingVocabulary vocabulary,
                 JsonMapper json, ScreeningSettings settings, ScreeningProblems problems) {
        this.screening = screening;
        this.readers = readers;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.json = json;
        this.settings = settings;
        this.problems = problems;
    }

    @PostMapping("/queries")
    ScreeningResult query(@RequestBody QueryForm form) {
        return screening.query(readers.current(), ScreeningInput.query(form.name(), form.dateOfBirth(),
                form.nationality(), form.document(), form.gender(), ScreeningInput.Fields.JSON), form.threshold());
    }

    @PostMapping(value = "/batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> batch(@RequestParam("file") MultipartFile file,
                            @RequestParam(name = "marking", required = false) String marking,
                            @RequestParam(name = "threshold", required = false) Double threshold) throws IOException {
        Reader reader = readers.current();
        Marking m = marking(reader, marking);
        BatchCsv.Rows rows;
        try {
            rows = BatchCsv.read(file.getBytes(), settings.rowLimit());
        } catch (BatchCsv.Invalid invalid) {
            BatchCsv.Problem first = invalid.problems().getFirst();
            ProblemDetail p = problems.problem(HttpStatus.BAD_REQUEST, "invalid-file", invalid.total());
            p.setType(URI.create(org.fusioncell.shared.ProblemDetails.TYPE_BASE + "invalid-input"));
            p.setProperty("field", first.field());
            p.setProperty("line", first.line());
            p.setProperty("errors", invalid.problems());
            p.setProperty("errorCount", invalid.total());
            return problems.answer(HttpStatus.BAD_REQUEST, p);
        }
        ScreeningRun run = screening.screenBatch(reader, file.getOriginalFilename(), rows.lines(), rows.queries(), m,
                threshold);
        return ResponseEntity.created(URI.create("/api/v1/screening/runs/" + run.id()))
                .body(ScreeningViews.RunView.of(run, scheme));
    }

    @PostMapping(value = "/manifests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> manifestFile(@RequestParam("file") MultipartFile file,
                                   @RequestParam(name = "marking", required = false) String marking,
                                   @RequestParam(name = "threshold", required = false) Double threshold)
            throws IOException {
        Reader reader = readers.current();
        return manifests(reader, file.getOriginalFilename(), file.getBytes(), marking(reader, marking), threshold);
    }

    @PostMapping(value = "/manifests", consumes = {"application/edifact", MediaType.APPLICATION_OCTET_STREAM_VALUE,
            MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> manifestBody(HttpServletRequest request,
                                   @RequestParam(name = "threshold", required = false) Double threshold)
            throws IOException {
        return manifests(readers.current(), null, request.getInputStream().readAllBytes(), null, threshold);
    }

    private ResponseEntity<?> manifests(Reader reader, String name, byte[] bytes, Marking marking, Double threshold) {
        List<Manifest> read;
        try {
            // tolerant: carriers often get the envelope's control counts wrong; those become irregularities
            read = PaxlstReader.tolerant().read(bytes);
        } catch (ManifestFormatException e) {
            ProblemDetail p = problems.problem(HttpStatus.BAD_REQUEST, "invalid-manifest", e.getMessage());
            p.setType(URI.create(org.fusioncell.shared.ProblemDetails.TYPE_BASE + "invalid-input"));
            p.setProperty("field", "file");
            p.setProperty("segment", e.segment());
            p.setProperty("tag", e.tag());
            p.setProperty("reason", e.reason());
            return problems.answer(HttpStatus.BAD_REQUEST, p);
        }
        List<ScreeningRun> runs = screening.screenManifests(reader, name, read, marking, threshold);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runs", runs.stream().map(r -> ScreeningViews.RunView.of(r, scheme)).toList());
        body.put("travellers", runs.stream().mapToInt(ScreeningRun::subjects).sum());
        body.put("hits", runs.stream().mapToInt(ScreeningRun::hits).sum());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    /** The marking part of a multipart upload, as JSON like a report's; null when not given. */
    private Marking marking(Reader reader, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        MarkingForm form;
        try {
            form = json.readValue(text, MarkingForm.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("marking", "not a marking in JSON, e.g. {\"classification\":\"RESTRICTED\","
                    + "\"tlp\":\"AMBER\"}");
        }
        return form.toMarking(scheme, vocabulary, reader.organisationId(), reader.userId(), "marking");
    }
}
