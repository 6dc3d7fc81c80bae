package org.fusioncell.plans;

import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.Reader;
import org.fusioncell.plans.Drafts.ActionDraft;
import org.fusioncell.plans.Drafts.IndicatorDraft;
import org.fusioncell.plans.Drafts.MeasurementDraft;
import org.fusioncell.plans.Drafts.PlanDraft;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Action plans (docs/plans.md). Lists and counts are computed by the database over the plans the reader may see;
 * a plan is written by the analysts and supervisors of its owner organisation (its coordinators). Bad input throws
 * {@link org.fusioncell.shared.InvalidInputException} naming the field, and nothing is written.
 */
public interface Plans {

    String INFORMATION_TYPE = "plan";

    PlanStep<PlanTree> create(Reader author, PlanDraft draft);

    Page<PlanSummary> list(Reader reader, PlanStatus status, PageRequest page);

    long count(Reader reader, PlanStatus status);

    /** The plan with its whole structure, progress and funding; audited as a consultation. */
    PlanAccess find(Reader reader, String planId);

    /** As {@link #find}, audited as a consultation of one {@code view} of the plan (coordination, donor-matrix…). */
    PlanAccess view(Reader reader, String planId, String view);

    /** As {@link #find}, audited as an export in {@code format} (csv, iati, html). */
    PlanAccess export(Reader reader, String planId, String format);

    /** {@code marking}, when given, re-marks the plan (e.g. TLP:GREEN once adopted); null keeps it. */
    PlanStep<PlanTree> changeStatus(Reader reader, String planId, int version, String status, MarkingForm marking);

    PlanStep<String> addObjective(Reader reader, String planId, String areaCode, String title);

    PlanStep<String> addOutput(Reader reader, String planId, String objectiveId, String title);

    PlanStep<String> addAction(Reader reader, String planId, ActionDraft draft);

    PlanStep<String> addIndicator(Reader reader, String planId, IndicatorDraft draft);

    PlanStep<String> addMeasurement(Reader reader, String planId, String indicatorId, MeasurementDraft draft);
}
