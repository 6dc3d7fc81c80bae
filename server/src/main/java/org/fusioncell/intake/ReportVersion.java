package org.fusioncell.intake;

import java.time.Instant;

/** One kept version of a report: who changed it, when, why, and at what level (never the content). */
public record ReportVersion(String reportId, int version, String changedByUserId, Instant changedAt, String reason,
                            int classificationRank) {
}
