package org.fusioncell.plans.web;

import java.util.ArrayList;
import java.util.List;
import org.fusioncell.identity.Readers;
import org.fusioncell.plans.Drafts;
import org.fusioncell.plans.PlanCoordination;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinators' forms for a plan's coordination and participation; on bad input or a refusal the plan's page
 * again with the reason ({@link PlanPages#step}).
 */
@Controller
@RequestMapping("/plans/{id}")
class PlanCoordinationPages {

    private final PlanCoordination coordination;
    private final Readers readers;
    private final PlanPages pages;

    PlanCoordinationPages(PlanCoordination coordination, Readers readers, PlanPages pages) {
        this.coordination = coordination;
        this.readers = readers;
        this.pages = pages;
    }

    @PostMapping("/working-groups")
    String workingGroup(@PathVariable String id, @RequestParam(required = false) String name,
                        @RequestParam(required = false) String kind, @RequestParam(required = false) String chair,
                        @RequestParam(required = false) String members, Model model) {
        return pages.step(id, model, "working-group", () -> coordination.addWorkingGroup(readers.current(), id,
                new Drafts.WorkingGroupDraft(name, kind, chair, PageLines.of(members))));
    }

    /** One decision a form, its follow-ups one a line as "what ; owner ; 2026-03-31". */
    @PostMapping("/meetings")
    String meeting(@PathVariable String id, @RequestParam(required = false) String workingGroupId,
                   @RequestParam(required = false) String heldOn, @RequestParam(required = false) String place,
                   @RequestParam(required = false) String participants,
                   @RequestParam(required = false) String minutes, @RequestParam(required = false) String decision,
                   @RequestParam(required = false) String followUps, Model model) {
        return pages.step(id, model, "meeting", () -> {
            List<Drafts.FollowUpDraft> follows = new ArrayList<>();
            for (String line : PageLines.of(followUps)) {
                String[] p = line.split(";", -1);
                if (p.length != 3) {
                    throw new InvalidInputException("followUps", "one a line: what ; owner ; due date (2026-03-31)");
                }
                follows.add(new Drafts.FollowUpDraft(p[0].strip(), p[1].strip(), p[2].strip(), null));
            }
            List<Drafts.DecisionDraft> decisions = decision == null || decision.isBlank() ? List.of()
                    : List.of(new Drafts.DecisionDraft(decision, follows));
            if (decisions.isEmpty() && !follows.isEmpty()) {
                throw new InvalidInputException("decision", "is required for follow-up actions");
            }
            return coordination.addMeeting(readers.current(), id, new Drafts.MeetingDraft(workingGroupId, heldOn,
                    place, PageLines.of(participants), minutes, decisions));
        });
    }

    @PostMapping("/follow-ups/{followUpId}")
    String followUp(@PathVariable String id, @PathVariable String followUpId,
                    @RequestParam(required = false) String status, Model model) {
        return pages.step(id, model, "coordination", () -> coordination.moveFollowUp(readers.current(), id,
                followUpId, status));
    }

    @PostMapping("/capacity-needs")
    String need(@PathVariable String id, @RequestParam(required = false) String institution,
                @RequestParam(required = false) String areaCode, @RequestParam(required = false) String description,
                @RequestParam(required = false) String priority, @RequestParam(required = false) String status,
                Model model) {
        return pages.step(id, model, "need", () -> coordination.addNeed(readers.current(), id,
                new Drafts.NeedDraft(institution, areaCode, description, priority, status)));
    }

    @PostMapping("/support-offers")
    String offer(@PathVariable String id, @RequestParam(required = false) String organisation,
                 @RequestParam(required = false) String what, @RequestParam(required = false) String amount,
                 @RequestParam(required = false) String currency, Model model) {
        return pages.step(id, model, "offer", () -> coordination.addOffer(readers.current(), id,
                new Drafts.OfferDraft(organisation, what, amount, currency)));
    }

    @PostMapping("/support-matches")
    String match(@PathVariable String id, @RequestParam(required = false) String needId,
                 @RequestParam(required = false) String offerId, Model model) {
        return pages.step(id, model, "match", () -> coordination.match(readers.current(), id, needId, offerId));
    }

    @PostMapping("/participants")
    String participant(@PathVariable String id, @RequestParam(required = false) String organisation,
                       @RequestParam(required = false) String sector, Model model) {
        return pages.step(id, model, "participant", () -> coordination.addParticipant(readers.current(), id,
                new Drafts.ParticipantDraft(organisation, sector)));
    }

    @PostMapping("/consultations")
    String consultation(@PathVariable String id, @RequestParam(required = false) String heldOn,
                        @RequestParam(required = false) String place, @RequestParam(required = false) String kind,
                        @RequestParam(required = false) String organiser,
                        @RequestParam(required = false) String organisations,
                        @RequestParam(required = false) String participants,
                        @RequestParam(required = false) String women, @RequestParam(required = false) String men,
                        @RequestParam(required = false) String youth, @RequestParam(required = false) String summary,
                        Model model) {
        return pages.step(id, model, "consultation", () -> coordination.addConsultation(readers.current(), id,
                new Drafts.ConsultationDraft(heldOn, place, kind, organiser, PageLines.of(organisations),
                        PageLines.number("participants", participants), PageLines.number("women", women),
                        PageLines.number("men", men), PageLines.number("youth", youth), summary)));
    }
}
