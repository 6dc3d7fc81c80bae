package org.fusioncell.assessment.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentDraft;
import org.fusioncell.assessment.AssessmentState;
import org.fusioncell.assessment.AssessmentSummary;
import org.fusioncell.assessment.Assessments;
import org.fusioncell.assessment.AssessmentVocabulary;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.assessment.Receipt;
import org.fusioncell.assessment.ReceivedProduct;
import org.fusioncell.assessment.ReviewComment;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/assessments}: products, their workflow, recipients; {@code /api/v1/products/received}: the inbox. */
@RestController
@RequestMapping("/api/v1")
class AssessmentsApi {

    record TextForm(String text, String portion) {
    }

    record NoteForm(String note) {
    }

    record ReasonForm(String reason) {
    }

    record RecipientsForm(List<String> userIds, List<String> organisationIds) {
    }

    record FeedbackForm(String feedback, String note) {
    }

    record WatchForm(Integer indicator, Map<String, Object> criterion) {
    }

    private final Assessments assessments;
    private final AssessmentVocabulary vocabulary;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    AssessmentsApi(Assessments assessments, AssessmentVocabulary vocabulary, Readers readers, Organisations organisations,
                   ClassificationScheme scheme) {
        this.assessments = assessments;
        this.vocabulary = vocabulary;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    @PostMapping("/assessments")
    ResponseEntity<AssessmentView> draft(@RequestBody AssessmentDraft draft) {
        Assessment a = assessments.draft(readers.current(), draft);
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + a.id())).eTag("\"" + a.version() + "\"")
                .body(AssessmentView.of(a, scheme));
    }

    @GetMapping("/assessments")
    Page<AssessmentSummary> list(@RequestParam(required = false) String state, @RequestParam(required = false) String type,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return assessments.list(readers.current(), state(state), type(type), PageRequest.of(page, size));
    }

    @GetMapping("/assessments/count")
    Map<String, Long> count(@RequestParam(required = false) String state, @RequestParam(required = false) String type) {
        return Map.of("count", assessments.count(readers.current(), state(state), type(type)));
    }

    @GetMapping("/assessments/vocabulary")
    Map<String, Object> vocabulary() {
        return Map.of("yardstick", vocabulary.yardstick(), "likelihoods", vocabulary.likelihoods(),
                "impacts", vocabulary.impacts(), "levels", vocabulary.levels(),
                "matrix", vocabulary.likelihoods().stream().map(l -> vocabulary.impacts().stream()
                        .map(i -> vocabulary.level(l, i).orElseThrow()).toList()).toList());
    }

    @GetMapping("/assessments/{id}")
    ResponseEntity<?> open(@PathVariable String id) {
        return StepAnswers.opened(assessments.open(readers.current(), id), scheme, organisations);
    }

    @PutMapping("/assessments/{id}")
    ResponseEntity<?> revise(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                             @RequestBody AssessmentDraft draft) {
        return StepAnswers.answer(assessments.revise(readers.current(), id, version(ifMatch), draft), scheme);
    }

    @GetMapping("/assessments/{id}/versions")
    List<AssessmentView> versions(@PathVariable String id) {
        return assessments.versions(readers.current(), id).orElseThrow(() -> new NotFoundException("assessment"))
                .stream().map(a -> AssessmentView.of(a, scheme)).toList();
    }

    @PostMapping("/assessments/{id}/submit")
    ResponseEntity<?> submit(@PathVariable String id) {
        return StepAnswers.answer(assessments.submit(readers.current(), id), scheme);
    }

    @GetMapping("/assessments/{id}/comments")
    List<ReviewComment> comments(@PathVariable String id) {
        return assessments.comments(readers.current(), id).orElseThrow(() -> new NotFoundException("assessment"));
    }

    @PostMapping("/assessments/{id}/comments")
    ResponseEntity<?> comment(@PathVariable String id, @RequestBody TextForm form) {
        return StepAnswers.answer(assessments.comment(readers.current(), id, form.text(), form.portion()), scheme);
    }

    @PostMapping("/assessments/{id}/send-back")
    ResponseEntity<?> sendBack(@PathVariable String id, @RequestBody(required = false) ReasonForm form) {
        return StepAnswers.answer(assessments.sendBack(readers.current(), id, form == null ? null : form.reason()), scheme);
    }

    @PostMapping("/assessments/{id}/approve")
    ResponseEntity<?> approve(@PathVariable String id, @RequestBody(required = false) NoteForm form) {
        return StepAnswers.answer(assessments.approve(readers.current(), id, form == null ? null : form.note()), scheme);
    }

    @PostMapping("/assessments/{id}/disseminate")
    ResponseEntity<?> disseminate(@PathVariable String id, @RequestBody RecipientsForm form) {
        return StepAnswers.answer(assessments.disseminate(readers.current(), id, form.userIds(), form.organisationIds()),
                scheme);
    }

    @PostMapping("/assessments/{id}/withdraw")
    ResponseEntity<?> withdraw(@PathVariable String id, @RequestBody(required = false) ReasonForm form) {
        return StepAnswers.answer(assessments.withdraw(readers.current(), id, form == null ? null : form.reason()), scheme);
    }

    @PostMapping("/assessments/{id}/sanitise")
    ResponseEntity<?> sanitise(@PathVariable String id, @RequestBody AssessmentDraft draft) {
        ResponseEntity<?> answer = StepAnswers.answer(assessments.sanitise(readers.current(), id, draft), scheme);
        if (answer.getBody() instanceof AssessmentView created) {
            return ResponseEntity.created(URI.create("/api/v1/assessments/" + created.id())).body(created);
        }
        return answer;
    }

    @PostMapping("/assessments/{id}/originator-approval")
    ResponseEntity<?> approveAsOriginator(@PathVariable String id, @RequestBody(required = false) NoteForm form) {
        return StepAnswers.answer(assessments.approveAsOriginator(readers.current(), id,
                form == null ? null : form.note()), scheme);
    }

    @GetMapping("/assessments/{id}/originator-approvals")
    Map<String, List<String>> pendingOriginators(@PathVariable String id) {
        return Map.of("pending", assessments.pendingOriginators(readers.current(), id)
                .orElseThrow(() -> new NotFoundException("assessment")));
    }

    @GetMapping("/assessments/{id}/receipts")
    List<Receipt> receipts(@PathVariable String id) {
        return assessments.receipts(readers.current(), id).orElseThrow(() -> new NotFoundException("assessment"));
    }

    @PostMapping("/assessments/{id}/feedback")
    ResponseEntity<?> feedback(@PathVariable String id, @RequestBody FeedbackForm form) {
        Receipt.Feedback feedback;
        try {
            feedback = Receipt.Feedback.valueOf(form.feedback() == null ? "" : form.feedback().strip()
                    .toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("feedback", "one of USEFUL, NOT_USEFUL, ACTION_TAKEN");
        }
        return StepAnswers.answer(assessments.feedback(readers.current(), id, feedback, form.note()), scheme);
    }

    @PostMapping("/assessments/{id}/indicator-watches")
    ResponseEntity<?> watchIndicator(@PathVariable String id, @RequestBody WatchForm form) {
        if (form.indicator() == null) {
            throw new InvalidInputException("indicator", "required: the index of the indicator, from 0");
        }
        return StepAnswers.answer(assessments.watchIndicator(readers.current(), id, form.indicator(), form.criterion()),
                scheme);
    }

    @GetMapping("/products/received")
    Page<ReceivedProduct> received(@RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return assessments.received(readers.current(), PageRequest.of(page, size));
    }

    static AssessmentState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AssessmentState.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "one of DRAFT, IN_REVIEW, APPROVED, DISSEMINATED, SUPERSEDED, WITHDRAWN");
        }
    }

    static ProductType type(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return ProductType.parse(text).orElseThrow(() -> new InvalidInputException("type",
                "one of THREAT_ASSESSMENT, SITUATION_REPORT, PARTNER_ALERT"));
    }

    /** {@code If-Match: "3"} (or W/"3"): the version the edit was made on. */
    static int version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new InvalidInputException("If-Match", "required: the version you edited, e.g. \"3\"");
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            int v = Integer.parseInt(tag.replace("\"", ""));
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidInputException("If-Match", "must be the version's entity tag, e.g. \"3\"");
    }
}
