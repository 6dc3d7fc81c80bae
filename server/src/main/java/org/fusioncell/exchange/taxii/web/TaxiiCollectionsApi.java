package org.fusioncell.exchange.taxii.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.fusioncell.exchange.taxii.Publication;
import org.fusioncell.exchange.taxii.TaxiiCollection;
import org.fusioncell.exchange.taxii.TaxiiStore;
import org.fusioncell.identity.Readers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/taxii-collections}: administrators open collections for an agreement or partners. */
@RestController
@RequestMapping("/api/v1/admin/taxii-collections")
class TaxiiCollectionsApi {

    /**
     * {@code POST /api/v1/exchange/release-approvals}: a supervisor of the originating organisation lets a
     * TLP:RED or originator-controlled report or entity go into a publishing collection.
     */
    @RestController
    static class ReleaseApprovals {

        private final Publication publication;
        private final Readers readers;

        ReleaseApprovals(Publication publication, Readers readers) {
            this.publication = publication;
            this.readers = readers;
        }

        @PostMapping("/api/v1/exchange/release-approvals")
        Publication.Published approve(@RequestBody ApprovalForm form) {
            return publication.approve(readers.current(), form.collectionId(), form.itemId(), form.reason());
        }
    }

    record CollectionForm(String title, String description, String alias, String agreementId,
                          List<String> readerOrganisationIds, List<String> writerOrganisationIds, Boolean publishes) {
    }

    record RevocationForm(String objectId, String reason) {
    }

    record ApprovalForm(String collectionId, String itemId, String reason) {
    }

    private final TaxiiStore store;
    private final Readers readers;
    private final Publication publication;

    TaxiiCollectionsApi(TaxiiStore store, Readers readers, Publication publication) {
        this.store = store;
        this.readers = readers;
        this.publication = publication;
    }

    /** Publishes what qualifies now into a publishing collection (its backlog when it starts publishing). */
    @PostMapping("/{id}/publication")
    Publication.Published publish(@PathVariable String id) {
        return publication.publishAll(readers.current(), id);
    }

    /** Revokes one object: partners receive a contentless revoked version and erase their copy. */
    @PostMapping("/{id}/revocations")
    Map<String, Object> revoke(@PathVariable String id, @RequestBody RevocationForm form) {
        return Map.of("objectId", String.valueOf(form.objectId()),
                "revoked", publication.revoke(readers.current(), id, form.objectId(), form.reason()) > 0);
    }

    @GetMapping
    List<TaxiiCollection> list() {
        return store.collections(readers.current(), TaxiiEndpoints.API_ROOT).stream().map(TaxiiStore.Rights::collection)
                .toList();
    }

    @PostMapping
    ResponseEntity<TaxiiCollection> create(@RequestBody CollectionForm form) {
        TaxiiCollection created = store.create(readers.current(), new TaxiiCollection(null, TaxiiEndpoints.API_ROOT,
                form.title() == null ? null : form.title().strip(), blankToNull(form.description()),
                blankToNull(form.alias()), null, blankToNull(form.agreementId()), ids(form.readerOrganisationIds()),
                ids(form.writerOrganisationIds()), null, Boolean.TRUE.equals(form.publishes())));
        return ResponseEntity.created(URI.create("/api/taxii2/" + TaxiiEndpoints.API_ROOT + "/collections/"
                + created.id() + "/")).body(created);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Set<String> ids(List<String> ids) {
        return ids == null ? Set.of() : new java.util.HashSet<>(ids);
    }
}
