package org.fusioncell.release.web;

import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.release.AccessRequest;
import org.fusioncell.release.AccessRequests;
import org.fusioncell.release.Filing;
import org.fusioncell.release.ItemType;
import org.fusioncell.release.Ruling;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /access-requests}: the inbox of requests addressed to the user's organisation and of their own. */
@Controller
@RequestMapping("/access-requests")
class AccessRequestPages {

    static final int PAGE_SIZE = 25;

    /** A request as listed: organisation names resolved, the level named; never item content. */
    record Row(AccessRequest request, String requester, String holder, String level, String itemPath) {
    }

    private final AccessRequests requests;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    AccessRequestPages(AccessRequests requests, Readers readers, Organisations organisations,
                       ClassificationScheme scheme) {
        this.requests = requests;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    @GetMapping
    String inbox(@RequestParam(required = false) String box, @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) String done, @RequestParam(required = false) String problem,
                 Model model) {
        boolean outgoing = "outgoing".equals(box);
        boolean decider = Deciders.current();
        PageRequest request = PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE);
        var found = outgoing ? requests.outgoing(readers.current(), request)
                : requests.incoming(readers.current(), decider, request);
        model.addAttribute("box", outgoing ? "outgoing" : "incoming");
        model.addAttribute("decider", decider);
        model.addAttribute("page", found.map(this::row));
        model.addAttribute("done", done != null && done.matches("[a-z-]{1,20}") ? done : null);
        model.addAttribute("problem", problem != null && problem.matches("[a-z-]{1,30}") ? problem : null);
        return "release/requests";
    }

    @PostMapping
    String file(@RequestParam(required = false) String itemType, @RequestParam(required = false) String itemId,
                @RequestParam(required = false) String justification) {
        ItemType type = ItemType.parse(itemType).orElse(null);
        if (type == null || itemId == null || itemId.isBlank()) {
            return "redirect:/access-requests?box=outgoing&problem=unknown";
        }
        try {
            return switch (requests.file(readers.current(), type, itemId.strip(), justification)) {
                case Filing.Filed f -> "redirect:/access-requests?box=outgoing&done=filed";
                case Filing.AlreadyVisible v -> "redirect:" + itemPath(type, itemId.strip());
                case Filing.Unknown u -> "redirect:/access-requests?box=outgoing&problem=unknown";
            };
        } catch (InvalidInputException e) {
            return "redirect:/access-requests?box=outgoing&problem=" + e.field();
        }
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable String id, @RequestParam(required = false) String reason) {
        return after(() -> requests.approve(readers.current(), Deciders.current(), id, reason), "incoming", "approved");
    }

    @PostMapping("/{id}/deny")
    String deny(@PathVariable String id, @RequestParam(required = false) String reason) {
        return after(() -> requests.deny(readers.current(), Deciders.current(), id, reason), "incoming", "denied");
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable String id) {
        return after(() -> requests.withdraw(readers.current(), id), "outgoing", "withdrawn");
    }

    private String after(java.util.function.Supplier<Ruling> step, String box, String done) {
        String base = "redirect:/access-requests?box=" + box;
        try {
            return switch (step.get()) {
                case Ruling.Done d -> base + "&done=" + done;
                case Ruling.Unknown u -> base + "&problem=unknown";
                case Ruling.AlreadyDecided a -> base + "&problem=decided";
                case Ruling.Refused r -> base + "&problem=" + (r.reason().contains("caveat") ? "refused-caveat"
                        : r.reason().contains("clearance") ? "refused-clearance" : "refused");
            };
        } catch (InvalidInputException e) {
            return base + "&problem=" + e.field();
        }
    }

    private Row row(AccessRequest r) {
        return new Row(r, name(r.requesterOrganisationId()), name(r.holderOrganisationId()),
                AccessRequestView.level(scheme, r.classificationRank()), itemPath(r.itemType(), r.itemId()));
    }

    private static String itemPath(ItemType type, String id) {
        return (type == ItemType.REPORT ? "/reports/" : "/entities/") + id;
    }

    private String name(String organisationId) {
        return organisations.find(organisationId).map(OrganisationSummary::name).orElse(organisationId);
    }
}
