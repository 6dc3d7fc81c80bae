package org.fusioncell.screening;

/** What became of a re-personalisation command: refusals are values, not exceptions. */
public sealed interface RepersonalisationStep {

    /** The request was recorded and waits for the designated authority. */
    record Requested(RepersonalisationRequest request) implements RepersonalisationStep {
    }

    /** The authority approved or refused it. */
    record Decided(RepersonalisationRequest request) implements RepersonalisationStep {
    }

    /** The requester tried to decide their own request: nothing changed. */
    record OwnRequest(RepersonalisationRequest request) implements RepersonalisationStep {
    }

    /** The decider does not hold the designated authority's role: nothing changed. */
    record NotAuthority() implements RepersonalisationStep {
    }

    record AlreadyDecided(RepersonalisationRequest request) implements RepersonalisationStep {
    }

    /** The run (or subject) is not depersonalised: its people can be read as they are. */
    record NotDepersonalised() implements RepersonalisationStep {
    }

    /** No such run, subject or request, or the reader may not see it. */
    record Unknown() implements RepersonalisationStep {
    }
}
