package org.fusioncell.exchange.packages.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fusioncell.exchange.packages.OfflinePackages;
import org.fusioncell.exchange.packages.PackageSummary;
import org.fusioncell.exchange.packages.PackageTooLargeException;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/exchange/packages}: offline packages for partner cells (docs/packages.md, openapi/packages.yaml). */
@RestController
@RequestMapping("/api/v1/exchange/packages")
class PackagesApi {

    record ExportForm(String partnerId, String collectionId, String since) {
    }

    private final OfflinePackages packages;
    private final Readers readers;

    PackagesApi(OfflinePackages packages, Readers readers) {
        this.packages = packages;
        this.readers = readers;
    }

    @GetMapping("/public-key")
    Map<String, String> publicKey() {
        OfflinePackages.InstallationKey key = packages.installationKey();
        return Map.of("algorithm", "Ed25519", "publicKey", key.publicKey(), "fingerprint", key.fingerprint());
    }

    @GetMapping
    Page<PackageSummary> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return packages.list(readers.current(), PageRequest.of(page, size));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> export(@RequestBody ExportForm form) {
        return switch (packages.export(readers.current(),
                new OfflinePackages.ExportRequest(form.partnerId(), form.collectionId(), form.since()))) {
            case OfflinePackages.Built b -> download(b);
            case OfflinePackages.Refused r -> refused(r);
        };
    }

    static ResponseEntity<byte[]> download(OfflinePackages.Built b) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(b.fileName()).build()
                        .toString())
                .header("X-FusionCell-Package-Id", b.summary().id())
                .header("X-FusionCell-Package-Objects", String.valueOf(b.summary().objects()))
                .body(b.file());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@RequestParam String partner, @RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > Integer.MAX_VALUE - 16) {
            throw new PackageTooLargeException("package", "too large", Integer.MAX_VALUE);
        }
        return imported(packages.importPackage(readers.current(), partner, file.getBytes()));
    }

    /** The ZIP as the raw body ({@code application/zip} or {@code application/octet-stream}). */
    @PostMapping(path = "/import", consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<?> raw(@RequestParam String partner, HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return imported(packages.importPackage(readers.current(), partner, in.readAllBytes()));
        }
    }

    private static ResponseEntity<?> imported(OfflinePackages.Import outcome) {
        return switch (outcome) {
            case OfflinePackages.Imported i -> ResponseEntity.status(HttpStatus.CREATED).body(answer("imported", i.summary()));
            case OfflinePackages.AlreadyImported a -> ResponseEntity.ok(answer("already-imported", a.previous()));
            case OfflinePackages.Refused r -> refused(r);
        };
    }

    private static Map<String, Object> answer(String status, PackageSummary summary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("package", summary);
        return body;
    }

    private static ResponseEntity<ProblemDetail> refused(OfflinePackages.Refused r) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.problem(HttpStatus.FORBIDDEN, r.code(), "Not allowed", r.detail()));
    }

    @ExceptionHandler(PackageTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PackageTooLargeException e) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.CONTENT_TOO_LARGE, "package-too-large", "Package too large",
                e.getMessage());
        p.setProperty("field", e.field());
        p.setProperty("limit", e.limit());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
