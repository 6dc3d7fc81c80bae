package org.fusioncell.intake.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.internal.ReportImportMapping;
import org.fusioncell.shared.ProblemDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/reports/import}: a JSON lines or CSV file, checked whole before anything is
 * written, then stored in one transaction. Multipart uploads are bounded by
 * {@code spring.servlet.multipart.*}, an {@code application/x-ndjson} body by {@code fusioncell.api.max-body-bytes}.
 */
@RestController
@RequestMapping("/api/v1/reports/import")
class ImportApi {

    private static final Logger log = LoggerFactory.getLogger(ImportApi.class);

    private final ImportApiForms forms;
    private final Readers readers;

    ImportApi(ImportApiForms forms, Readers readers) {
        this.forms = forms;
        this.readers = readers;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@RequestParam("file") MultipartFile file,
                             @RequestParam(name = "mapping", required = false) MultipartFile mapping) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return answer(forms.run(readers.current(), in, ImportApiForms.formatOf(file.getOriginalFilename(),
                    file.getContentType()), mapping == null ? null : mapping.getBytes()));
        }
    }

    @PostMapping(consumes = "application/x-ndjson")
    ResponseEntity<?> jsonLines(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return answer(forms.run(readers.current(), in, ReportImportMapping.Format.JSONL, null));
        }
    }

    private static ResponseEntity<?> answer(ImportApiForms.Outcome outcome) {
        return switch (outcome) {
            case ImportApiForms.Imported done -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("importId", done.importId());
                body.put("imported", done.reportIds().size());
                body.put("ids", done.reportIds());
                yield ResponseEntity.status(HttpStatus.CREATED).body(body);
            }
            case ImportApiForms.Invalid invalid -> {
                var first = invalid.errors().getFirst();
                ProblemDetail p = ProblemDetails.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                        invalid.total() + " problem(s) in the file; nothing was written.");
                p.setProperty("field", first.field());
                p.setProperty("errors", invalid.errors());
                p.setProperty("errorCount", invalid.total());
                p.setProperty("errorsNotListed", invalid.total() - invalid.errors().size());
                yield ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
            }
            case ImportApiForms.Refused refused -> {
                log.warn("Import refused by the store at line {}; rolled back", refused.line());
                ProblemDetail p = ProblemDetails.problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-refused",
                        "Import refused by the store", "The store refused the report of line " + refused.line()
                                + "; nothing was written.");
                p.setProperty("line", refused.line());
                yield ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
            }
        };
    }
}
