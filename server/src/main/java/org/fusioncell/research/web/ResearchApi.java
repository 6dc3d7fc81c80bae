package org.fusioncell.research.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.fusioncell.identity.Readers;
import org.fusioncell.research.ResearchAccess;
import org.fusioncell.research.ResearchAccess.Outcome;
import org.fusioncell.research.ResearchExport;
import org.fusioncell.research.ResearchRequest;
import org.fusioncell.research.ResearchRequestDraft;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/research}: research requests, their decisions and exports (docs/research.md). */
@RestController
@RequestMapping("/api/v1/research")
@PreAuthorize("isAuthenticated()")
class ResearchApi {

    record DecisionForm(String decision, String conditions, String reason) {
    }

    private final ResearchAccess research;
    private final Readers readers;

    ResearchApi(ResearchAccess research, Readers readers) {
        this.research = research;
        this.readers = readers;
    }

    @GetMapping("/datasets")
    Map<String, Object> datasets() {
        return ResearchView.datasets();
    }

    @PostMapping("/requests")
    @PreAuthorize("hasRole('RESEARCHER')")
    ResponseEntity<?> create(@RequestBody ResearchRequestDraft draft) {
        ResearchRequest r = research.request(readers.current(), draft);
        return ResponseEntity.created(URI.create("/api/v1/research/requests/" + r.id())).body(r);
    }

    @GetMapping("/requests")
    Page<ResearchRequest> list(@RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return research.list(readers.current(), PageRequest.of(page, size));
    }

    @GetMapping("/requests/{id}")
    ResearchRequest one(@PathVariable String id) {
        return research.open(readers.current(), id).orElseThrow(() -> new NotFoundException("research request"));
    }

    @PostMapping(value = "/requests/{id}/ethics-document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResearchRequest ethicsDocument(@PathVariable String id, @RequestPart(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "required: the ethics approval document (PDF, PNG or JPEG)");
        }
        try {
            return research.attachEthicsDocument(readers.current(), id, file.getInputStream())
                    .orElseThrow(() -> new NotFoundException("research request"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/requests/{id}/decision")
    ResponseEntity<?> decide(@PathVariable String id, @RequestBody DecisionForm form) {
        boolean approve = approve(form.decision());
        return answer(research.decide(readers.current(), id, approve, approve ? form.conditions() : form.reason()));
    }

    static boolean approve(String decision) {
        if ("APPROVE".equalsIgnoreCase(decision == null ? "" : decision.strip())) {
            return true;
        }
        if ("REFUSE".equalsIgnoreCase(decision == null ? "" : decision.strip())) {
            return false;
        }
        throw new InvalidInputException("decision", "one of APPROVE, REFUSE");
    }

    static ResponseEntity<?> answer(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Decided d -> ResponseEntity.ok(d.request());
            case Outcome.Unknown u -> throw new NotFoundException("research request");
            case Outcome.NotApprover n -> problem(HttpStatus.FORBIDDEN, "not-approver",
                    "Only an approver of the cell the request was sent to decides it.");
            case Outcome.AlreadyDecided a -> problem(HttpStatus.CONFLICT, "already-decided",
                    "The request was already decided: " + a.status() + ".");
        };
    }

    private static ResponseEntity<?> problem(HttpStatus status, String type, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.problem(status, type, status.getReasonPhrase(), detail));
    }

    @GetMapping("/requests/{id}/exports")
    Map<String, List<ResearchExport>> exports(@PathVariable String id) {
        if (research.open(readers.current(), id).isEmpty()) {
            throw new NotFoundException("research request");
        }
        return Map.of("items", research.exports(readers.current(), id));
    }

    @GetMapping(value = "/requests/{id}/exports/{exportId}.csv", produces = "text/csv")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String exportId) {
        return file(research.download(readers.current(), id, exportId)
                .orElseThrow(() -> new NotFoundException("research export")));
    }

    static ResponseEntity<byte[]> file(ResearchExport.File f) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + f.fileName() + "\"")
                .header("X-Content-SHA256", f.export().sha256()).body(f.content());
    }
}
