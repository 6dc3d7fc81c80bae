package org.fusioncell.monitoring.delivery.internal;

/** What one attempt came to. Errors are technical words (status, failure kind), never content. */
sealed interface Outcome {

    record Delivered() implements Outcome {
    }

    /** Worth another attempt after a while (a timeout, a 5xx, a refused connection). */
    record Failed(String error) implements Outcome {
    }

    /** No attempt can succeed (the endpoint was removed, its host is no longer allowed). */
    record Abandoned(String error) implements Outcome {
    }

    Outcome DELIVERED = new Delivered();
}
