package org.fusioncell.cases;

import org.fusioncell.access.Marking;

/** The outcome of opening a case: absent, hidden and not a participant are one {@link Unknown}. */
public sealed interface CaseAccess {

    record Opened(CaseFile file) implements CaseAccess {
    }

    /** The reader's organisation participates, but the case's marking withholds its content from this reader. */
    record KnownToExist(String caseId, String leadOrganisationId, Marking marking) implements CaseAccess {
    }

    record Unknown() implements CaseAccess {
    }
}
