package org.fusioncell.hashbanks;

import org.fusioncell.access.Marking;

/** The outcome of a step on a bank: done, refused (with a reason code), existence-only, or unknown (absent or hidden). */
public sealed interface BankStep<T> {

    record Done<T>(T value) implements BankStep<T> {
    }

    record Refused<T>(String code, String detail) implements BankStep<T> {
    }

    record KnownToExist<T>(String bankId, String ownerOrganisationId, Marking marking) implements BankStep<T> {
    }

    record Unknown<T>() implements BankStep<T> {
    }
}
