package org.fusioncell.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.TreeSet;
import org.fusioncell.access.Marking;

/**
 * The id of a marking: a digest of its canonical content (SHA-256, written as a version-8 UUID). Two equal markings get the same id whatever the order of their sets.
 */
final class MarkingDigest {

    private MarkingDigest() {
    }

    static String of(Marking m) {
        StringBuilder canonical = new StringBuilder("fusioncell-marking-v1");
        field(canonical, String.valueOf(m.classificationRank()));
        field(canonical, m.tlp().name());
        field(canonical, String.valueOf(m.originatorControl()));
        field(canonical, m.ownerOrganisation());
        set(canonical, m.releasability().organisations());
        set(canonical, m.releasability().organisationTypes().stream().map(Enum::name).toList());
        set(canonical, m.releasability().agreements());
        set(canonical, m.releasability().users());
        set(canonical, m.caveats());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            // a version-8 ("custom") UUID of the digest's first 16 bytes: well-formed like every other id
            digest[6] = (byte) ((digest[6] & 0x0F) | 0x80);
            digest[8] = (byte) ((digest[8] & 0x3F) | 0x80);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(digest, 0, 16);
            return new java.util.UUID(b.getLong(), b.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void set(StringBuilder out, Collection<String> values) {
        TreeSet<String> sorted = new TreeSet<>(values);
        field(out, String.valueOf(sorted.size()));
        sorted.forEach(v -> field(out, v));
    }

    private static void field(StringBuilder out, String value) {
        out.append('|').append(value.length()).append(':').append(value);
    }
}
