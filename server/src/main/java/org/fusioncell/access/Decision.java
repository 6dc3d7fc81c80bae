package org.fusioncell.access;

/** The outcome of the policy decision point, with a reason fit for the audit log (never content). */
public record Decision(Visibility visibility, String reason) {

    public enum Visibility {
        /** The reader may see the item. */
        VISIBLE,
        /** The reader may learn only that a holder has it (hit/no-hit) and ask for release. */
        EXISTENCE_ONLY,
        /** The reader may not learn that the item exists. */
        HIDDEN
    }

    public boolean visible() {
        return visibility == Visibility.VISIBLE;
    }

    static Decision visible(String reason) {
        return new Decision(Visibility.VISIBLE, reason);
    }

    static Decision existenceOnly(String reason) {
        return new Decision(Visibility.EXISTENCE_ONLY, reason);
    }

    static Decision hidden(String reason) {
        return new Decision(Visibility.HIDDEN, reason);
    }
}
