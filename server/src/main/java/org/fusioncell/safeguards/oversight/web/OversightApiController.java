package org.fusioncell.safeguards.oversight.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.safeguards.oversight.AccessReview;
import org.fusioncell.safeguards.oversight.Explanations;
import org.fusioncell.safeguards.oversight.Finding;
import org.fusioncell.safeguards.oversight.FindingDecision;
import org.fusioncell.safeguards.oversight.FindingState;
import org.fusioncell.safeguards.oversight.FindingStep;
import org.fusioncell.safeguards.oversight.OversightReports;
import org.fusioncell.safeguards.oversight.ReportFormat;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.ContentDisposition;
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

/**
 * The oversight API (openapi/oversight.yaml): findings of the access-pattern review for auditors; the oversight
 * report for auditors and the data-protection officer, as a file whose SHA-256 is in the response header
 * {@code X-FusionCell-SHA256} and in the audit log.
 */
@RestController
@RequestMapping("/api/v1/oversight")
class OversightApiController {

    static final String HASH_HEADER = "X-FusionCell-SHA256";

    private final AccessReview review;
    private final OversightReports reports;
    private final Explanations explanations;

    OversightApiController(AccessReview review, OversightReports reports, Explanations explanations) {
        this.review = review;
        this.reports = reports;
        this.explanations = explanations;
    }

    record Decision(String decision, String reason) {
    }

    @GetMapping("/findings")
    @PreAuthorize("hasRole('AUDITOR')")
    public Page<Map<String, Object>> findings(@RequestParam(required = false) String state,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size, Locale locale) {
        FindingState filter = state == null || state.isBlank() ? null : parse(FindingState.class, "state", state);
        return review.findings(Overseer.current(), filter, PageRequest.of(page, size)).map(f -> body(f, locale));
    }

    @GetMapping("/findings/{id}")
    @PreAuthorize("hasRole('AUDITOR')")
    public Map<String, Object> finding(@PathVariable String id, Locale locale) {
        return review.finding(Overseer.current(), id).map(f -> body(f, locale))
                .orElseThrow(() -> new NotFoundException("finding"));
    }

    @PostMapping("/findings/{id}/decision")
    @PreAuthorize("hasRole('AUDITOR')")
    public ResponseEntity<Map<String, Object>> decide(@PathVariable String id, @RequestBody Decision decision,
                                                      Locale locale) {
        if (decision == null || decision.decision() == null) {
            throw new InvalidInputException("decision", "is required: ACKNOWLEDGE, DISMISS or ESCALATE");
        }
        FindingStep step = review.decide(Overseer.current(), id,
                parse(FindingDecision.class, "decision", decision.decision()), decision.reason());
        return switch (step) {
            case FindingStep.Done done -> ResponseEntity.ok(body(done.finding(), locale));
            case FindingStep.Unknown unknown -> throw new NotFoundException("finding");
            case FindingStep.AlreadyDecided decided -> ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(body(decided.finding(), locale));
        };
    }

    @GetMapping("/report")
    @PreAuthorize("hasAnyRole('AUDITOR', 'DATA_PROTECTION_OFFICER')")
    public ResponseEntity<byte[]> report(@RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String language,
                                         @RequestParam(required = false) String format) {
        ReportFormat f = ReportFormat.parse(format == null ? "csv" : format)
                .orElseThrow(() -> new InvalidInputException("format", "must be one of html, pdf, csv"));
        OversightReports.Rendered r = reports.run(Overseer.current(), Overseer.start("from", from),
                Overseer.end("to", to), language == null ? null : Locale.forLanguageTag(language), f);
        return file(r);
    }

    static ResponseEntity<byte[]> file(OversightReports.Rendered r) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(r.format().contentType()))
                .header("Content-Disposition", ContentDisposition.attachment().filename(r.fileName()).build()
                        .toString())
                .header(HASH_HEADER, r.sha256()).body(r.document());
    }

    private Map<String, Object> body(Finding f, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("rule", f.rule().name());
        m.put("userId", f.userId());
        m.put("organisationId", f.organisationId());
        m.put("windowStart", f.windowStart());
        m.put("windowEnd", f.windowEnd());
        m.put("observed", f.observed());
        m.put("threshold", f.threshold());
        m.put("objects", f.objects());
        m.put("objectThreshold", f.objectThreshold());
        m.put("evidence", f.evidence());
        m.put("detail", f.detail());
        m.put("explanation", explanations.explain(f, locale, review.zone()));
        m.put("state", f.state().name());
        m.put("decidedBy", f.decidedBy());
        m.put("decidedAt", f.decidedAt());
        m.put("decisionReason", f.decisionReason());
        m.put("createdAt", f.createdAt());
        return m;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
