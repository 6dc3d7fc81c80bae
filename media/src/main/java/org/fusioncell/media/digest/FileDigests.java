package org.fusioncell.media.digest;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * MD5 and SHA-256 of a file, lower-case hex, computed in one pass over the stream. MD5 is kept because partner
 * hash lists still carry it; it identifies exact copies only and is not collision-resistant, so SHA-256 is the one
 * to trust when both are known.
 */
public record FileDigests(String md5, String sha256, long length) {

    private static final int BUFFER = 64 * 1024;

    public static FileDigests of(InputStream in) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha256 = digest("SHA-256");
        byte[] buffer = new byte[BUFFER];
        long length = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            md5.update(buffer, 0, n);
            sha256.update(buffer, 0, n);
            length += n;
        }
        HexFormat hex = HexFormat.of();
        return new FileDigests(hex.formatHex(md5.digest()), hex.formatHex(sha256.digest()), length);
    }

    public static FileDigests of(byte[] content) {
        try {
            return of(new java.io.ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new IllegalStateException("a byte array cannot fail to read", e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + algorithm, e);
        }
    }
}
