package org.fusioncell.media.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.fusioncell.media.pdq.PdqHash;

/**
 * Exact radius search over 256-bit PDQ hashes by multi-index hashing (Norouzi, Punjani, Fleet, CVPR 2012; the
 * layout of ThreatExchange's MIH256 for small sets). Each hash is cut into m words and listed, per word, under that
 * word's value. Pigeonhole: if two hashes differ in at most r bits, at least one of the m words differs in at most
 * ⌊r/m⌋ bits, so looking up every value within ⌊r/m⌋ bits of each query word finds every match: no false
 * negatives, and each candidate is confirmed on all 256 bits. Below {@value #WIDE_FROM} hashes the words are 16 of
 * 16 bits (17 look-ups a word at r = 31); from there on 12 words of 21–22 bits, whose buckets stay small at
 * 10,000,000 hashes ({@link Layout}).
 *
 * <p>Memory is primitive arrays only: 32 bytes per hash, one quality byte, a deleted bit, and one int posting per
 * word once listed (64 bytes narrow, 48 wide), plus the bucket offsets (256 KB a word narrow, 8–16 MB wide): about
 * 800 MB at 10,000,000. Hashes added since the last listing sit in a short tail scanned linearly; the lists are
 * rebuilt (counting sort per word) when that tail grows past {@code 16384 + listed / 64}, or on {@link #compact()}.
 * Deletion sets a flag that every query honours at once; the hash leaves the lists at the next rebuild.
 *
 * <p>Thread-safe: queries run in parallel under a read lock; adds, deletes and rebuilds take the write lock.
 */
public final class PdqIndex {

    public static final int DEFAULT_RADIUS = 31;
    public static final int DEFAULT_MIN_QUALITY = 50;
    /** From this many listed hashes on, the lists use 12 wider words (see {@link Layout#WIDE}). */
    static final int WIDE_FROM = 2_000_000;
    /** Above this many bits per word a linear scan reads less memory than the lists. */
    private static final int MAX_PROBE_RADIUS = 3;

    /**
     * How the 256 bits are cut into words: {@code widths[s]} bits starting at bit {@code offsets[s]}. NARROW is 16
     * words of 16 bits (65,536 buckets a word: small offsets, ~150 entries a bucket at 10,000,000); WIDE is 12 words
     * of 22 or 21 bits (4 × 22 + 8 × 21: 2–4 million buckets a word, 128 MB of offsets, ~2–5 entries a bucket at
     * 10,000,000). At radius 31 NARROW probes 16 × 17 buckets; WIDE probes 8 words at 2 bits (232 values each) and
     * the four 22-bit words at 1 bit (23 each, see {@link #threshold}) — ~1,950 buckets, ~4.5× fewer candidates.
     */
    record Layout(int[] widths, int[] starts, int[][][] probes) {

        static final Layout NARROW = of(new int[] {16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16});
        static final Layout WIDE = of(new int[] {21, 21, 21, 21, 21, 21, 21, 21, 22, 22, 22, 22});

        private static Layout of(int[] widths) {
            int[] starts = new int[widths.length];
            for (int s = 1; s < widths.length; s++) {
                starts[s] = starts[s - 1] + widths[s - 1];
            }
            if (starts[widths.length - 1] + widths[widths.length - 1] != PdqHash.BITS) {
                throw new IllegalArgumentException("the words must cover 256 bits");
            }
            int[][][] probes = new int[widths.length][][];
            for (int s = 0; s < widths.length; s++) {
                probes[s] = masks(widths[s]);
            }
            return new Layout(widths, starts, probes);
        }

        /** For each threshold t ≤ MAX_PROBE_RADIUS, the masks of {@code width} bits with at most t bits set. */
        private static int[][] masks(int width) {
            int[][] byThreshold = new int[MAX_PROBE_RADIUS + 1][];
            List<Integer> masks = new ArrayList<>();
            masks.add(0);
            byThreshold[0] = new int[] {0};
            for (int t = 1; t <= MAX_PROBE_RADIUS; t++) {
                List<Integer> next = new ArrayList<>();
                for (int m : masks) {
                    if (Integer.bitCount(m) == t - 1) {
                        int highest = m == 0 ? -1 : 31 - Integer.numberOfLeadingZeros(m);
                        for (int b = highest + 1; b < width; b++) {
                            next.add(m | (1 << b));
                        }
                    }
                }
                masks.addAll(next);
                byThreshold[t] = masks.stream().mapToInt(Integer::intValue).toArray();
            }
            return byThreshold;
        }

        int words() {
            return widths.length;
        }

