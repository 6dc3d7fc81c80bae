package org.fusioncell.plans;

import org.fusioncell.access.Marking;

/** The outcome of opening a plan: absent and hidden are one {@link Unknown}. */
public sealed interface PlanAccess {

    record Opened(PlanTree plan) implements PlanAccess {
    }

    /** The reader's organisation may learn the plan exists (hit/no-hit), not its content. */
    record KnownToExist(String planId, String ownerOrganisationId, Marking marking) implements PlanAccess {
    }

    record Unknown() implements PlanAccess {
    }
}
