package org.fusioncell.exchange.partners.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.exchange.taxii.Publication;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiFeed;
import org.fusioncell.exchange.taxii.TaxiiFeeds;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/taxii-collections} and {@code /admin/taxii-feeds}: the administrators' TAXII server
 * collections (open one, publish the backlog, revoke an object) and the TAXII client's feeds with partner
 * cells (add one, enable or disable it, start it again from the beginning, run it now).
 */
@Controller
@RequestMapping("/admin")
class TaxiiAdminPages {

    static final String API_ROOT = "fusioncell";

    /** The new-collection form as the browser posts it. */
    public static class CollectionForm {
        private String title;
        private String description;
        private String agreementId;
        private List<String> readers = new ArrayList<>();
        private List<String> writers = new ArrayList<>();
        private boolean publishes;

        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getAgreementId() { return agreementId; }
        public void setAgreementId(String v) { agreementId = v; }
        public List<String> getReaders() { return readers; }
        public void setReaders(List<String> v) { readers = v == null ? new ArrayList<>() : v; }
        public List<String> getWriters() { return writers; }
        public void setWriters(List<String> v) { writers = v == null ? new ArrayList<>() : v; }
        public boolean isPublishes() { return publishes; }
        public void setPublishes(boolean v) { publishes = v; }
    }

    /** The new-feed form as the browser posts it. */
    public static class FeedForm {
        private String partnerId;
        private String direction = TaxiiFeed.Direction.PULL.name();
        private String remoteCollectionId;
        private String localCollectionId;
        private Integer intervalSeconds = 900;
        private boolean enabled = true;

        TaxiiFeeds.Draft toDraft() {
            TaxiiFeed.Direction d = "PUSH".equals(direction) ? TaxiiFeed.Direction.PUSH
                    : "PULL".equals(direction) ? TaxiiFeed.Direction.PULL : null;
            return new TaxiiFeeds.Draft(partnerId, d, remoteCollectionId,
                    localCollectionId == null || localCollectionId.isBlank() ? null : localCollectionId, intervalSeconds,
                    enabled);
        }

        public String getPartnerId() { return partnerId; }
        public void setPartnerId(String v) { partnerId = v; }
        public String getDirection() { return direction; }
        public void setDirection(String v) { direction = v; }
        public String getRemoteCollectionId() { return remoteCollectionId; }
        public void setRemoteCollectionId(String v) { remoteCollectionId = v; }
        public String getLocalCollectionId() { return localCollectionId; }
        public void setLocalCollectionId(String v) { localCollectionId = v; }
        public Integer getIntervalSeconds() { return intervalSeconds; }
        public void setIntervalSeconds(Integer v) { intervalSeconds = v; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean v) { enabled = v; }
    }

    private final TaxiiStore store;
    private final Publication publication;
    private final TaxiiFeeds feeds;
    private final PartnerCells partners;
    private final Readers readers;
    private final Organisations organisations;
    private final MessageSource messages;

    TaxiiAdminPages(TaxiiStore store, Publication publication, TaxiiFeeds feeds, PartnerCells partners, Readers readers,
                    Organisations organisations, MessageSource messages) {
        this.store = store;
        this.publication = publication;
        this.feeds = feeds;
        this.partners = partners;
        this.readers = readers;
        this.organisations = organisations;
        this.messages = messages;
    }

    // ------------------------------------------------------------------ collections

    @GetMapping("/taxii-collections")
    String collections(Model model) {
        return collectionsPage(readers.current(), new CollectionForm(), model);
    }

    private String collectionsPage(Reader reader, CollectionForm form, Model model) {
        model.addAttribute("collections", store.collections(reader, API_ROOT));
        model.addAttribute("form", form);
        model.addAttribute("me", reader.organisationId());
        model.addAttribute("names", Names.of(reader, organisations));
        return "partners/taxii-collections";
    }

    @PostMapping("/taxii-collections")
    String createCollection(@ModelAttribute("form") CollectionForm form, Model model, Locale locale,
                            RedirectAttributes flash) {
        Reader reader = readers.current();
        try {
            TaxiiCollection created = store.create(reader, draft(form));
            flash.addFlashAttribute("done", "collection-created");
            flash.addFlashAttribute("doneName", created.title());
            return "redirect:/admin/taxii-collections#collection-" + created.id();
        } catch (InvalidInputException e) {
            // the store names the API's fields; the form calls the organisation lists readers and writers
            String field = switch (e.field()) {
                case "readerOrganisationIds" -> "readers";
                case "writerOrganisationIds" -> "writers";
                default -> e.field();
            };
            PageErrors.add(model, e, field, messages, locale);
            return collectionsPage(reader, form, model);
        }
    }

    /** The form as the store takes it (the store checks it, as for the administration API). */
    private static TaxiiCollection draft(CollectionForm form) {
        return new TaxiiCollection(null, API_ROOT, form.getTitle() == null ? null : form.getTitle().strip(),
                form.getDescription() == null || form.getDescription().isBlank() ? null : form.getDescription().strip(),
                null, null, form.getAgreementId() == null || form.getAgreementId().isBlank() ? null
                : form.getAgreementId().strip(), new HashSet<>(form.getReaders()), new HashSet<>(form.getWriters()), null,
                form.isPublishes());
    }

