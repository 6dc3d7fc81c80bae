package org.fusioncell.plans;

import java.util.List;
import org.fusioncell.access.MarkingForm;

/** What a client writes; every value is checked by the store, which names the field that is wrong. */
public final class Drafts {

    private Drafts() {
    }

    /** {@code priorityAreas} empty: the installation's configured areas (the seven of the UN Plan by default). */
    public record PlanDraft(String title, String scope, String country, String region, String versionLabel,
                            String language, String periodStart, String periodEnd, MarkingForm marking,
                            List<AreaDraft> priorityAreas) {
    }

    public record AreaDraft(String code, String labelAr, String labelFr, String labelEn) {
    }

    public record PartnerDraft(String name, String sector) {
    }

    public record ActionDraft(String outputId, String title, String leadBody, List<PartnerDraft> partners,
                              String startDate, String endDate, String budget, String currency, String funded,
                              String pledged, String donor, String status, String risks, String agreementId,
                              String jointProject) {

        /** An action that is no joint project under an agreement. */
        public ActionDraft(String outputId, String title, String leadBody, List<PartnerDraft> partners,
                           String startDate, String endDate, String budget, String currency, String funded,
                           String pledged, String donor, String status, String risks) {
            this(outputId, title, leadBody, partners, startDate, endDate, budget, currency, funded, pledged, donor,
                    status, risks, null, null);
        }
    }

    public record IndicatorDraft(String actionId, String name, String unit, String baseline, String target,
                                 String frequency) {
    }

    /** {@code sex}, {@code ageGroup}, {@code area}: all null for the indicator's total. */
    public record MeasurementDraft(String measuredOn, String value, String sex, String ageGroup, String area,
                                   String evidence) {
    }

    /** {@code kind}: DONOR_GROUP, UN_COUNTRY_TEAM, TECHNICAL or OTHER; members are organisations as named. */
    public record WorkingGroupDraft(String name, String kind, String chair, List<String> members) {
    }

    public record MeetingDraft(String workingGroupId, String heldOn, String place, List<String> participants,
                               String minutes, List<DecisionDraft> decisions) {
    }

    public record DecisionDraft(String text, List<FollowUpDraft> followUps) {
    }

    /** A follow-up action: what, the owner organisation, due on or after the meeting. */
    public record FollowUpDraft(String what, String owner, String dueDate, String status) {
    }

    /** A capacity need of an institution in one of the plan's priority areas. */
    public record NeedDraft(String institution, String areaCode, String description, String priority,
                            String status) {
    }

    /** An offer of support; {@code amount} optional, with its currency when given. */
    public record OfferDraft(String organisation, String what, String amount, String currency) {
    }

    public record ParticipantDraft(String organisation, String sector) {
    }

    /** {@code women + men <= participants}, {@code youth <= participants} (the others are non-youth). */
    public record ConsultationDraft(String heldOn, String place, String kind, String organiser,
                                    List<String> organisations, Integer participants, Integer women, Integer men,
                                    Integer youth, String summary) {
    }
}
