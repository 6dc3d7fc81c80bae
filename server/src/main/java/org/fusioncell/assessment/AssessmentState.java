package org.fusioncell.assessment;

/**
 * The workflow: a draft goes to peer review, is approved by a supervisor who wrote none of it (four
 * eyes), is disseminated, and ends superseded by a newer product or withdrawn. Review can send it back
 * to draft.
 */
public enum AssessmentState {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    DISSEMINATED,
    SUPERSEDED,
    WITHDRAWN;

    /** Delivered at some point: its recipients keep seeing it, with the withdrawal or supersession notice. */
    public boolean released() {
        return this == DISSEMINATED || this == SUPERSEDED || this == WITHDRAWN;
    }

    /** The text may still change. */
    public boolean editable() {
        return this == DRAFT || this == IN_REVIEW;
    }
}
