package org.fusioncell.exchange.rfi;

/** The outcome of a workflow step; refusals are values. */
public sealed interface RfiStep {

    record Done(Rfi rfi) implements RfiStep {
    }

    /** No such request, or one the reader may not see: told apart by nobody. */
    record Unknown() implements RfiStep {
    }

    /** The step does not apply in this state (e.g. accepting an unanswered request). */
    record WrongState(AddresseeState state) implements RfiStep {
    }

    /** The reader sees the request but may not take this step ({@code code}: not-requester, not-desk…). */
    record Refused(String code, String detail) implements RfiStep {
    }
}
