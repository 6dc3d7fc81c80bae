package org.fusioncell.cases.evidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.CaseAccess;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.Cases;
import org.fusioncell.cases.evidence.Evidence;
import org.fusioncell.cases.evidence.EvidencePackage;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.AttachmentTooLargeException;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/cases/{id}/evidence…}: evidence items, their custody, verification and the package (docs/evidence.md). */
@RestController
@RequestMapping("/api/v1/cases/{id}")
class EvidenceApi {

    /** Conflicts with the item's state rather than the caller's rights. */
    private static final Set<String> STATE = Set.of("transfer-pending", "no-transfer-pending", "disposed",
            "chain-broken");

    private final Evidence evidence;
    private final Cases cases;
    private final Readers readers;

    EvidenceApi(Evidence evidence, Cases cases, Readers readers) {
        this.evidence = evidence;
        this.cases = cases;
        this.readers = readers;
    }

    @GetMapping("/evidence")
    ResponseEntity<?> list(@PathVariable String id) {
        Reader reader = readers.current();
        return evidence.items(reader, id).<ResponseEntity<?>>map(items -> ResponseEntity.ok(Map.of("caseId", id,
                "items", items))).orElseGet(() -> unknown(reader, id));
    }

    @PostMapping(path = "/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@PathVariable String id, @RequestBody Evidence.Intake intake) {
        Reader reader = readers.current();
        if (intake != null && "FILE".equalsIgnoreCase(String.valueOf(intake.kind()).strip())) {
            throw new InvalidInputException("kind", "a FILE is uploaded as multipart to /evidence/files");
        }
        return answer(reader, id, evidence.receive(reader, id, intake, null), i -> ResponseEntity
                .created(URI.create("/api/v1/cases/" + id + "/evidence/" + i.id())).body(i));
    }

    @PostMapping(path = "/evidence/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> receiveFile(@PathVariable String id,
                                  @RequestPart(name = "file", required = false) MultipartFile file,
                                  @RequestParam(required = false) String title,
                                  @RequestParam(required = false) String description,
                                  @RequestParam(required = false) String sha256,
                                  @RequestParam(required = false) String occurredAt,
                                  @RequestParam(required = false) String place,
                                  @RequestParam(required = false) String why) {
        Reader reader = readers.current();
        if (file == null) {
            throw new InvalidInputException("file", "required (multipart part named file): evidence without"
                    + " content has no hash");
        }
        try (InputStream in = file.getInputStream()) {
            Evidence.Intake intake = new Evidence.Intake("FILE", title, description, null, null, null, null, sha256,
                    file.getOriginalFilename(), file.getContentType(), occurredAt, place, why);
            return answer(reader, id, evidence.receive(reader, id, intake, in), i -> ResponseEntity
                    .created(URI.create("/api/v1/cases/" + id + "/evidence/" + i.id())).body(i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/evidence/{itemId}")
    ResponseEntity<?> item(@PathVariable String id, @PathVariable String itemId) {
        Reader reader = readers.current();
        return answer(reader, id, evidence.item(reader, id, itemId), ResponseEntity::ok);
    }

    @GetMapping("/evidence/{itemId}/custody")
    ResponseEntity<?> custody(@PathVariable String id, @PathVariable String itemId) {
        Reader reader = readers.current();
        return answer(reader, id, evidence.custody(reader, id, itemId),
                events -> ResponseEntity.ok(Map.of("itemId", itemId, "events", events)));
    }

    @PostMapping("/evidence/{itemId}/custody")
    ResponseEntity<?> record(@PathVariable String id, @PathVariable String itemId,
                             @RequestBody Evidence.EventDraft draft) {
        Reader reader = readers.current();
        return answer(reader, id, evidence.record(reader, id, itemId, draft),
                e -> ResponseEntity.status(HttpStatus.CREATED).body(e));
    }

    @GetMapping("/evidence/{itemId}/content")
    ResponseEntity<?> content(@PathVariable String id, @PathVariable String itemId) {
        Reader reader = readers.current();
        return answer(reader, id, evidence.content(reader, id, itemId), c -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InputStreamResource(c.in())));
    }

    @GetMapping("/evidence-verification")
    ResponseEntity<?> verify(@PathVariable String id) {
        Reader reader = readers.current();
        return answer(reader, id, evidence.verify(reader, id), ResponseEntity::ok);
    }

    @GetMapping("/evidence-package")
    ResponseEntity<?> exportPackage(@PathVariable String id) {
        Reader reader = readers.current();
        return answer(reader, id, evidence.exportPackage(reader, id), (EvidencePackage p) -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(p.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Manifest-SHA256", p.manifestSha256())
                .body(p.file()));
    }

    // ---------------------------------------------------------------------------------------------- outcomes

    private <T> ResponseEntity<?> answer(Reader reader, String id, CaseStep<T> step,
                                         Function<T, ResponseEntity<?>> done) {
        return switch (step) {
            case CaseStep.Done<T> d -> done.apply(d.value());
            case CaseStep.Unknown<T> u -> unknown(reader, id);
            case CaseStep.Stale<T> s -> problem(HttpStatus.CONFLICT, "stale-version", "Stale version",
                    "The case changed; reload it.");
            case CaseStep.WrongState<T> w -> problem(HttpStatus.CONFLICT, "wrong-state", "Not in this state",
                    "This step does not apply while the case is " + w.state() + ".");
            case CaseStep.Refused<T> r -> problem(STATE.contains(r.code()) ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN,
                    r.code(), "Not allowed", r.detail());
        };
    }

    /** The case's own answer: 403 existence-only for a participant the marking withholds it from, else 404. */
    private ResponseEntity<?> unknown(Reader reader, String id) {
        if (cases.find(reader, id) instanceof CaseAccess.KnownToExist) {
            return problem(HttpStatus.FORBIDDEN, "existence-only", "Held by another organisation",
                    "The case's marking withholds its content from you.");
        }
        throw new NotFoundException("case");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.problem(status, type, title, detail));
    }

    @ExceptionHandler(AttachmentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException e) {
        ProblemDetail p = ProblemDetails.invalid("file", "larger than " + e.limitBytes() + " bytes");
        p.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
