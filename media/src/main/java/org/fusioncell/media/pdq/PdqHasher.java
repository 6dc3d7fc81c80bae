package org.fusioncell.media.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * PDQ as published by Meta (ThreatExchange {@code pdq/}, hashing.pdf): luminance, a Jarosz tent filter (two X/Y
 * passes of box filters) and decimation to 64×64, the 16×16 low-frequency block of the 2-D DCT (skipping the DC
 * row and column), one bit per coefficient above the median. Arithmetic is single precision in the reference's
 * order, so on the same decoded pixels this gives the Java reference's hash bit for bit.
 *
 * <p>Stateless after construction (the DCT matrix) and safe to share between threads.
 */
public final class PdqHasher {

    /** Each of the two passes covers half a 64th of the image: window = ceil(dimension / 128). */
    private static final int WINDOW_DIVISOR = 128;
    private static final int PASSES = 2;

    private final float[] dctMatrix = new float[16 * 64];

    public PdqHasher() {
        float scale = (float) Math.sqrt(2.0 / 64.0);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                dctMatrix[i * 64 + j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
    }

    /** Decodes (JPEG, PNG, GIF, BMP, TIFF; EXIF orientation applied) and hashes. */
    public PdqResult hash(InputStream image) throws IOException {
        return fromLuma(DecodedImage.readLuma(image), false);
    }

    /** As {@link #hash(InputStream)}, with the hashes of all eight dihedral transforms. */
    public PdqResult hashAllDihedral(InputStream image) throws IOException {
        return fromLuma(DecodedImage.readLuma(image), true);
    }

    /** Hashes an already decoded image as it is (no EXIF handling: a BufferedImage carries none). */
    public PdqResult hash(BufferedImage image) {
        return fromLuma(Luma.of(image), false);
    }

    public PdqResult hashAllDihedral(BufferedImage image) {
        return fromLuma(Luma.of(image), true);
    }

    /** Package-private for tests that turn the pixels themselves. */
    PdqResult fromLuma(Luma luma, boolean allDihedral) {
        float[] pixels = luma.pixels();
        int rows = luma.rows();
        int cols = luma.cols();
        tentFilter(pixels, rows, cols);
        float[] small = decimate(pixels, rows, cols);
        int quality = quality(small);
        float[] dct = dct64To16(small);
        PdqHash hash = bits(dct, Dihedral.ORIGINAL);
        Map<Dihedral, PdqHash> others = new EnumMap<>(Dihedral.class);
        if (allDihedral) {
            for (Dihedral d : Dihedral.values()) {
                if (d != Dihedral.ORIGINAL) {
                    others.put(d, bits(dct, d));
                }
            }
        }
        return new PdqResult(hash, quality, others);
    }

    static int windowSize(int dimension) {
        return (dimension + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
    }

    /** Two X-then-Y passes of box filters approximate a tent filter (Jarosz, SIGGRAPH 2001); result in place. */
    private static void tentFilter(float[] pixels, int rows, int cols) {
        float[] scratch = new float[pixels.length];
        int alongRows = windowSize(cols);
        int alongCols = windowSize(rows);
        for (int pass = 0; pass < PASSES; pass++) {
            for (int r = 0; r < rows; r++) {
                box(pixels, scratch, r * cols, cols, 1, alongRows);
            }
            boxColumns(scratch, pixels, rows, cols, alongCols);
        }
    }

    /**
     * A centred running mean over {@code window} samples of one row or column; near the ends the window is cut
     * short and the mean taken over what is inside it.
     */
    private static void box(float[] in, float[] out, int start, int length, int stride, int window) {
        int half = (window + 2) / 2;
        int leadIn = half - 1;
        int growing = window - half + 1;
        int full = length - window;
        int tail = half - 1;
        int left = start;
        int right = start;
        int at = start;
        float sum = 0f;
        int count = 0;
        for (int i = 0; i < leadIn; i++, right += stride) {
            sum += in[right];
            count++;
        }
        for (int i = 0; i < growing; i++, right += stride, at += stride) {
            sum += in[right];
            count++;
            out[at] = sum / count;
        }
        for (int i = 0; i < full; i++, left += stride, right += stride, at += stride) {
            sum += in[right];
            sum -= in[left];
            out[at] = sum / count;
        }
        for (int i = 0; i < tail; i++, left += stride, at += stride) {
            sum -= in[left];
            count--;
            out[at] = sum / count;
        }
    }

    /**
     * {@link #box} down every column at once, row by row, so memory is read in order rather than one column at a
     * time with a stride of a whole row (a cache miss per pixel on large photos). Each column sees the same
     * additions in the same order as in {@link #box}, so the floats, and the hash, are the same.
     */
    private static void boxColumns(float[] in, float[] out, int rows, int cols, int window) {
        int half = (window + 2) / 2;
        int leadIn = half - 1;
        int growing = window - half + 1;
        int full = rows - window;
        int tail = half - 1;
        float[] sums = new float[cols];
        int left = 0;
        int right = 0;
        int at = 0;
        int count = 0;
        for (int i = 0; i < leadIn; i++, right++) {
            int r = right * cols;
            for (int c = 0; c < cols; c++) {
                sums[c] += in[r + c];
            }
            count++;
        }
        for (int i = 0; i < growing; i++, right++, at++) {
            int r = right * cols;
            int o = at * cols;
            count++;
            for (int c = 0; c < cols; c++) {
                sums[c] += in[r + c];
                out[o + c] = sums[c] / count;
            }
        }
        for (int i = 0; i < full; i++, left++, right++, at++) {
            int r = right * cols;
            int l = left * cols;
            int o = at * cols;
            for (int c = 0; c < cols; c++) {
                float sum = sums[c] + in[r + c];
                sum -= in[l + c];
                sums[c] = sum;
                out[o + c] = sum / count;
            }
        }
        for (int i = 0; i < tail; i++, left++, at++) {
            int l = left * cols;
            int o = at * cols;
            count--;
            for (int c = 0; c < cols; c++) {
                sums[c] -= in[l + c];
                out[o + c] = sums[c] / count;
            }
        }
    }

    /** Samples the filtered image at the centres of a 64×64 grid. */
    private static float[] decimate(float[] pixels, int rows, int cols) {
        float[] out = new float[64 * 64];
        for (int i = 0; i < 64; i++) {
            int r = (int) (((i + 0.5) * rows) / 64);
            for (int j = 0; j < 64; j++) {
                int c = (int) (((j + 0.5) * cols) / 64);
                out[i * 64 + j] = pixels[r * cols + c];
            }
        }
        return out;
    }

    /**
     * Sum of the quantised vertical and horizontal gradients of the 64×64 image, scaled so that 100 means
     * "plenty of detail". Truncation to int per step is part of the published metric.
     */
    static int quality(float[] small) {
        int sum = 0;
        for (int i = 0; i < 63; i++) {
            for (int j = 0; j < 64; j++) {
                sum += Math.abs((int) (((small[i * 64 + j] - small[(i + 1) * 64 + j]) * 100) / 255));
            }
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 63; j++) {
                sum += Math.abs((int) (((small[i * 64 + j] - small[i * 64 + j + 1]) * 100) / 255));
            }
        }
        return Math.min(100, sum / 90);
    }

    /** B = D·A·Dᵀ with D the 16×64 DCT-II rows 1..16; only the needed block is computed. */
    private float[] dct64To16(float[] a) {
        float[] t = new float[16 * 64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                float s = 0f;
                for (int k = 0; k < 64; k++) {
                    s += dctMatrix[i * 64 + k] * a[k * 64 + j];
                }
                t[i * 64 + j] = s;
            }
        }
        float[] b = new float[16 * 16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float s = 0f;
                for (int k = 0; k < 64; k++) {
                    s += t[i * 64 + k] * dctMatrix[j * 64 + k];
                }
                b[i * 16 + j] = s;
            }
        }
        return b;
    }

    /** One bit per coefficient strictly above the median (the 128th smallest of the 256). */
    private static PdqHash bits(float[] dct, Dihedral transform) {
        float[] values = new float[256];
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                values[r * 16 + c] = transform.coefficient(dct, r, c);
            }
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        float median = sorted[127];
        boolean[] set = new boolean[256];
        for (int k = 0; k < 256; k++) {
            set[k] = values[k] > median;
        }
        return PdqHash.fromBits(set);
    }
}
