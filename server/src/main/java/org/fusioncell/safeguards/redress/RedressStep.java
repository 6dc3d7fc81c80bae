package org.fusioncell.safeguards.redress;

/** What became of a command on a redress request: refusals are values. */
public sealed interface RedressStep {

    record Done(RedressRequest request) implements RedressStep {
    }

    /** The request is decided: it no longer changes. */
    record AlreadyDecided(RedressRequest request) implements RedressStep {
    }

    /** Upholding needs at least one hit confirmed as the person's: there would be nothing to clear. */
    record NoHitLinked(RedressRequest request) implements RedressStep {
    }

    /** No such request in the officer's organisation, or a hit the officer may not see. */
    record Unknown() implements RedressStep {
    }
}
