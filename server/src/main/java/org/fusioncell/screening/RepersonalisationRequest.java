package org.fusioncell.screening;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request to see a depersonalised run's people (or one of them) again, with the requester's reason, and the
 * designated authority's decision with theirs. An approved request opens the particulars to its requester
 * until {@code expiresAt}.
 */
public record RepersonalisationRequest(String id, String runId, @Nullable String subjectId, String requestedBy,
                                       String organisationId, String reason, Instant requestedAt, State state,
                                       @Nullable String decidedBy, @Nullable Instant decidedAt,
                                       @Nullable String decisionReason, @Nullable Instant expiresAt) {

    public enum State { PENDING, APPROVED, REFUSED }

    /** Approved and not yet expired at {@code now}. */
    public boolean open(Instant now) {
        return state == State.APPROVED && expiresAt != null && now.isBefore(expiresAt);
    }
}
