package org.fusioncell.safeguards.oversight;

/**
 * The patterns the access-pattern review looks for in the audit log (docs/oversight.md). Each finding's
 * explanation is the message {@code oversight.rule.<name>.explanation}.
 */
public enum FindingRule {
    /** More distinct persons opened in a window than the threshold, outside the cases and watches of the organisation. */
    UNRELATED_PERSONS,
    /** More exports, or more objects exported, in a window than the thresholds. */
    BULK_EXPORT,
    /** More records outside working hours and days in a window than the threshold. */
    ODD_HOURS,
    /** The same item refused or shown as existing only, at least the threshold's number of times in a window. */
    REPEATED_PROBING
}
