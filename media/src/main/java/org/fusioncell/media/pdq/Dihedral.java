package org.fusioncell.media.pdq;

/**
 * The eight rotations and reflections of an image. PDQ derives their hashes from the original's DCT by sign changes
 * and a transpose, without hashing the image again, so a rotated or mirrored copy of a known image is still found.
 */
public enum Dihedral {
    ORIGINAL, ROTATE_90, ROTATE_180, ROTATE_270, FLIP_X, FLIP_Y, FLIP_PLUS_1, FLIP_MINUS_1;

    /**
     * The coefficient of the transformed image at (row, column) from the original's 16×16 DCT. Coefficient (u, v)
     * of a cosine basis changes sign by (-1)^u under a vertical flip and (-1)^v under a horizontal one; a
     * transpose swaps u and v. The sign patterns below are the published ones (ThreatExchange pdq, hashing.pdf).
     */
    float coefficient(float[] dct, int row, int col) {
        return switch (this) {
            case ORIGINAL -> dct[row * 16 + col];
            case ROTATE_90 -> signed(dct[col * 16 + row], (row & 1) != 0);
            case ROTATE_180 -> signed(dct[row * 16 + col], ((row + col) & 1) == 0);
            case ROTATE_270 -> signed(dct[col * 16 + row], (col & 1) != 0);
            case FLIP_X -> signed(dct[row * 16 + col], (row & 1) != 0);
            case FLIP_Y -> signed(dct[row * 16 + col], (col & 1) != 0);
            case FLIP_PLUS_1 -> dct[col * 16 + row];
            case FLIP_MINUS_1 -> signed(dct[col * 16 + row], ((row + col) & 1) == 0);
        };
    }

    private static float signed(float value, boolean keep) {
        return keep ? value : -value;
    }
}
