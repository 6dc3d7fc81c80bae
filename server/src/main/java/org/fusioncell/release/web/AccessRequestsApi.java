package org.fusioncell.release.web;

import java.net.URI;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.release.AccessRequests;
import org.fusioncell.release.Filing;
import org.fusioncell.release.ItemType;
import org.fusioncell.release.Ruling;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/access-requests}: ask the holder after a hit/no-hit notice; the holder approves or denies. */
@RestController
@RequestMapping("/api/v1/access-requests")
class AccessRequestsApi {

    record RequestForm(String itemType, String itemId, String justification) {
    }

    record ReasonForm(String reason) {
    }

    private final AccessRequests requests;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    AccessRequestsApi(AccessRequests requests, Readers readers, Organisations organisations, ClassificationScheme scheme) {
        this.requests = requests;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    @PostMapping
    ResponseEntity<?> file(@RequestBody RequestForm form) {
        ItemType type = ItemType.parse(form.itemType()).orElseThrow(() -> new InvalidInputException("itemType",
                "one of REPORT, ENTITY"));
        if (form.itemId() == null || form.itemId().isBlank()) {
            throw new InvalidInputException("itemId", "required");
        }
        Filing filing = requests.file(readers.current(), type, form.itemId().strip(), form.justification());
        return switch (filing) {
            case Filing.Filed filed -> ResponseEntity.created(URI.create("/api/v1/access-requests/" + filed.request().id()))
                    .body(view(filed.request()));
            case Filing.AlreadyVisible v -> ResponseEntity.badRequest().body(ProblemDetails.problem(HttpStatus.BAD_REQUEST,
                    "already-visible", "Already visible", "You may already see this item: there is nothing to request."));
            case Filing.Unknown u -> throw new NotFoundException(type.name().toLowerCase(java.util.Locale.ROOT));
        };
    }

    @GetMapping
    Page<AccessRequestView> list(@RequestParam(required = false) String box, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        String which = box == null || box.isBlank() ? "incoming" : box.strip();
        Page<org.fusioncell.release.AccessRequest> found = switch (which) {
            case "incoming" -> requests.incoming(readers.current(), Deciders.current(), request);
            case "outgoing" -> requests.outgoing(readers.current(), request);
            default -> throw new InvalidInputException("box", "one of incoming, outgoing");
        };
        return found.map(this::view);
    }

    @GetMapping("/{id}")
    AccessRequestView one(@PathVariable String id) {
        return requests.find(readers.current(), Deciders.current(), id).map(this::view)
                .orElseThrow(() -> new NotFoundException("access request"));
    }

    @PostMapping("/{id}/approve")
    ResponseEntity<?> approve(@PathVariable String id, @RequestBody(required = false) ReasonForm form) {
        return answer(requests.approve(readers.current(), Deciders.current(), id, form == null ? null : form.reason()));
    }

    @PostMapping("/{id}/deny")
    ResponseEntity<?> deny(@PathVariable String id, @RequestBody(required = false) ReasonForm form) {
        return answer(requests.deny(readers.current(), Deciders.current(), id, form == null ? null : form.reason()));
    }

    @PostMapping("/{id}/withdraw")
    ResponseEntity<?> withdraw(@PathVariable String id) {
        return answer(requests.withdraw(readers.current(), id));
    }

    private ResponseEntity<?> answer(Ruling ruling) {
        return switch (ruling) {
            case Ruling.Done done -> ResponseEntity.ok(view(done.request()));
            case Ruling.Unknown u -> throw new NotFoundException("access request");
            case Ruling.AlreadyDecided d -> ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetails.problem(
                    HttpStatus.CONFLICT, "already-decided", "Already decided", "The request is already " + d.state() + "."));
            case Ruling.Refused r -> ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetails.problem(
                    HttpStatus.CONFLICT, "release-refused", "Release refused",
                    "Even re-marked, the access policy would withhold the item from the requester: " + r.reason()
                            + ". Nothing was changed."));
        };
    }

    private AccessRequestView view(org.fusioncell.release.AccessRequest r) {
        return AccessRequestView.of(r, organisations, scheme);
    }
}
