package org.fusioncell.intake;

import org.fusioncell.access.Marking;

/**
 * The outcome of opening a report: refusals are values. A hidden report and a report that does not
 * exist give the same {@link Unknown}, so nothing tells them apart.
 */
public sealed interface ReportAccess {

    record Opened(Report report) implements ReportAccess {
    }

    /** Above the justification level: the reader must say why before the report is opened. */
    record JustificationNeeded(String reportId) implements ReportAccess {
    }

    /** Hit/no-hit: the reader learns that the holder has the report, its level, and whom to ask. */
    record KnownToExist(String reportId, String holderOrganisationId, Marking marking, String reason)
            implements ReportAccess {
    }

    record Unknown() implements ReportAccess {
    }
}
