package org.fusioncell.media.pdq;

import java.util.Locale;

/**
 * A 256-bit PDQ hash. Bit {@code k} (0..255) is DCT coefficient {@code (k / 16, k % 16)}; the hex form is the
 * 256-bit number written most significant nibble first, as every reference implementation prints it, so bit 0 is
 * the lowest bit of the last hex digit. Held as four longs: {@code w0} is the first 16 hex digits (bits 255..192).
 */
public record PdqHash(long w0, long w1, long w2, long w3) {

    public static final int BITS = 256;

    /** Parses 64 hex digits (either case); anything else is refused with the reason. */
    public static PdqHash fromHex(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a PDQ hash is 64 hex digits, got "
                    + (hex == null ? "nothing" : hex.length() + " characters"));
        }
        long[] w = new long[4];
        for (int i = 0; i < 64; i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("a PDQ hash is 64 hex digits; character " + (i + 1) + " is not one");
            }
            w[i >> 4] = (w[i >> 4] << 4) | digit;
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }

    /** Builds a hash from bit positions as the hasher produces them (bit k set when {@code bits[k]}). */
    static PdqHash fromBits(boolean[] bits) {
        long[] w = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                w[3 - (k >> 6)] |= 1L << (k & 63);
            }
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }

    public String toHex() {
        return String.format(Locale.ROOT, "%016x%016x%016x%016x", w0, w1, w2, w3);
    }

    /** Number of differing bits, 0..256. */
    public int distance(PdqHash other) {
        return Long.bitCount(w0 ^ other.w0) + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2) + Long.bitCount(w3 ^ other.w3);
    }

    /** Whether bit {@code k} (0..255, see the class comment) is set. */
    public boolean bit(int k) {
        return (word(3 - (k >> 6)) >>> (k & 63) & 1L) != 0;
    }

    /** The {@code i}-th long, 0..3, in hex order. */
    public long word(int i) {
        return switch (i) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    /** Number of set bits; a hash from a real image has 128 (the median splits the 256 coefficients). */
    public int bitCount() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
