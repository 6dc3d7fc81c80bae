package org.fusioncell.referrals.web;

import org.fusioncell.identity.Readers;
import org.fusioncell.referrals.Drafts;
import org.fusioncell.referrals.Referral;
import org.fusioncell.referrals.Referrals;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
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
 * {@code /api/v1/platform/referrals}: a platform's side — the referrals addressed to the caller's platform
 * organisation, only what each discloses, and the platform's steps (acknowledgement, outcome, appeal). A referral
 * addressed to another organisation is "not found", as one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/platform/referrals")
@PreAuthorize("hasRole('PLATFORM_PARTNER')")
class PlatformReferralsApi {

    private final Referrals referrals;
    private final Readers readers;

    PlatformReferralsApi(Referrals referrals, Readers readers) {
        this.referrals = referrals;
        this.readers = readers;
    }

    @GetMapping
    Page<Referral.Disclosed> list(@RequestParam(required = false) String state,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return referrals.addressed(readers.current(), ReferralsApi.state(state), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    Referral.Disclosed one(@PathVariable String id) {
        return referrals.addressedOne(readers.current(), id).orElseThrow(() -> new NotFoundException("referral"));
    }

    @PostMapping("/{id}/acknowledgement")
    ResponseEntity<?> acknowledge(@PathVariable String id) {
        return ReferralAnswers.step(referrals.acknowledge(readers.current(), id), "referral", ResponseEntity::ok);
    }

    @PostMapping("/{id}/outcome")
    ResponseEntity<?> outcome(@PathVariable String id, @RequestBody Drafts.OutcomeDraft draft) {
        return ReferralAnswers.step(referrals.reportOutcome(readers.current(), id, draft), "referral",
                ResponseEntity::ok);
    }

    @PostMapping("/{id}/appeal")
    ResponseEntity<?> appeal(@PathVariable String id, @RequestBody Drafts.AppealDraft draft) {
        return ReferralAnswers.step(referrals.appeal(readers.current(), id, draft), "referral", ResponseEntity::ok);
    }
}
