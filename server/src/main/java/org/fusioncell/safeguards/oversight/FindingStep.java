package org.fusioncell.safeguards.oversight;

/** The answer to a decision on a finding: done, no such finding, or already decided (by someone else). */
public sealed interface FindingStep {

    record Done(Finding finding) implements FindingStep {
    }

    record Unknown() implements FindingStep {
    }

    record AlreadyDecided(Finding finding) implements FindingStep {
    }
}
