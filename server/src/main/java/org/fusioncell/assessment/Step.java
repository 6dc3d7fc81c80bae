package org.fusioncell.assessment;

import java.util.List;

/** The outcome of a workflow step; refusals are values that say why. */
public sealed interface Step {

    record Done(Assessment assessment) implements Step {
    }

    /** No such product, or one the reader may not see: told apart by nobody. */
    record Unknown() implements Step {
    }

    /** The step does not apply in the product's state (e.g. approving a draft). */
    record WrongState(AssessmentState state) implements Step {
    }

    /** The edit was made against another version. */
    record Stale(int currentVersion) implements Step {
    }

    /**
     * Refused by a rule: {@code code} is stable (e.g. {@code four-eyes}, {@code not-supervisor},
     * {@code no-peer-review}, {@code above-clearance}, {@code originator-approval-pending}), {@code detail}
     * says what is wrong, {@code subjects} names the users or organisations concerned (ids).
     */
    record Refused(String code, String detail, List<String> subjects) implements Step {
        public Refused(String code, String detail) {
            this(code, detail, List.of());
        }
    }
}
