package org.fusioncell.safeguards.oversight;

/** What the auditor decides on an open finding; a dismissal needs a reason. */
public enum FindingDecision {
    ACKNOWLEDGE(FindingState.ACKNOWLEDGED),
    DISMISS(FindingState.DISMISSED),
    ESCALATE(FindingState.ESCALATED);

    private final FindingState next;

    FindingDecision(FindingState next) {
        this.next = next;
    }

    public FindingState next() {
        return next;
    }
}
