package org.fusioncell.release;

/** The outcome of approving, denying or withdrawing a request; refusals are values. */
public sealed interface Ruling {

    record Done(AccessRequest request) implements Ruling {
    }

    /** Not a request the user may decide (or withdraw), or no such request: told apart by nobody. */
    record Unknown() implements Ruling {
    }

    /** Decided or withdrawn already. */
    record AlreadyDecided(AccessRequest.State state) implements Ruling {
    }

    /**
     * Approval refused: even re-marked, the policy would withhold the item from the requester
     * ({@code reason} says why: clearance, caveats), or the holder no longer holds it. Nothing changed.
     */
    record Refused(String reason) implements Ruling {
    }
}
