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
                              String pledged, String donor, String status, String risks) {
    }

    public record IndicatorDraft(String actionId, String name, String unit, String baseline, String target,
                                 String frequency) {
    }

    /** {@code sex}, {@code ageGroup}, {@code area}: all null for the indicator's total. */
    public record MeasurementDraft(String measuredOn, String value, String sex, String ageGroup, String area,
                                   String evidence) {
    }
}