    @PostMapping("/taxii-collections/{id}/publication")
    String publish(@PathVariable String id, Locale locale, RedirectAttributes flash) {
        try {
            Publication.Published p = publication.publishAll(readers.current(), id);
            flash.addFlashAttribute("done", "published");
            flash.addFlashAttribute("publishedAdded", p.added());
            flash.addFlashAttribute("publishedRevoked", p.revoked());
        } catch (InvalidInputException e) {
            PageErrors.flash(flash, e, "publish-" + id, messages, locale);
        }
        return "redirect:/admin/taxii-collections#collection-" + id;
    }

    @PostMapping("/taxii-collections/{id}/revocations")
    String revoke(@PathVariable String id, @RequestParam(required = false) String objectId,
                  @RequestParam(required = false) String reason, Locale locale, RedirectAttributes flash) {
        try {
            int n = publication.revoke(readers.current(), id, objectId == null ? null : objectId.strip(), reason);
            flash.addFlashAttribute("done", n > 0 ? "revoked" : "revoke-unchanged");
            flash.addFlashAttribute("doneName", objectId.strip());
        } catch (InvalidInputException e) {
            PageErrors.flash(flash, e, e.field() + "-" + id, messages, locale);
            flash.addFlashAttribute("revokeObjectId", objectId);
            flash.addFlashAttribute("revokeReason", reason);
        }
        return "redirect:/admin/taxii-collections#collection-" + id;
    }

    // ------------------------------------------------------------------ feeds

    @GetMapping("/taxii-feeds")
    String feeds(Model model) {
        return feedsPage(readers.current(), new FeedForm(), model);
    }

    private String feedsPage(Reader reader, FeedForm form, Model model) {
        List<PartnerCell> partnerCells = partners.list(reader);
        model.addAttribute("feeds", feeds.list(reader));
        model.addAttribute("partnerNames", partnerCells.stream()
                .collect(Collectors.toMap(PartnerCell::id, PartnerCell::name)));
        model.addAttribute("partnerChoices", partnerCells);
        model.addAttribute("localCollections", store.collections(reader, API_ROOT).stream()
                .map(TaxiiStore.Rights::collection).filter(c -> c.ownerOrganisationId().equals(reader.organisationId()))
                .collect(Collectors.toMap(TaxiiCollection::id, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new)));
        model.addAttribute("form", form);
        return "partners/taxii-feeds";
    }

    @PostMapping("/taxii-feeds")
    String createFeed(@ModelAttribute("form") FeedForm form, Model model, Locale locale, RedirectAttributes flash) {
        Reader reader = readers.current();
        try {
            TaxiiFeed f = feeds.create(reader, form.toDraft());
            flash.addFlashAttribute("done", "feed-created");
            return "redirect:/admin/taxii-feeds#feed-" + f.id();
        } catch (InvalidInputException e) {
            PageErrors.add(model, e, e.field(), messages, locale);
            return feedsPage(reader, form, model);
        }
    }

    @PostMapping("/taxii-feeds/{id}/enabled")
    String enable(@PathVariable String id, @RequestParam(required = false) boolean enabled, RedirectAttributes flash) {
        feeds.update(readers.current(), id, null, enabled, false);
        flash.addFlashAttribute("done", enabled ? "feed-enabled" : "feed-disabled");
        return "redirect:/admin/taxii-feeds#feed-" + id;
    }

    @PostMapping("/taxii-feeds/{id}/reset")
    String reset(@PathVariable String id, @RequestParam(required = false) boolean confirm, Locale locale,
                 RedirectAttributes flash) {
        Reader reader = readers.current();
        if (feeds.find(reader, id).isEmpty()) {
            throw new NotFoundException("feed");
        }
        if (!confirm) {
            PageErrors.flash(flash, new InvalidInputException("confirm", "tick the box to confirm"), "confirm-" + id,
                    messages, locale);
        } else {
            feeds.update(reader, id, null, null, true);
            flash.addFlashAttribute("done", "feed-reset");
        }
        return "redirect:/admin/taxii-feeds#feed-" + id;
    }

    @PostMapping("/taxii-feeds/{id}/run")
    String run(@PathVariable String id, RedirectAttributes flash) {
        TaxiiFeeds.Run run = feeds.run(readers.current(), id);
        // kept in the session until the next page: plain values only
        java.util.Map<String, Object> shown = new java.util.HashMap<>();
        shown.put("feed", id);
        shown.put("outcome", run.outcome());
        shown.put("pages", run.pages());
        shown.put("objects", run.objects());
        shown.put("added", run.added());
        shown.put("corrected", run.corrected());
        shown.put("revoked", run.revoked());
        shown.put("error", run.error());
        flash.addFlashAttribute("run", shown);
        return "redirect:/admin/taxii-feeds#run-result";
    }
}
