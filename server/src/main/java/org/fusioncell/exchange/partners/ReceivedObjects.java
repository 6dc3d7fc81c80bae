package org.fusioncell.exchange.partners;

import java.util.List;
import java.util.Map;

/**
 * STIX objects received from a partner cell — pulled from its TAXII collection or carried in an offline
 * package — applied for the partner's owner organisation in one transaction: new objects become reports,
 * entities and links (or are kept as received) with their markings and provenance; a newer version of an
 * object already applied corrects it; a revoked object erases what it had become. An object version applied
 * before is left alone, so applying the same objects twice changes nothing. Objects sent back to us that
 * are our own items are recognised and left alone.
 */
public interface ReceivedObjects {

    /**
     * Bad objects throw {@link org.fusioncell.shared.InvalidInputException} naming {@code objects[i]…}; nothing
     * is applied then. Audited as collection (and erasure for revocations) by the exchange processing actor.
     */
    Applied apply(PartnerCell partner, List<Map<String, Object>> objects);

    /** {@code added}: items created or objects kept; {@code corrected}; {@code revoked}; {@code unchanged}. */
    record Applied(int added, int corrected, int revoked, int unchanged) {

        public int total() {
            return added + corrected + revoked + unchanged;
        }
    }
}
