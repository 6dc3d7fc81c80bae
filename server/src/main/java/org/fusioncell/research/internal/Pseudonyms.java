package org.fusioncell.research.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed-hash pseudonyms for one export: HMAC-SHA-256 of the record's id under a random key made for that export
 * and never stored, so pseudonyms of two exports cannot be linked to each other nor, without the key, to an id.
 */
public final class Pseudonyms {

    private final Mac mac;

    public Pseudonyms(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 20 hex digits (80 bits) of the keyed hash. */
    public String of(String id) {
        byte[] h = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 10);
    }
}
