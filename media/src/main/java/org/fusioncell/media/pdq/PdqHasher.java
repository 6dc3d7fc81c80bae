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
 * <p>Safe to share between threads: its own state is the DCT matrix, fixed at construction; the image-sized
 * buffers are per thread ({@link Workspace}).
 */
public final class PdqHasher {


    /** Image buffers up to 4 megapixels (16 MB each) stay with their thread; larger ones are dropped after use. */
    static final int RETAINED_PIXELS = 1 << 22;

    private final float[] dctMatrix = new float[16 * 64];
    private final float[] dctTransposed = new float[64 * 16];

    public PdqHasher() {
        float scale = (float) Math.sqrt(2.0 / 64.0);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                dctMatrix[i * 64 + j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
                dctTransposed[j * 16 + i] = dctMatrix[i * 64 + j];
            }
        }
    }

    /**
     * Decodes (JPEG, PNG, GIF, BMP, TIFF; EXIF orientation applied) and hashes: one hash and its quality. JPEGs
     * are decoded straight to their luminance channel, and images much larger than the filter needs are read
     * subsampled ({@link DecodedImage}); both move the hash by a few bits at most, well inside the tolerance
     * between reference implementations.
     */
    public PdqResult hash(InputStream image) throws IOException {
        return fromLuma(DecodedImage.readLuma(image, Workspace.current()), false);
    }

    /**
     * As {@link #hash(InputStream)}, with the hashes of all eight dihedral transforms, derived from the same DCT
     * (no second filtering or transform).
     */
    public PdqResult hashAllDihedral(InputStream image) throws IOException {
        return fromLuma(DecodedImage.readLuma(image, Workspace.current()), true);
    }

    /**
     * Hashes an already decoded image as it is, at full size, with the Java reference's colour conversion
     * ({@code getRGB}); no EXIF handling (a BufferedImage carries none). On ImageIO's decoding of a file this is
     * the Java reference's hash bit for bit.
     */
    public PdqResult hash(BufferedImage image) {
        return fromLuma(Luma.of(image, Workspace.current()), false);
    }

    public PdqResult hashAllDihedral(BufferedImage image) {
        return fromLuma(Luma.of(image, Workspace.current()), true);
    }

    /** Package-private for tests that turn the pixels themselves; the pixels are overwritten. */
    PdqResult fromLuma(Luma luma, boolean allDihedral) {
        Workspace work = Workspace.current();
        float[] dct = work.dct;
        int quality = filterDecimateAndTransform(luma, work, dct);
        PdqHash hash = bits(dct, Dihedral.ORIGINAL, work.values, work.sorted);
        Map<Dihedral, PdqHash> others = new EnumMap<>(Dihedral.class);
        if (allDihedral) {
            for (Dihedral d : Dihedral.values()) {
                if (d != Dihedral.ORIGINAL) {
                    others.put(d, bits(dct, d, work.values, work.sorted));
                }
            }
        }
        return new PdqResult(hash, quality, others);
    }

    /**
     * Jarosz filter and 64×64 decimation ({@link JaroszFilter}), quality and the 16×16 DCT (into {@code dct});
     * returns the quality. The luma buffer is reused as scratch.
     */
    private int filterDecimateAndTransform(Luma luma, Workspace work, float[] dct) {
        float[] small = work.small;
        JaroszFilter.decimate(luma, work, small);
        int quality = quality(small);
        dct64To16(small, work.product, dct);
        return quality;
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

    /**
     * B = D·A·Dᵀ with D the 16×64 DCT-II rows 1..16: T = D·A (16×64), then B = T·Dᵀ (16×16), each product as
     * loops whose innermost runs along contiguous memory (vectorised). Every coefficient still sums its 64
     * products in the order k = 0..63, as the one-dot-product-at-a-time reference does, so the floats are equal.
     */
    private void dct64To16(float[] a, float[] t, float[] b) {
        Arrays.fill(t, 0f);
        for (int i = 0; i < 16; i++) {
            int ti = i * 64;
            for (int k = 0; k < 64; k++) {
                float d = dctMatrix[i * 64 + k];
                int ak = k * 64;
                for (int j = 0; j < 64; j++) {
                    t[ti + j] += d * a[ak + j];
                }
            }
        }
        Arrays.fill(b, 0f);
        for (int i = 0; i < 16; i++) {
            int ti = i * 64;
            int bi = i * 16;
            for (int k = 0; k < 64; k++) {
                float v = t[ti + k];
                int dk = k * 16;
                for (int j = 0; j < 16; j++) {
                    b[bi + j] += v * dctTransposed[dk + j];
                }
            }
        }
    }

    /** One bit per coefficient strictly above the median (the 128th smallest of the 256). */
    private static PdqHash bits(float[] dct, Dihedral transform, float[] values, float[] sorted) {
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                values[r * 16 + c] = transform.coefficient(dct, r, c);
            }
        }
        System.arraycopy(values, 0, sorted, 0, 256);
        Arrays.sort(sorted);
        float median = sorted[127];
        boolean[] set = new boolean[256];
        for (int k = 0; k < 256; k++) {
            set[k] = values[k] > median;
        }
        return PdqHash.fromBits(set);
    }

    /**
     * Buffers reused by the hashes computed on one thread: two image-sized float arrays (kept up to
     * {@link #RETAINED_PIXELS}; larger images get fresh ones that are dropped afterwards) and the small fixed
     * ones. A thread runs one hash at a time, so sharing a {@code PdqHasher} between threads stays safe.
     */
    static final class Workspace {

        private static final ThreadLocal<Workspace> CURRENT = ThreadLocal.withInitial(Workspace::new);

        private float[] first = new float[0];
        private float[] second = new float[0];
        private float[] sums = new float[0];
        private float[] line = new float[0];
        private float[] line2 = new float[0];
        private float[] block = new float[0];
        private float[] filtered = new float[0];
        private float[] sampled = new float[0];
        final float[] small = new float[64 * 64];
        final float[] product = new float[16 * 64];
        final float[] dct = new float[16 * 16];
        final float[] values = new float[256];
        final float[] sorted = new float[256];

        static Workspace current() {
            return CURRENT.get();
        }

        /**
         * An image-sized buffer of at least {@code size} floats, contents undefined, that is not {@code taken}
         * (the buffer the caller still reads; null for none).
         */
        float[] image(int size, float[] taken) {
            if (first != taken && first.length >= size) {
                return first;
            }
            if (second != taken && second.length >= size) {
                return second;
            }
            float[] fresh = new float[size];
            if (size <= RETAINED_PIXELS) {
                if (first != taken) {
                    first = fresh;
                } else {
                    second = fresh;
                }
            }
            return fresh;
        }

        float[] sums(int size) {
            if (sums.length < size) {
                sums = new float[size];
            }
            return sums;
        }

        float[] line(int size) {
            if (line.length < size) {
                line = new float[size];
            }
            return line;
        }

        float[] block(int size) {
            if (block.length < size) {
                block = new float[size];
            }
            return block;
        }

        float[] filtered(int size) {
            if (filtered.length < size) {
                filtered = new float[size];
            }
            return filtered;
        }

        float[] sampled(int size) {
            if (sampled.length < size) {
                sampled = new float[size];
            }
            return sampled;
        }

        float[] line2(int size) {
            if (line2.length < size) {
                line2 = new float[size];
            }
            return line2;
        }
    }
}
