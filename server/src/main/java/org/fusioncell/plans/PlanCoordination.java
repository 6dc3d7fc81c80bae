package org.fusioncell.plans;

import org.fusioncell.access.Reader;
import org.fusioncell.plans.Drafts.ConsultationDraft;
import org.fusioncell.plans.Drafts.MeetingDraft;
import org.fusioncell.plans.Drafts.NeedDraft;
import org.fusioncell.plans.Drafts.OfferDraft;
import org.fusioncell.plans.Drafts.ParticipantDraft;
import org.fusioncell.plans.Drafts.WorkingGroupDraft;

/**
 * Writing a plan's coordination and participation (docs/plans.md): the same coordinators, checks and audit as the
 * plan's other parts. They are read with the plan ({@link PlanTree#coordination()}).
 */
public interface PlanCoordination {

    PlanStep<String> addWorkingGroup(Reader reader, String planId, WorkingGroupDraft draft);

    /** A meeting of a working group with its decisions and their follow-up actions, in one step. */
    PlanStep<String> addMeeting(Reader reader, String planId, MeetingDraft draft);

    PlanStep<String> moveFollowUp(Reader reader, String planId, String followUpId, String status);

    PlanStep<String> addNeed(Reader reader, String planId, NeedDraft draft);

    PlanStep<String> addOffer(Reader reader, String planId, OfferDraft draft);

    /** Records that the offer supports the need; both must belong to the plan. */
    PlanStep<String> match(Reader reader, String planId, String needId, String offerId);

    PlanStep<String> addParticipant(Reader reader, String planId, ParticipantDraft draft);

    PlanStep<String> addConsultation(Reader reader, String planId, ConsultationDraft draft);

    /** Working groups, meetings, capacity needs and consultations over the plans the reader may see. */
    Counts count(Reader reader);

    record Counts(long workingGroups, long meetings, long needs, long consultations) {
    }
}
