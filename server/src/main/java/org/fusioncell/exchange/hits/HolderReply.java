package org.fusioncell.exchange.hits;

import java.time.Instant;

/**
 * What the holder tells the partner that asked: an answer (hit or no hit, the holder's point of contact, an
 * opaque reference, the release decision once taken) or a refusal with a reason. Never item ids, names or
 * counts.
 */
public sealed interface HolderReply {

    record Answered(String reference, HitOutcome outcome, String contact, ReleaseState release, String message,
                    Instant decidedAt) implements HolderReply {
    }

    record Refused(String reason) implements HolderReply {
    }
}
