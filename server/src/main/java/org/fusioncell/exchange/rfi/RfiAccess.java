package org.fusioncell.exchange.rfi;

import org.fusioncell.access.Marking;

/** The outcome of opening a request: hidden, absent and not addressed to the reader are one {@link Unknown}. */
public sealed interface RfiAccess {

    record Opened(Rfi rfi) implements RfiAccess {
    }

    /** The reader's organisation is a party, but the marking withholds the content from this reader. */
    record KnownToExist(String rfiId, String holderOrganisationId, Marking marking) implements RfiAccess {
    }

    record Unknown() implements RfiAccess {
    }
}
