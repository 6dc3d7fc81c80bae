package org.fusioncell.plans.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.fusioncell.identity.Readers;
import org.fusioncell.plans.Coordination;
import org.fusioncell.plans.Drafts;
import org.fusioncell.plans.PlanCoordination;
import org.fusioncell.plans.PlanStep;
import org.fusioncell.plans.Plans;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/plans/{id}/…}: a plan's coordination (working groups, meetings, capacity needs and offers, the
 * donor matrix) and participation (sectors, consultations), docs/plans.md. Read through the plan's marking.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanCoordinationApi {

    record StatusForm(String status) {
    }

    record MatchForm(String needId, String offerId) {
    }

    private final Plans plans;
    private final PlanCoordination coordination;
    private final Readers readers;
    private final PlanExports exports;

    PlanCoordinationApi(Plans plans, PlanCoordination coordination, Readers readers, PlanExports exports) {
        this.plans = plans;
        this.coordination = coordination;
        this.readers = readers;
        this.exports = exports;
    }

    @GetMapping("/coordination/count")
    PlanCoordination.Counts count() {
        return coordination.count(readers.current());
    }

    @GetMapping("/{id}/coordination")
    ResponseEntity<?> coordination(@PathVariable String id) {
        return view(id, "coordination", c -> Map.of("workingGroups", c.workingGroups(), "overdue", c.overdue(),
                "needs", c.needs(), "offers", c.offers(), "gaps", c.gaps()));
    }

    @GetMapping("/{id}/donor-matrix")
    ResponseEntity<?> donorMatrix(@PathVariable String id) {
        return view(id, "donor-matrix", c -> Map.of("columns", c.donorMatrix().columns(),
                "rows", c.donorMatrix().rows()));
    }

    @GetMapping("/{id}/participation")
    ResponseEntity<?> participation(@PathVariable String id) {
        return view(id, "participation", c -> Map.of("participants", c.participants(),
                "consultations", c.consultations(), "summary", c.participation()));
    }

    private ResponseEntity<?> view(String id, String view, Function<Coordination, Map<String, ?>> part) {
        return exports.opened(plans.view(readers.current(), id, view), t -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("planId", t.plan().id());
            body.putAll(part.apply(t.coordination()));
            return ResponseEntity.ok().eTag("\"" + t.plan().version() + "\"").body(body);
        });
    }

    @PostMapping("/{id}/working-groups")
    ResponseEntity<?> workingGroup(@PathVariable String id, @RequestBody Drafts.WorkingGroupDraft form) {
        return created(id, coordination.addWorkingGroup(readers.current(), id, form));
    }

    @PostMapping("/{id}/meetings")
    ResponseEntity<?> meeting(@PathVariable String id, @RequestBody Drafts.MeetingDraft form) {
        return created(id, coordination.addMeeting(readers.current(), id, form));
    }

    @PostMapping("/{id}/follow-ups/{followUpId}/status")
    ResponseEntity<?> followUp(@PathVariable String id, @PathVariable String followUpId,
                               @RequestBody StatusForm form) {
        return PlansApi.answer(coordination.moveFollowUp(readers.current(), id, followUpId, form.status()),
                f -> ResponseEntity.ok(Map.of("id", f, "planId", id)));
    }

    @PostMapping("/{id}/capacity-needs")
    ResponseEntity<?> need(@PathVariable String id, @RequestBody Drafts.NeedDraft form) {
        return created(id, coordination.addNeed(readers.current(), id, form));
    }

    @PostMapping("/{id}/support-offers")
    ResponseEntity<?> offer(@PathVariable String id, @RequestBody Drafts.OfferDraft form) {
        return created(id, coordination.addOffer(readers.current(), id, form));
    }

    @PostMapping("/{id}/support-matches")
    ResponseEntity<?> match(@PathVariable String id, @RequestBody MatchForm form) {
        return created(id, coordination.match(readers.current(), id, form.needId(), form.offerId()));
    }

    @PostMapping("/{id}/participants")
    ResponseEntity<?> participant(@PathVariable String id, @RequestBody Drafts.ParticipantDraft form) {
        return created(id, coordination.addParticipant(readers.current(), id, form));
    }

    @PostMapping("/{id}/consultations")
    ResponseEntity<?> consultation(@PathVariable String id, @RequestBody Drafts.ConsultationDraft form) {
        return created(id, coordination.addConsultation(readers.current(), id, form));
    }

    static ResponseEntity<?> created(String planId, PlanStep<String> step) {
        return PlansApi.answer(step, partId -> ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", partId, "planId", planId)));
    }
}
