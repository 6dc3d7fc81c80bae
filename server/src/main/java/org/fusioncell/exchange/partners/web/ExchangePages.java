package org.fusioncell.exchange.partners.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.partners.ExchangeLog;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.exchange.taxii.Publication;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /exchange/log}: every transfer of the reader's organisation with its partner cells, newest first;
 * {@code /exchange/release-approvals}: a supervisor of the originating organisation lets a TLP:RED or
 * originator-controlled report or entity go into a publishing collection.
 */
@Controller
@RequestMapping("/exchange")
class ExchangePages {

    static final int PAGE_SIZE = 50;

    private final ExchangeLog log;
    private final PartnerCells partners;
    private final TaxiiStore store;
    private final Publication publication;
    private final Readers readers;
    private final MessageSource messages;

    ExchangePages(ExchangeLog log, PartnerCells partners, TaxiiStore store, Publication publication, Readers readers,
                  MessageSource messages) {
        this.log = log;
        this.partners = partners;
        this.store = store;
        this.publication = publication;
        this.readers = readers;
        this.messages = messages;
    }

    @GetMapping("/log")
    String log(@RequestParam(required = false) String partner, @RequestParam(required = false) Integer page,
               Model model) {
        Reader reader = readers.current();
        List<PartnerCell> mine = partners.list(reader);
        Map<String, String> partnerNames = new LinkedHashMap<>();
        mine.forEach(p -> partnerNames.put(p.id(), p.name()));
        // a partner that is not the organisation's filters nothing in (and is not echoed back)
        String filter = partner == null || partner.isBlank() ? null : partner.strip();
        boolean known = filter == null || partnerNames.containsKey(filter);
        model.addAttribute("transfers", log.page(reader, known ? filter : "-",
                PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE)));
        model.addAttribute("partnerNames", partnerNames);
        model.addAttribute("filterPartner", known && filter != null ? filter : "");
        return "partners/exchange-log";
    }

    @GetMapping("/release-approvals")
    String approvals(Model model) {
        supervisorOnly();
        return approvalsPage(readers.current(), null, null, null, model);
    }

    private String approvalsPage(Reader reader, String itemId, String collectionId, String reason, Model model) {
        model.addAttribute("publishing", store.collections(reader, TaxiiAdminPages.API_ROOT).stream()
                .map(TaxiiStore.Rights::collection).filter(TaxiiCollection::publishes).toList());
        model.addAttribute("itemId", itemId);
        model.addAttribute("collectionId", collectionId);
        model.addAttribute("reason", reason);
        return "partners/release-approvals";
    }

    @PostMapping("/release-approvals")
    String approve(@RequestParam(required = false) String itemId, @RequestParam(required = false) String collectionId,
                   @RequestParam(required = false) String reason, Model model, Locale locale,
                   RedirectAttributes flash) {
        supervisorOnly();
        Reader reader = readers.current();
        String item = itemId == null ? null : itemId.strip();
        try {
            Publication.Published p = publication.approve(reader, collectionId, item, reason);
            flash.addFlashAttribute("approvedItem", item);
            flash.addFlashAttribute("publishedAdded", p.added());
            flash.addFlashAttribute("publishedRevoked", p.revoked());
            return "redirect:/exchange/release-approvals";
        } catch (InvalidInputException e) {
            PageErrors.add(model, e, e.field(), messages, locale);
        } catch (NotFoundException e) {
            // the same answer for an item or collection that does not exist and one that is not the approver's
            PageErrors.add(model, new InvalidInputException("itemId",
                    "not an item you may approve, or not a publishing collection"), "itemId", messages, locale);
        }
        return approvalsPage(reader, item, collectionId, reason, model);
    }

    /** Only supervisors see the form (the module checks again that they supervise the originating organisation). */
    private static void supervisorOnly() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(Role.SUPERVISOR.authority()::equals)) {
            throw new AccessDeniedException("for supervisors");
        }
    }
}
