package org.fusioncell.entities;

/** The outcome of a merge: done, refused with a reason, or an id the analyst may not see (as if absent). */
public sealed interface MergeOutcome {

    record Merged(Merge merge) implements MergeOutcome {
    }

    record Refused(Refusal refusal) implements MergeOutcome {
    }

    record Unknown() implements MergeOutcome {
    }
}
