package org.fusioncell.monitoring.incidents.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.incidents.internal.IncidentImport;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/v1/incidents/import}: multipart {@code file} (CSV), {@code mapping} (JSON, as a text field
 * or a file) or {@code preset} ({@code ucdp-ged}), optional {@code marking} (JSON, like a report's; default the
 * lowest level, TLP:AMBER, owned by the caller's organisation). All or nothing.
 */
@RestController
class IncidentImportApi {

    private final IncidentImport imports;
    private final ImportRequests requests;
    private final Readers readers;

    IncidentImportApi(IncidentImport imports, ImportRequests requests, Readers readers) {
        this.imports = imports;
        this.requests = requests;
        this.readers = readers;
    }

    @PostMapping(value = "/api/v1/incidents/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(MultipartHttpServletRequest request) throws IOException {
        var reader = readers.current();
        MultipartFile file = request.getFile("file");
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "is required");
        }
        var mapping = requests.mapping(request.getFile("mapping"), request.getParameter("mapping"),
                request.getParameter("preset"));
        var marking = requests.marking(request.getParameter("marking"), reader);
        IncidentImport.Outcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = imports.run(reader, in, mapping, marking);
        }
        return switch (outcome) {
            case IncidentImport.Imported done -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("importId", done.importId());
                body.put("imported", done.imported());
                body.put("duplicates", done.duplicates());
                yield ResponseEntity.status(HttpStatus.CREATED).body(body);
            }
            case IncidentImport.Invalid invalid -> {
                var first = invalid.problems().getFirst();
                ProblemDetail p = ProblemDetails.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                        invalid.total() + " problem(s) in the file; nothing was written.");
                p.setProperty("field", first.field());
                p.setProperty("errors", invalid.problems());
                p.setProperty("errorCount", invalid.total());
                p.setProperty("errorsNotListed", invalid.total() - invalid.problems().size());
                yield ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
            }
        };
    }
}
