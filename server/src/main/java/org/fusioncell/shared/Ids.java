package org.fusioncell.shared;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Identifiers are time-ordered UUIDs (version 7, RFC 9562) kept as text: they sort by creation
 * time in both databases and index well, and reveal nothing but a creation time.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        return newId(Instant.now());
    }

    static String newId(Instant at) {
        long millis = at.toEpochMilli();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long msb = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long lsb = 0x8000000000000000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            lsb |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(msb, lsb).toString();
    }

    /** True when the text is a well-formed id; malformed ids are answered as "not found", never echoed. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
