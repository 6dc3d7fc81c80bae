package org.fusioncell.plans;

import java.util.List;
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

    List<String> GROUP_KINDS = List.of("DONOR_GROUP", "UN_COUNTRY_TEAM", "TECHNICAL", "OTHER");
    List<String> FOLLOW_UP_STATUSES = List.of("OPEN", "IN_PROGRESS", "DONE", "CANCELLED");
    List<String> PRIORITIES = List.of("HIGH", "MEDIUM", "LOW");
    List<String> NEED_STATUSES = List.of("OPEN", "IN_PROGRESS", "MET");
    /** Whole of government and whole of society (docs/plans.md, "Participation"). */
    List<String> SECTORS = List.of("GOVERNMENT", "CIVIL_SOCIETY", "PRIVATE_SECTOR", "UN_ENTITY", "ACADEMIA", "MEDIA",
            "RELIGIOUS_LEADERS", "YOUTH_ORGANISATIONS", "WOMENS_ORGANISATIONS");
    List<String> CONSULTATION_KINDS = List.of("NATIONAL_WORKSHOP", "REGIONAL_WORKSHOP", "COMMUNITY_DIALOGUE",
            "FOCUS_GROUP", "SURVEY", "VALIDATION_MEETING");

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
