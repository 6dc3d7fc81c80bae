package org.fusioncell.assessment;

import org.fusioncell.access.Marking;

/** Opening a product: refusals are values; hidden and absent are one answer. */
public sealed interface AssessmentAccess {

    record Opened(Assessment assessment) implements AssessmentAccess {
    }

    /** Hit/no-hit: the holder and the level, nothing of the content. */
    record KnownToExist(String assessmentId, String holderOrganisationId, Marking marking, String reason)
            implements AssessmentAccess {
    }

    record Unknown() implements AssessmentAccess {
    }
}
