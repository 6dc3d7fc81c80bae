package org.fusioncell.exchange.rfi.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.exchange.rfi.AddresseeState;
import org.fusioncell.exchange.rfi.Attachment;
import org.fusioncell.exchange.rfi.Priority;
import org.fusioncell.exchange.rfi.RequestsForInformation;
import org.fusioncell.exchange.rfi.RfiAccess;
import org.fusioncell.exchange.rfi.RfiDraft;
import org.fusioncell.exchange.rfi.RfiQuery;
import org.fusioncell.exchange.rfi.RfiStep;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/rfis}: requests for information between organisations (docs/rfi.md). */
@RestController
@RequestMapping("/api/v1/rfis")
class RfisApi {

    record RfiForm(String title, String question, String priority, String dueAt, List<String> addressees,
                   List<String> entityIds, MarkingForm marking) {
    }

    record AssignForm(String assigneeUserId) {
    }

    record MessageForm(String addresseeOrganisationId, String text) {
    }

    record AttachmentForm(String itemType, String itemId) {
    }

    record AnswerForm(String text, List<AttachmentForm> attachments) {
    }

    record AddresseeForm(String addresseeOrganisationId, String reason) {
    }

    record ReasonForm(String reason) {
    }

    private final RequestsForInformation rfis;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    RfisApi(RequestsForInformation rfis, Readers readers, Organisations organisations, ClassificationScheme scheme) {
        this.rfis = rfis;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    @PostMapping
    ResponseEntity<RfiView> file(@RequestBody RfiForm form) {
        var rfi = rfis.file(readers.current(), new RfiDraft(form.title(), form.question(), form.priority(),
                form.dueAt(), form.addressees(), form.entityIds(), form.marking()));
        return ResponseEntity.created(URI.create("/api/v1/rfis/" + rfi.id())).body(RfiView.of(rfi, scheme, organisations));
    }

    @GetMapping
    Page<RfiView.Summary> list(@RequestParam(required = false) String box, @RequestParam(required = false) String state,
                               @RequestParam(required = false) String priority,
                               @RequestParam(required = false) Boolean overdue,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return rfis.list(readers.current(), query(box, state, priority, overdue), PageRequest.of(page, size))
                .map(s -> RfiView.summary(s, scheme, organisations));
    }

    @GetMapping("/count")
    Map<String, Long> count(@RequestParam(required = false) String box, @RequestParam(required = false) String state,
                            @RequestParam(required = false) String priority,
                            @RequestParam(required = false) Boolean overdue) {
        return Map.of("count", rfis.count(readers.current(), query(box, state, priority, overdue)));
    }

    static RfiQuery query(String box, String state, String priority, Boolean overdue) {
        RfiQuery.Box b = switch (box == null || box.isBlank() ? "all" : box.strip()) {
            case "all" -> RfiQuery.Box.ALL;
            case "incoming" -> RfiQuery.Box.INCOMING;
            case "outgoing" -> RfiQuery.Box.OUTGOING;
            default -> throw new InvalidInputException("box", "one of all, incoming, outgoing");
        };
        AddresseeState s = state == null || state.isBlank() ? null : AddresseeState.parse(state).orElseThrow(
                () -> new InvalidInputException("state", "one of " + List.of(AddresseeState.values())));
        Priority p = priority == null || priority.isBlank() ? null : Priority.parse(priority).orElseThrow(
                () -> new InvalidInputException("priority", "one of " + List.of(Priority.values())));
        return new RfiQuery(b, s, p, Boolean.TRUE.equals(overdue));
    }

    @GetMapping("/response-times")
    ResponseEntity<?> responseTimes(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant end = to == null || to.isBlank() ? Instant.now() : day("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(90)) : day("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidInputException("from", "must be before to");
        }
        try {
            return ResponseEntity.ok(RfiView.times(rfis.responseTimes(readers.current(), start, end), organisations));
        } catch (RequestsForInformation.NotSupervisorException e) {
            return problem(HttpStatus.FORBIDDEN, "not-supervisor", "For supervisors",
                    "Response-time figures are for supervisors.");
        }
    }

    /** A date (its start, UTC; for {@code to}: the end of that day) or an instant. */
    static Instant day(String field, String text) {
        try {
            String t = text.strip();
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return (field.equals("to") ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "an ISO-8601 date (2026-11-01) or instant");
        }
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        return switch (rfis.open(readers.current(), id)) {
            case RfiAccess.Opened o -> ResponseEntity.ok(RfiView.of(o.rfi(), scheme, organisations));
            case RfiAccess.KnownToExist k -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "existence-only",
                        "Held by another organisation", "The request's marking withholds its content from you.");
                p.setProperty("holderOrganisation", RfiView.organisation(k.holderOrganisationId(), organisations));
                p.setProperty("classification", RfiView.level(scheme, k.marking().classificationRank()));
                yield ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
            }
            case RfiAccess.Unknown u -> throw new NotFoundException("request for information");
        };
    }

    @PostMapping("/{id}/assign")
    ResponseEntity<?> assign(@PathVariable String id, @RequestBody AssignForm form) {
        return answer(rfis.assign(readers.current(), id, form.assigneeUserId()));
    }

    @PostMapping("/{id}/messages")
    ResponseEntity<?> message(@PathVariable String id, @RequestBody MessageForm form) {
        return answer(rfis.message(readers.current(), id, form.addresseeOrganisationId(), form.text()));
    }

    @PostMapping("/{id}/answer")
    ResponseEntity<?> respond(@PathVariable String id, @RequestBody AnswerForm form) {
        return answer(rfis.answer(readers.current(), id, form.text(), attachments(form.attachments())));
    }

    static List<Attachment> attachments(List<AttachmentForm> forms) {
        List<Attachment> out = new ArrayList<>();
        if (forms == null) {
            return out;
        }
        for (int i = 0; i < forms.size(); i++) {
            AttachmentForm f = forms.get(i);
            int at = i;
            Attachment.ItemType type = f == null ? null : Attachment.ItemType.parse(f.itemType()).orElseThrow(
                    () -> new InvalidInputException("attachments[" + at + "].itemType", "one of REPORT, ENTITY"));
            if (type == null) {
                throw new InvalidInputException("attachments[" + i + "]", "required");
            }
            out.add(new Attachment(type, f.itemId()));
        }
        return out;
    }

    @PostMapping("/{id}/accept")
    ResponseEntity<?> accept(@PathVariable String id, @RequestBody AddresseeForm form) {
        return answer(rfis.accept(readers.current(), id, form.addresseeOrganisationId()));
    }

    @PostMapping("/{id}/reopen")
    ResponseEntity<?> reopen(@PathVariable String id, @RequestBody AddresseeForm form) {
        return answer(rfis.reopen(readers.current(), id, form.addresseeOrganisationId(), form.reason()));
    }

    @PostMapping("/{id}/decline")
    ResponseEntity<?> decline(@PathVariable String id, @RequestBody ReasonForm form) {
        return answer(rfis.decline(readers.current(), id, form.reason()));
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<?> cancel(@PathVariable String id, @RequestBody(required = false) ReasonForm form) {
        return answer(rfis.cancel(readers.current(), id, form == null ? null : form.reason()));
    }

    private ResponseEntity<?> answer(RfiStep step) {
        return switch (step) {
            case RfiStep.Done d -> ResponseEntity.ok(RfiView.of(d.rfi(), scheme, organisations));
            case RfiStep.Unknown u -> throw new NotFoundException("request for information");
            case RfiStep.WrongState w -> {
                ResponseEntity<ProblemDetail> r = problem(HttpStatus.CONFLICT, "wrong-state", "Not in this state",
                        "The request is " + w.state() + " for your organisation: this step does not apply.");
                r.getBody().setProperty("state", w.state().name());
                yield r;
            }
            case RfiStep.Refused r -> problem(HttpStatus.FORBIDDEN, r.code(), "Not allowed", r.detail());
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.problem(status, type, title, detail));
    }
}
