package org.fusioncell.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.Attachment;
import org.fusioncell.intake.AttachmentTooLargeException;
import org.fusioncell.intake.Attachments;
import org.fusioncell.intake.Disclosure;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.core.io.FileSystemResource;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/** Attachments of a report: upload (multipart {@code file}), list, download — through the report's access. */
@RestController
@RequestMapping("/api/v1/reports/{id}/attachments")
class ReportAttachmentsApi {

    private final Attachments attachments;
    private final Readers readers;
    private final Refusals refusals;

    ReportAttachmentsApi(Attachments attachments, Readers readers, Refusals refusals) {
        this.attachments = attachments;
        this.readers = readers;
        this.refusals = refusals;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportView.AttachmentView> attach(@PathVariable String id,
                                                     @RequestPart(name = "file", required = false) MultipartFile file) {
        Attachment a = store(attachments, readers, id, file);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + id + "/attachments/" + a.id()))
                .body(ReportView.AttachmentView.of(a));
    }

    static Attachment store(Attachments attachments, Readers readers, String id, MultipartFile file) {
        if (file == null) {
            throw new InvalidInputException("file", "is required (multipart part named file)");
        }
        try (InputStream in = file.getInputStream()) {
            return attachments.attach(readers.current(), id, file.getOriginalFilename(), file.getContentType(), in)
                    .orElseThrow(() -> new NotFoundException("report"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping
    ResponseEntity<?> list(@PathVariable String id,
                           @RequestHeader(name = ReportsApi.JUSTIFICATION_HEADER, required = false) String why) {
        return switch (attachments.list(readers.current(), id, why)) {
            case Disclosure.Granted<List<Attachment>> g -> ResponseEntity.ok(new ReportView.AttachmentList(id,
                    g.value().stream().map(ReportView.AttachmentView::of).toList()));
            case Disclosure.Refused<List<Attachment>> r -> refusals.answer(r.refusal());
        };
    }

    @GetMapping("/{attachmentId}")
    ResponseEntity<?> download(@PathVariable String id, @PathVariable String attachmentId,
                               @RequestHeader(name = ReportsApi.JUSTIFICATION_HEADER, required = false) String why) {
        return switch (attachments.open(readers.current(), id, attachmentId, why)) {
            case Disclosure.Granted<Attachments.Content> g -> fileResponse(g.value());
            case Disclosure.Refused<Attachments.Content> r -> refusals.answer(r.refusal());
        };
    }

    static ResponseEntity<?> fileResponse(Attachments.Content content) {
        Attachment a = content.attachment();
        if (!Files.isReadable(content.file())) {
            throw new IllegalStateException("attachment content missing for " + a.id());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.mediaType()))
                .contentLength(a.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.displayName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .eTag("\"" + a.sha256() + "\"")
                .body(new FileSystemResource(content.file()));
    }

    @ExceptionHandler(AttachmentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLargeProblem(e.limitBytes()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLargeProblem(e.getMaxUploadSize()));
    }

    /** Tomcat refuses some names (NUL) and malformed bodies while parsing: still bad input naming the file. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadable(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException max) {
            return tooLargeProblem(max.getMaxUploadSize());
        }
        return ProblemDetails.invalid("file", "the upload could not be read (malformed body or file name)");
    }

    static ProblemDetail tooLargeProblem(long limit) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.CONTENT_TOO_LARGE, "attachment-too-large",
                "Attachment too large", "file: larger than the limit of " + limit + " bytes; nothing was stored.");
        p.setProperty("field", "file");
        p.setProperty("limitBytes", limit);
        return p;
    }
}
