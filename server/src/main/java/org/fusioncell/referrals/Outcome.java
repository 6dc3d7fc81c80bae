package org.fusioncell.referrals;

/** What the platform did with referred content. An appeal is open only against a measure (removed, restricted). */
public enum Outcome {
    REMOVED, RESTRICTED, NO_VIOLATION;

    public boolean measure() {
        return this != NO_VIOLATION;
    }
}
