package org.fusioncell.media.pdq;

import java.util.Arrays;
import org.fusioncell.media.pdq.PdqHasher.Workspace;

/**
 * PDQ's Jarosz tent filter (two X-then-Y passes of box filters) and its decimation of the luminance to 64×64
 * samples, in the reference's single-precision order (see {@link #decimate}).
 */
final class JaroszFilter {

    /** Each of the two passes covers half a 64th of the image: window = ceil(dimension / 128). */
    private static final int WINDOW_DIVISOR = 128;

    private JaroszFilter() {
    }

    /**
     * Filters the luminance and decimates it to 64×64 into {@code small}; the luma buffer is reused as scratch.
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
    static void decimate(Luma luma, Workspace work, float[] small) {
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
        for (int j = 0; j < 64; j++) {
            second.column(j, column);
            box(column, line, rows, alongCols);
            for (int i = 0; i < 64; i++) {
                small[i * 64 + j] = line[sampleIndex(i, rows)];
            }
        }
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
}
