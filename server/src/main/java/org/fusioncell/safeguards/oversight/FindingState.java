package org.fusioncell.safeguards.oversight;

/** Where the auditor's review of a finding stands; {@code OPEN} until the auditor decides. */
public enum FindingState {
    OPEN,
    ACKNOWLEDGED,
    DISMISSED,
    ESCALATED
}
