package org.fusioncell.exchange.packages;

import java.time.Instant;

/**
 * One package built here for a partner ({@link Direction#EXPORTED}) or imported from one
 * ({@link Direction#IMPORTED}), as the package list shows it. {@code added}/{@code unchanged}: for an import,
 * objects that became items (or were kept as received), corrected items, revoked (erased) items and objects
 * already held; null for an export.
 */
public record PackageSummary(String id, Direction direction, String partnerId, String partnerName, String collectionId,
                             String collectionTitle, Instant created, Instant since, Instant firstAdded,
                             Instant lastAdded, int objects, boolean more, String sha256, String signer, Integer added,
                             Integer corrected, Integer revoked, Integer unchanged, String byUserId, Instant at) {

    public enum Direction { EXPORTED, IMPORTED }
}
