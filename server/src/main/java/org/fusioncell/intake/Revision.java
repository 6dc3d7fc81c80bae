package org.fusioncell.intake;

/** The outcome of revising a report; refusals are values. */
public sealed interface Revision {

    record Revised(Report report) implements Revision {
    }

    /** Someone else stored a newer version first: the caller must reload and reapply. */
    record Stale(int currentVersion) implements Revision {
    }

    /** No such report, not visible, or not the reader's organisation's to change: told apart by nobody. */
    record Unknown() implements Revision {
    }
}
