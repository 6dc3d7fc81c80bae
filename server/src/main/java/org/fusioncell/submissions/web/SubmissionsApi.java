package org.fusioncell.submissions.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.fusioncell.submissions.Submission;
import org.fusioncell.submissions.SubmissionDraft;
import org.fusioncell.submissions.Submissions;
import org.fusioncell.submissions.Submissions.Reveal;
import org.fusioncell.submissions.Submissions.Step;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/submissions}: civil-society submissions, their triage and the submitter's identity. */
@RestController
@RequestMapping("/api/v1/submissions")
@PreAuthorize("isAuthenticated()")
class SubmissionsApi {

    record TriageForm(String status, String reason) {
    }

    record ReportForm(String title, MarkingForm marking) {
    }

    record RevealForm(String justification) {
    }

    private final Submissions submissions;
    private final Readers readers;

    SubmissionsApi(Submissions submissions, Readers readers) {
        this.submissions = submissions;
        this.readers = readers;
    }

    @PostMapping
    @PreAuthorize("hasRole('CIVIL_SOCIETY_CONTRIBUTOR')")
    ResponseEntity<Submission> submit(@RequestBody SubmissionDraft draft) {
        Submission s = submissions.submit(readers.current(), draft, null);
        return ResponseEntity.created(URI.create("/api/v1/submissions/" + s.id())).body(s);
    }

    @GetMapping
    Page<Submission> list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size) {
        return submissions.list(readers.current(), status(status), PageRequest.of(page, size));
    }

    static Submission.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Submission.Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "one of " + List.of(Submission.Status.values()));
        }
    }

    @GetMapping("/{id}")
    Submission one(@PathVariable String id) {
        return submissions.open(readers.current(), id).orElseThrow(() -> new NotFoundException("submission"));
    }

    @GetMapping("/{id}/attachment")
    ResponseEntity<InputStreamResource> attachment(@PathVariable String id) {
        return file(submissions, readers, id);
    }

    static ResponseEntity<InputStreamResource> file(Submissions submissions, Readers readers, String id) {
        Submission s = submissions.open(readers.current(), id).orElseThrow(() -> new NotFoundException("submission"));
        InputStream in = submissions.attachment(readers.current(), id)
                .orElseThrow(() -> new NotFoundException("attachment"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(s.attachment().mediaType()))
                .header("Content-Disposition", "attachment; filename=\"submission-" + id + "\"")
                .header("X-Content-Type-Options", "nosniff").body(new InputStreamResource(in));
    }

    @PostMapping("/{id}/triage")
    ResponseEntity<?> triage(@PathVariable String id, @RequestBody TriageForm form) {
        return answer(submissions.triage(readers.current(), id, status(form.status()), form.reason()));
    }

    @PostMapping("/{id}/report")
    ResponseEntity<?> report(@PathVariable String id, @RequestBody(required = false) ReportForm form) {
        return answer(submissions.turnIntoReport(readers.current(), id, form == null ? null : form.title(),
                form == null ? null : form.marking()));
    }

    @PostMapping("/{id}/identity")
    ResponseEntity<?> identity(@PathVariable String id, @RequestBody RevealForm form) {
        return switch (submissions.reveal(readers.current(), id, form.justification())) {
            case Reveal.Revealed r -> ResponseEntity.ok(r.identity());
            case Reveal.NotAllowed n -> problem(HttpStatus.FORBIDDEN, "not-identity-role",
                    "Only the designated role of the cell the submission was sent to sees who sent it.");
            case Reveal.Unknown u -> throw new NotFoundException("submission");
        };
    }

    static ResponseEntity<?> answer(Step step) {
        return switch (step) {
            case Step.Done d -> ResponseEntity.ok(d.submission());
            case Step.Unknown u -> throw new NotFoundException("submission");
            case Step.Refused r -> problem(HttpStatus.CONFLICT, r.code(), r.detail());
        };
    }

    private static ResponseEntity<?> problem(HttpStatus status, String type, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.problem(status, type, status.getReasonPhrase(), detail));
    }

    static SubmissionDraft.Upload upload(org.springframework.web.multipart.MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return new SubmissionDraft.Upload(file.getOriginalFilename(), file.getSize(), file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
