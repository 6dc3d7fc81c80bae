package org.fusioncell.intake;

import java.time.Instant;
import java.time.LocalDate;

/**
 * That a report is held, by whom, since when and until when — for retention and review of holdings, which
 * decide on these dates alone and never see the report's content.
 */
public record ReportHolding(String reportId, String organisationId, Instant reportedAt, LocalDate retentionUntil) {
}