        /**
         * How many bits word {@code s} is searched within for a query of radius {@code r} (-1: not searched). With
         * r = m·t + a (0 ≤ a &lt; m words), a hash within r bits differs by at most t bits in one of the first a + 1
         * words, or by at most t − 1 in one of the others — else the words would differ by at least
         * (a + 1)(t + 1) + (m − a − 1)·t = r + 1 bits in all. So the last m − a − 1 words are probed one bit
         * narrower (Norouzi et al.'s refinement of the pigeonhole).
         */
        int threshold(int r, int s) {
            int t = r / widths.length;
            return s <= r % widths.length ? t : t - 1;
        }

        int word(long w0, long w1, long w2, long w3, int s) {
            int start = starts[s];
            int shift = start & 63;
            long lo = switch (start >> 6) {
                case 0 -> (w0 >>> shift) | (shift == 0 ? 0 : w1 << (64 - shift));
                case 1 -> (w1 >>> shift) | (shift == 0 ? 0 : w2 << (64 - shift));
                case 2 -> (w2 >>> shift) | (shift == 0 ? 0 : w3 << (64 - shift));
                default -> w3 >>> shift;
            };
            return (int) (lo & ((1L << widths[s]) - 1));
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long[] words;
    private byte[] quality;
    private long[] deleted;
    private int count;
    private int live;
    private int listed;
    private int[][] offsets = new int[0][];
    private int[][] postings = new int[0][];
    private Layout layout = Layout.NARROW;
    private final int wideFrom;

    public PdqIndex() {
        this(1024);
    }

    public PdqIndex(int expectedSize) {
        this(expectedSize, WIDE_FROM);
    }

    /** {@code wideFrom}: the number of listed hashes from which the lists use the wide layout (tests use 0). */
    PdqIndex(int expectedSize, int wideFrom) {
        this.wideFrom = wideFrom;
        int capacity = Math.max(16, expectedSize);
        words = new long[capacity * 4];
        quality = new byte[capacity];
        deleted = new long[(capacity + 63) >> 6];
    }

    /** Adds a hash with its quality (0..100) and returns its id: 0, 1, 2… in order of addition. */
    public int add(PdqHash hash, int hashQuality) {
        if (hashQuality < 0 || hashQuality > 100) {
            throw new IllegalArgumentException("quality is 0..100, got " + hashQuality);
        }
        lock.writeLock().lock();
        try {
            if (count == quality.length) {
                int capacity = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, quality.length * 2L));
                if (capacity == count) {
                    throw new IllegalStateException("the index is full");
                }
                words = Arrays.copyOf(words, Math.multiplyExact(capacity, 4));
                quality = Arrays.copyOf(quality, capacity);
                deleted = Arrays.copyOf(deleted, (capacity + 63) >> 6);
            }
            int id = count++;
            words[id * 4] = hash.w0();
            words[id * 4 + 1] = hash.w1();
            words[id * 4 + 2] = hash.w2();
            words[id * 4 + 3] = hash.w3();
            quality[id] = (byte) hashQuality;
            live++;
            return id;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Marks a hash deleted; it is never returned again. False if it was already deleted. */
    public boolean delete(int id) {
        lock.writeLock().lock();
        try {
            checkId(id);
            if (isDeletedUnlocked(id)) {
                return false;
            }
            deleted[id >> 6] |= 1L << id;
            live--;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean isDeleted(int id) {
        lock.readLock().lock();
        try {
            checkId(id);
            return isDeletedUnlocked(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    public PdqHash hash(int id) {
        lock.readLock().lock();
        try {
            checkId(id);
            return new PdqHash(words[id * 4], words[id * 4 + 1], words[id * 4 + 2], words[id * 4 + 3]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Hashes not deleted. */
    public int size() {
        lock.readLock().lock();
        try {
            return live;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Matches within {@value #DEFAULT_RADIUS} bits of quality at least {@value #DEFAULT_MIN_QUALITY}. */
    public List<PdqMatch> search(PdqHash query) {
        return search(query, DEFAULT_RADIUS, DEFAULT_MIN_QUALITY);
    }

    /** Every live hash within {@code radius} bits (0..256) of quality ≥ {@code minQuality}, nearest first. */
    public List<PdqMatch> search(PdqHash query, int radius, int minQuality) {
        if (radius < 0 || radius > PdqHash.BITS) {
            throw new IllegalArgumentException("radius is 0..256 bits, got " + radius);
        }
        if (tailTooLong()) {
            lock.writeLock().lock();
            try {
                if (tailTooLong()) {
                    rebuild();
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
        lock.readLock().lock();
        try {
            List<PdqMatch> matches = new ArrayList<>();
            if (layout.threshold(radius, 0) > MAX_PROBE_RADIUS || listed == 0) {
                scan(query, radius, minQuality, 0, count, matches);
            } else {
                probe(query, radius, minQuality, matches);
                scan(query, radius, minQuality, listed, count, matches);
            }
            matches.sort(null);
            return matches;
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean tailTooLong() {
        lock.readLock().lock();
        try {
            return count - listed > 16384 + listed / 64;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Lists every hash added so far now, e.g. after a bulk load and before serving queries. */
    public void compact() {
        lock.writeLock().lock();
        try {
            rebuild();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void probe(PdqHash query, int radius, int minQuality, List<PdqMatch> out) {
        long q0 = query.w0();
        long q1 = query.w1();
        long q2 = query.w2();
        long q3 = query.w3();
        Layout l = layout;
        int m = l.words();
        int[] queryWords = new int[m];
        for (int s = 0; s < m; s++) {
            queryWords[s] = l.word(q0, q1, q2, q3, s);
        }
        long[] w = words;
        for (int s = 0; s < m; s++) {
            int perWord = l.threshold(radius, s);
            if (perWord < 0) {
                continue;
            }
            int[] start = offsets[s];
            int[] ids = postings[s];
            int qs = queryWords[s];
            for (int mask : l.probes()[s][perWord]) {
                int bucket = qs ^ mask;
                for (int p = start[bucket], end = start[bucket + 1]; p < end; p++) {
                    int id = ids[p];
                    int base = id << 2;
                    long x0 = w[base] ^ q0;
                    long x1 = w[base + 1] ^ q1;
                    long x2 = w[base + 2] ^ q2;
                    long x3 = w[base + 3] ^ q3;
                    int distance = Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3);
                    if (distance <= radius && quality[id] >= minQuality && !isDeletedUnlocked(id)
                            && firstCloseWord(l, x0, x1, x2, x3, radius) == s) {
                        out.add(new PdqMatch(id, distance));
                    }
                }
            }
        }
    }

    /**
     * The lowest word in which the candidate differs from the query within that word's threshold (given the XOR of
     * the two): a hash is reported from that word's lists only, once.
     */
    private static int firstCloseWord(Layout l, long x0, long x1, long x2, long x3, int radius) {
        for (int s = 0; s < l.words(); s++) {
            if (Integer.bitCount(l.word(x0, x1, x2, x3, s)) <= l.threshold(radius, s)) {
                return s;
            }
        }
        return -1;
    }

    private void scan(PdqHash query, int radius, int minQuality, int from, int to, List<PdqMatch> out) {
        long q0 = query.w0();
        long q1 = query.w1();
        long q2 = query.w2();
        long q3 = query.w3();
        for (int id = from; id < to; id++) {
            int base = id * 4;
            int distance = Long.bitCount(words[base] ^ q0) + Long.bitCount(words[base + 1] ^ q1)
                    + Long.bitCount(words[base + 2] ^ q2) + Long.bitCount(words[base + 3] ^ q3);
            if (distance <= radius && quality[id] >= minQuality && !isDeletedUnlocked(id)) {
                out.add(new PdqMatch(id, distance));
            }
        }
    }

    /**
     * Counting sort of the live ids by each word, one word at a time so that its counters stay in cache (narrow
     * layout) or at least are written once (wide) while the hashes stream past. The layout is chosen here, from the
     * number of hashes: wide words pay off only once narrow buckets hold hundreds of entries.
     */
    private void rebuild() {
        int n = 0;
        for (int id = 0; id < count; id++) {
            if (!isDeletedUnlocked(id)) {
                n++;
            }
        }
        Layout l = n >= wideFrom ? Layout.WIDE : Layout.NARROW;
        // the old lists go first: a rebuild at 10,000,000 needs the new ones beside the hashes, not the old ones too
        offsets = new int[0][];
        postings = new int[0][];
        listed = 0;
        int[][] newOffsets = new int[l.words()][];
        int[][] newPostings = new int[l.words()][];
        for (int s = 0; s < l.words(); s++) {
            int buckets = 1 << l.widths()[s];
            int[] o = new int[buckets + 1];
            for (int id = 0; id < count; id++) {
                if (!isDeletedUnlocked(id)) {
                    o[word(l, id, s) + 1]++;
                }
            }
            for (int b = 0; b < buckets; b++) {
                o[b + 1] += o[b];
            }
            int[] next = Arrays.copyOf(o, buckets);
            int[] ids = new int[n];
            for (int id = 0; id < count; id++) {
                if (!isDeletedUnlocked(id)) {
                    ids[next[word(l, id, s)]++] = id;
                }
            }
            newOffsets[s] = o;
            newPostings[s] = ids;
        }
        layout = l;
        offsets = newOffsets;
        postings = newPostings;
        listed = count;
    }

    private int word(Layout l, int id, int s) {
        int base = id << 2;
        return l.word(words[base], words[base + 1], words[base + 2], words[base + 3], s);
    }

    private boolean isDeletedUnlocked(int id) {
        return (deleted[id >> 6] & (1L << id)) != 0;
    }

    private void checkId(int id) {
        if (id < 0 || id >= count) {
            throw new IllegalArgumentException("no hash with id " + id);
        }
    }
}
