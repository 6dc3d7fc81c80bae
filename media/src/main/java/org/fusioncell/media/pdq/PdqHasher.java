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

    /** Each of the two passes covers half a 64th of the image: window = ceil(dimension / 128). */
    private static final int WINDOW_DIVISOR = 128;
    private static final int PASSES = 2;

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
     * Jarosz filter, 64×64 decimation, quality and the 16×16 DCT (into {@code dct}); returns the quality. The
     * luma buffer is reused as scratch.
     *
     * <p>Two X-then-Y passes of box filters approximate a tent filter (Jarosz, SIGGRAPH 2001). Each line still sees
     * the additions, subtractions and divisions of the published one-line running mean in the same order, so the
     * floats are those of the reference; what changes is the order in which lines are visited: along rows, four
     * rows at a time ({@link #boxRows}: four independent sums instead of one chain of dependent additions); along
     * columns, all columns at once in memory order ({@link #boxColumns}, vectorised). The second pass is needed
     * only at the 64 sampled columns: its row sweep runs on the first pass's rows as they come out (in cache) and
     * keeps those 64 columns ({@link SecondRowPass}); its column sweep runs on them only. The image-sized arrays
     * are written twice (luminance, first pass along rows) instead of five times.
     */
    private int filterDecimateAndTransform(Luma luma, Workspace work, float[] dct) {
        int rows = luma.rows();
        int cols = luma.cols();
        float[] a = luma.pixels();
        float[] b = work.image(rows * cols, a);
        int alongRows = windowSize(cols);
        int alongCols = windowSize(rows);
        boxRows(a, b, rows, cols, alongRows, true);
        SecondRowPass second = new SecondRowPass(work, rows, cols, alongRows);
        boxColumns(b, rows, cols, alongCols, work.sums(cols), second);
        float[] column = work.line(rows);
        float[] line = work.line2(rows);
        float[] small = work.small;
        for (int j = 0; j < 64; j++) {
            second.column(j, column);
            box(column, line, rows, alongCols);
            for (int i = 0; i < 64; i++) {
                small[i * 64 + j] = line[sampleIndex(i, rows)];
            }
        }
        int quality = quality(small);
        dct64To16(small, work.product, dct);
        return quality;
    }

    /** The row or column of the full image sampled for output index {@code i} of 64: the centre of its cell. */
    private static int sampleIndex(int i, int dimension) {
        return (int) (((i + 0.5) * dimension) / 64);
    }

    static int windowSize(int dimension) {
        return (dimension + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
    }

    /** How many samples the running mean of {@link #box} averages at {@code at} on a line of {@code length}. */
    static int windowCount(int at, int length, int window) {
        int half = (window + 2) / 2;
        return Math.min(length - 1, at + half - 1) - Math.max(0, at - (window - half)) + 1;
    }

    /**
     * {@link #box} along every row, four rows at a time so that the four running sums advance independently (one
     * chain of dependent float additions per row would leave the processor waiting). The rows of a last,
     * incomplete group are taken again from the end (recomputed identically). With {@code divide} false the
     * running sums are stored instead of the means, for the caller to divide where it needs a value.
     */
    private static void boxRows(float[] in, float[] out, int rows, int cols, int window, boolean divide) {
        int half = (window + 2) / 2;
        int leadIn = half - 1;
        int growing = window - half + 1;
        int full = cols - window;
        int tail = half - 1;
        for (int r = 0; r < rows; r += 4) {
            int o0 = Math.min(r, rows - 1) * cols;
            int o1 = Math.min(r + 1, rows - 1) * cols;
            int o2 = Math.min(r + 2, rows - 1) * cols;
            int o3 = Math.min(r + 3, rows - 1) * cols;
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            int left = 0;
            int right = 0;
            int at = 0;
            int count = 0;
            for (int i = 0; i < leadIn; i++, right++) {
                s0 += in[o0 + right];
                s1 += in[o1 + right];
                s2 += in[o2 + right];
                s3 += in[o3 + right];
                count++;
            }
            for (int i = 0; i < growing; i++, right++, at++) {
                s0 += in[o0 + right];
                s1 += in[o1 + right];
                s2 += in[o2 + right];
                s3 += in[o3 + right];
                count++;
                store(out, o0 + at, o1 + at, o2 + at, o3 + at, s0, s1, s2, s3, divide, count);
            }
            for (int i = 0; i < full; i++, left++, right++, at++) {
                s0 += in[o0 + right];
                s1 += in[o1 + right];
                s2 += in[o2 + right];
                s3 += in[o3 + right];
                s0 -= in[o0 + left];
                s1 -= in[o1 + left];
                s2 -= in[o2 + left];
                s3 -= in[o3 + left];
                store(out, o0 + at, o1 + at, o2 + at, o3 + at, s0, s1, s2, s3, divide, count);
            }
            for (int i = 0; i < tail; i++, left++, at++) {
                s0 -= in[o0 + left];
                s1 -= in[o1 + left];
                s2 -= in[o2 + left];
                s3 -= in[o3 + left];
                count--;
                store(out, o0 + at, o1 + at, o2 + at, o3 + at, s0, s1, s2, s3, divide, count);
            }
        }
    }

    private static void store(float[] out, int p0, int p1, int p2, int p3, float s0, float s1, float s2, float s3,
            boolean divide, int count) {
        if (divide) {
            out[p0] = s0 / count;
            out[p1] = s1 / count;
            out[p2] = s2 / count;
            out[p3] = s3 / count;
        } else {
            out[p0] = s0;
            out[p1] = s1;
            out[p2] = s2;
            out[p3] = s3;
        }
    }

    /**
     * A centred running mean over {@code window} samples of one line; near the ends the window is cut short and
     * the mean taken over what is inside it. This is the published one-line filter; {@link #boxRows} and
     * {@link #boxColumns} do the same to many lines at once.
     */
    private static void box(float[] in, float[] out, int length, int window) {
        int half = (window + 2) / 2;
        int leadIn = half - 1;
        int growing = window - half + 1;
        int full = length - window;
        int tail = half - 1;
        int left = 0;
        int right = 0;
        int at = 0;
        float sum = 0f;
        int count = 0;
        for (int i = 0; i < leadIn; i++, right++) {
            sum += in[right];
            count++;
        }
        for (int i = 0; i < growing; i++, right++, at++) {
            sum += in[right];
            count++;
            out[at] = sum / count;
        }
        for (int i = 0; i < full; i++, left++, right++, at++) {
            sum += in[right];
            sum -= in[left];
            out[at] = sum / count;
        }
        for (int i = 0; i < tail; i++, left++, at++) {
            sum -= in[left];
            count--;
            out[at] = sum / count;
        }
    }

    /**
     * {@link #box} down every column at once, row by row, so memory is read in order rather than one column at a
     * time with a stride of a whole row (a cache miss per pixel on large photos). Each column sees the same
     * additions in the same order as in {@link #box}, so the floats, and the hash, are the same. {@code sums}
     * holds at least {@code cols} floats; it is cleared here.
     */
    private static void boxColumns(float[] in, int rows, int cols, int window, float[] sums, SecondRowPass next) {
        float[] out = next.block;
        int half = (window + 2) / 2;
        int leadIn = half - 1;
        int growing = window - half + 1;
        int full = rows - window;
        int tail = half - 1;
        Arrays.fill(sums, 0, cols, 0f);
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
            int o = (at & 3) * cols;
            count++;
            for (int c = 0; c < cols; c++) {
                sums[c] += in[r + c];
                out[o + c] = sums[c] / count;
            }
            next.rowDone(at);
        }
        for (int i = 0; i < full; i++, left++, right++, at++) {
            int r = right * cols;
            int l = left * cols;
            int o = (at & 3) * cols;
            for (int c = 0; c < cols; c++) {
                float sum = sums[c] + in[r + c];
                sum -= in[l + c];
                sums[c] = sum;
                out[o + c] = sum / count;
            }
            next.rowDone(at);
        }
        for (int i = 0; i < tail; i++, left++, at++) {
            int l = left * cols;
            int o = (at & 3) * cols;
            count--;
            for (int c = 0; c < cols; c++) {
                sums[c] -= in[l + c];
                out[o + c] = sums[c] / count;
            }
            next.rowDone(at);
        }
    }

    /**
     * The second pass along rows, fed four rows at a time by the first pass along columns ({@link #boxColumns}),
     * so that the first pass's output never goes to a full-size image: the rows go through {@link #boxRows} in a
     * small block that stays in cache, and only the 64 sampled columns of the result are kept (rows × 64).
     */
    static final class SecondRowPass {

        private final float[] block;
        private final float[] filtered;
        private final float[] sampled;
        private final int[] columns = new int[64];
        private final int[] counts = new int[64];
        private final int rows;
        private final int cols;
        private final int window;

        SecondRowPass(Workspace work, int rows, int cols, int window) {
            this.block = work.block(4 * cols);
            this.filtered = work.filtered(4 * cols);
            this.sampled = work.sampled(rows * 64);
            this.rows = rows;
            this.cols = cols;
            this.window = window;
            for (int j = 0; j < 64; j++) {
                columns[j] = sampleIndex(j, cols);
                counts[j] = windowCount(columns[j], cols, window);
            }
        }

        /** Row {@code at} of the first pass is in the block (at its place {@code at mod 4}). */
        void rowDone(int at) {
            if ((at & 3) != 3 && at != rows - 1) {
                return;
            }
            int first = at & ~3;
            int n = at - first + 1;
            boxRows(block, filtered, n, cols, window, false);
            for (int k = 0; k < n; k++) {
                int from = k * cols;
                int to = (first + k) * 64;
                for (int j = 0; j < 64; j++) {
                    sampled[to + j] = filtered[from + columns[j]] / counts[j];
                }
            }
        }

        /** Column {@code j} of 64 of the second pass along rows, all rows. */
        void column(int j, float[] into) {
            for (int r = 0; r < rows; r++) {
                into[r] = sampled[r * 64 + j];
            }
        }
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
