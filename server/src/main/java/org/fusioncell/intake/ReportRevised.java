package org.fusioncell.intake;

/**
 * Published in the transaction that stores a new version of a report (content, grading, tags or
 * marking changed); {@code version} is the new version number.
 */
public record ReportRevised(String reportId, int version) {
}
