package org.fusioncell.entities;

/** The outcome of a split: done, refused with a reason, or a merge the analyst may not see (as if absent). */
public sealed interface SplitOutcome {

    record Split(Merge merge) implements SplitOutcome {
    }

    record Refused(Refusal refusal) implements SplitOutcome {
    }

    record Unknown() implements SplitOutcome {
    }
}
