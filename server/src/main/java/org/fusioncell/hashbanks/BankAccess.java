package org.fusioncell.hashbanks;

import org.fusioncell.access.Marking;

/** The outcome of opening a bank: absent and hidden are one {@link Unknown}. */
public sealed interface BankAccess {

    record Opened(Bank bank) implements BankAccess {
    }

    /** The reader's organisation may learn the bank exists (hit/no-hit), not its content. */
    record KnownToExist(String bankId, String ownerOrganisationId, Marking marking) implements BankAccess {
    }

    record Unknown() implements BankAccess {
    }
}
