package org.fusioncell.referrals.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.AttachmentTooLargeException;
import org.fusioncell.referrals.Drafts;
import org.fusioncell.referrals.InclusionCategory;
import org.fusioncell.referrals.Referrals;
import org.fusioncell.referrals.ReferralState;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/referrals}: the cell's side — online content, its assessment, referrals, re-checks, appeal
 * decisions and the transparency report (docs/referrals.md). For analysts and supervisors; what each may see is
 * decided by the content's marking.
 */
@RestController
@RequestMapping("/api/v1/referrals")
@PreAuthorize("hasAnyRole('ANALYST', 'SUPERVISOR')")
class ReferralsApi {

    private final Referrals referrals;
    private final Readers readers;
    private final ClassificationScheme scheme;
    private final TransparencyExports exports;

    ReferralsApi(Referrals referrals, Readers readers, ClassificationScheme scheme, TransparencyExports exports) {
        this.referrals = referrals;
        this.readers = readers;
        this.scheme = scheme;
        this.exports = exports;
    }

    @GetMapping("/policy")
    Map<String, List<InclusionCategory>> policy() {
        return Map.of("categories", referrals.policy());
    }

    @PostMapping("/content")
    ResponseEntity<?> record(@RequestBody Drafts.ContentDraft draft) {
        return ReferralAnswers.step(referrals.record(readers.current(), draft, List.of()), "content",
                c -> ResponseEntity.created(URI.create("/api/v1/referrals/content/" + c.id()))
                        .body(ReferralViews.content(c, List.of(), scheme)));
    }

    @GetMapping("/content")
    Page<ReferralViews.ContentView> list(@RequestParam(required = false) String platform,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return referrals.list(readers.current(), platform, PageRequest.of(page, size))
                .map(c -> ReferralViews.content(c, List.of(), scheme));
    }

    @GetMapping("/content/count")
    Map<String, Long> count(@RequestParam(required = false) String platform) {
        return Map.of("count", referrals.count(readers.current(), platform));
    }

    @GetMapping("/content/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        return ReferralAnswers.opened(referrals.find(readers.current(), id), scheme,
                o -> ResponseEntity.ok(ReferralViews.content(o.content(), o.referrals(), scheme)));
    }

    @PostMapping(value = "/content/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> addFile(@PathVariable String id,
                              @RequestPart(name = "file", required = false) MultipartFile file) {
        if (file == null) {
            throw new InvalidInputException("file", "is required (multipart part named file)");
        }
        try (InputStream in = file.getInputStream()) {
            return ReferralAnswers.step(referrals.addFile(readers.current(), id, new Referrals.Upload(
                    file.getOriginalFilename(), file.getContentType(), in)), "content", f -> ResponseEntity
                    .created(URI.create("/api/v1/referrals/content/" + id + "/files/" + f.id())).body(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/content/{id}/files/{fileId}")
    ResponseEntity<?> file(@PathVariable String id, @PathVariable String fileId) {
        Referrals.FileContent f = referrals.file(readers.current(), id, fileId)
                .orElseThrow(() -> new NotFoundException("file"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.file().mediaType()))
                .contentLength(f.file().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.file().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InputStreamResource(f.content()));
    }

    @PostMapping("/content/{id}/assessment")
    ResponseEntity<?> assess(@PathVariable String id, @RequestBody Drafts.AssessmentDraft draft) {
        return ReferralAnswers.step(referrals.assess(readers.current(), id, draft), "content",
                c -> ResponseEntity.ok(ReferralViews.content(c, List.of(), scheme)));
    }

    @PostMapping("/content/{id}/referrals")
    ResponseEntity<?> refer(@PathVariable String id, @RequestBody Drafts.ReferralDraft draft) {
        return ReferralAnswers.step(referrals.refer(readers.current(), id, draft), "content",
                r -> ResponseEntity.created(URI.create("/api/v1/referrals/" + r.id())).body(ReferralViews.referral(r)));
    }

    @GetMapping
    Page<ReferralViews.ReferralView> referrals(@RequestParam(required = false) String state,
                                               @RequestParam(required = false) String platform,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return referrals.referrals(readers.current(), state(state), platform, PageRequest.of(page, size))
                .map(ReferralViews::referral);
    }

    static ReferralState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ReferralState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "one of " + List.of(ReferralState.values()));
        }
    }

    @GetMapping("/{id}")
    ResponseEntity<?> referral(@PathVariable String id) {
        return ReferralAnswers.opened(referrals.referral(readers.current(), id), scheme,
                o -> ResponseEntity.ok(ReferralViews.content(o.content(), o.referrals(), scheme)));
    }

    @PostMapping("/{id}/rechecks")
    ResponseEntity<?> recheck(@PathVariable String id, @RequestBody Drafts.RecheckDraft draft) {
        return ReferralAnswers.step(referrals.recheck(readers.current(), id, draft), "referral",
                r -> ResponseEntity.ok(ReferralViews.referral(r)));
    }

    @PostMapping("/{id}/appeal-decision")
    ResponseEntity<?> decide(@PathVariable String id, @RequestBody Drafts.AppealDecisionDraft draft) {
        return ReferralAnswers.step(referrals.decideAppeal(readers.current(), id, draft), "referral",
                r -> ResponseEntity.ok(ReferralViews.referral(r)));
    }

    @GetMapping("/transparency")
    ResponseEntity<?> transparency(@RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to) {
        return ResponseEntity.ok(exports.report(from, to));
    }

    @GetMapping(value = "/transparency.csv", produces = "text/csv")
    ResponseEntity<?> transparencyCsv(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String lang) {
        return exports.csv(from, to, lang);
    }

    @GetMapping(value = "/transparency.pdf", produces = "application/pdf")
    ResponseEntity<?> transparencyPdf(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String lang) {
        return exports.pdf(from, to, lang);
    }

    @ExceptionHandler(AttachmentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ReferralAnswers.tooLarge(e.limitBytes()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ReferralAnswers.tooLarge(e.getMaxUploadSize()));
    }
}
