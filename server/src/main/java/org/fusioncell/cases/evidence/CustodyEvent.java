package org.fusioncell.cases.evidence;

import java.time.Instant;

/**
 * One handling of an item: who, when it happened, where and why; {@code hash} = SHA-256 of {@code prevHash} and
 * the event's canonical content ({@link CustodyChain}).
 */
public record CustodyEvent(String itemId, int seq, Kind kind, String actorUserId, String actorOrganisationId,
                           Instant occurredAt, Instant recordedAt, String place, String why, String toUserId,
                           String prevHash, String hash) {

    public enum Kind {
        RECEIVED, EXAMINED, COPIED, TRANSFERRED, ACKNOWLEDGED, TRANSFER_CANCELLED, RETURNED, DISPOSED
    }
}
