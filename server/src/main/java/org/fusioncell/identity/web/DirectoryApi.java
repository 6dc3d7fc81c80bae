package org.fusioncell.identity.web;

import java.net.URI;
import org.fusioncell.identity.internal.Forms.AgreementForm;
import org.fusioncell.identity.internal.Forms.OrganisationForm;
import org.fusioncell.identity.internal.IdentityAdministration;
import org.fusioncell.identity.internal.JdbcAgreements;
import org.fusioncell.identity.internal.JdbcOrganisations;
import org.fusioncell.identity.internal.StoredAgreement;
import org.fusioncell.identity.internal.StoredOrganisation;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organisations and agreements: read by any token with {@code read}; written by administrators. */
@RestController
@RequestMapping("/api/v1")
class DirectoryApi {

    private final JdbcOrganisations organisations;
    private final JdbcAgreements agreements;
    private final IdentityAdministration administration;

    DirectoryApi(JdbcOrganisations organisations, JdbcAgreements agreements, IdentityAdministration administration) {
        this.organisations = organisations;
        this.agreements = agreements;
        this.administration = administration;
    }

    @GetMapping("/organisations")
    Page<StoredOrganisation> organisations(@RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return organisations.page(PageRequest.of(page, size));
    }

    @GetMapping("/organisations/{id}")
    StoredOrganisation organisation(@PathVariable String id) {
        return organisations.stored(id).orElseThrow(() -> new NotFoundException("organisation"));
    }

    @PostMapping("/organisations")
    ResponseEntity<StoredOrganisation> createOrganisation(@RequestBody OrganisationForm form) {
        String id = administration.createOrganisation(form, CurrentUserAdvice.principal());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + id)).body(organisation(id));
    }

    @PutMapping("/organisations/{id}")
    StoredOrganisation updateOrganisation(@PathVariable String id, @RequestBody OrganisationForm form) {
        administration.updateOrganisation(id, form, CurrentUserAdvice.principal());
        return organisation(id);
    }

    @GetMapping("/agreements")
    Page<StoredAgreement> agreements(@RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return agreements.page(PageRequest.of(page, size));
    }

    @GetMapping("/agreements/{id}")
    StoredAgreement agreement(@PathVariable String id) {
        return agreements.find(id).orElseThrow(() -> new NotFoundException("agreement"));
    }

    @PostMapping("/agreements")
    ResponseEntity<StoredAgreement> createAgreement(@RequestBody AgreementForm form) {
        String id = administration.createAgreement(form, CurrentUserAdvice.principal());
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + id)).body(agreement(id));
    }

    @PutMapping("/agreements/{id}")
    StoredAgreement updateAgreement(@PathVariable String id, @RequestBody AgreementForm form) {
        administration.updateAgreement(id, form, CurrentUserAdvice.principal());
        return agreement(id);
    }

}
