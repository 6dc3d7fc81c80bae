package org.fusioncell.plans;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a plan. Forward one step at a time; consultation may send a draft back, and a review may send a
 * plan back to implementation or (when it must be rewritten) to drafting. Validating and adopting need a
 * supervisor who did not make the plan's last change (four eyes).
 */
public enum PlanStatus {
    DRAFTING, CONSULTATION, VALIDATED, ADOPTED, IMPLEMENTING, UNDER_REVIEW, CLOSED;

    public Set<PlanStatus> next() {
        return switch (this) {
            case DRAFTING -> Set.of(CONSULTATION);
            case CONSULTATION -> Set.of(DRAFTING, VALIDATED);
            case VALIDATED -> Set.of(ADOPTED, DRAFTING);
            case ADOPTED -> Set.of(IMPLEMENTING);
            case IMPLEMENTING -> Set.of(UNDER_REVIEW);
            case UNDER_REVIEW -> Set.of(IMPLEMENTING, DRAFTING, CLOSED);
            case CLOSED -> Set.of();
        };
    }

    /** Needs a supervisor other than the author of the last change. */
    public boolean needsSecondSupervisor() {
        return this == VALIDATED || this == ADOPTED;
    }

    public static Optional<PlanStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT).replace(' ', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
