package org.fusioncell.exchange.hits.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.fusioncell.exchange.hits.HitQueries;
import org.fusioncell.exchange.hits.HitQuery;
import org.fusioncell.exchange.hits.HitQueryDraft;
import org.fusioncell.exchange.hits.HolderReply;
import org.fusioncell.exchange.hits.IncomingRequest;
import org.fusioncell.exchange.hits.MinimisedQuery;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/exchange/hit-queries}: federated hit/no-hit (docs/hits.md). The requesting side (queries of
 * the reader's organisation), the holding side that partner cells call ({@code incoming}), and the holder's
 * supervisors' inbox of release requests.
 */
@RestController
@RequestMapping("/api/v1/exchange/hit-queries")
class HitQueriesApi {

    record QueryForm(String kind, String name, String birthDate, String identifierType,
                     Map<String, Object> identifier, List<String> partners) {
    }

    record IncomingForm(String queryId, MinimisedQuery query) {
    }

    record JustificationForm(String justification) {
    }

    record DecisionForm(Boolean release, String message) {
    }

    private final HitQueries hits;
    private final Readers readers;

    HitQueriesApi(HitQueries hits, Readers readers) {
        this.hits = hits;
        this.readers = readers;
    }

    @PostMapping
    ResponseEntity<HitQuery> ask(@RequestBody QueryForm form) {
        HitQuery q = hits.ask(readers.current(), form == null ? null : new HitQueryDraft(form.kind(), form.name(),
                form.birthDate(), form.identifierType(), form.identifier(), form.partners()));
        return ResponseEntity.created(URI.create("/api/v1/exchange/hit-queries/" + q.id())).body(q);
    }

    @GetMapping
    Page<HitQuery> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return hits.list(readers.current(), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    HitQuery one(@PathVariable String id) {
        return hits.find(readers.current(), id).orElseThrow(() -> new NotFoundException("hit/no-hit query"));
    }

    @PostMapping("/{id}/answers/{answerId}/release")
    HitQuery requestRelease(@PathVariable String id, @PathVariable String answerId,
                            @RequestBody JustificationForm form) {
        return hits.requestRelease(readers.current(), id, answerId, form == null ? null : form.justification())
                .orElseThrow(() -> new NotFoundException("hit/no-hit answer"));
    }

    // ------------------------------------------------------------------------------ called by partner cells

    @PostMapping("/incoming")
    ResponseEntity<?> incoming(@RequestBody IncomingForm form) {
        if (form == null) {
            throw new InvalidInputException("body", "required");
        }
        return switch (hits.answer(readers.current(), form.queryId(), form.query())) {
            case HolderReply.Answered a -> ResponseEntity.ok(a);
            case HolderReply.Refused r -> refused(r.reason());
        };
    }

    @GetMapping("/incoming/{reference}")
    HolderReply reply(@PathVariable String reference) {
        return hits.reply(readers.current(), reference).orElseThrow(() -> new NotFoundException("hit/no-hit reference"));
    }

    @PostMapping("/incoming/{reference}/release")
    HolderReply askRelease(@PathVariable String reference, @RequestBody JustificationForm form) {
        return hits.askRelease(readers.current(), reference, form == null ? null : form.justification())
                .orElseThrow(() -> new NotFoundException("hit/no-hit reference"));
    }

    // ------------------------------------------------------------------------------ the holder's supervisors

    @GetMapping("/inbox")
    List<IncomingRequest> inbox() {
        return hits.inbox(readers.current());
    }

    @PostMapping("/inbox/{reference}/decision")
    IncomingRequest decide(@PathVariable String reference, @RequestBody DecisionForm form) {
        if (form == null || form.release() == null) {
            throw new InvalidInputException("release", "required: true to release, false to decline");
        }
        return hits.decide(readers.current(), reference, form.release(), form.message())
                .orElseThrow(() -> new NotFoundException("hit/no-hit release request"));
    }

    @ExceptionHandler(HitQueries.PartnerUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(HitQueries.PartnerUnavailableException e) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.BAD_GATEWAY, "partner-unavailable",
                "Partner cell unavailable", "The partner cell could not be reached or refused: " + e.getMessage());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    static ResponseEntity<ProblemDetail> refused(String reason) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "hit-query-refused", "Hit/no-hit query refused",
                "Refused: " + reason + ".");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
