package org.fusioncell.media.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.fusioncell.media.pdq.PdqHash;

/**
 * Exact radius search over 256-bit PDQ hashes by multi-index hashing (Norouzi, Punjani, Fleet, CVPR 2012; the
 * layout of ThreatExchange's MIH256). Each hash is cut into 16 words of 16 bits and listed, per word, under that
 * word's value. Pigeonhole: if two hashes differ in at most r bits, at least one of the 16 words differs in at most
 * ⌊r/16⌋ bits, so looking up every value within ⌊r/16⌋ bits of each query word (17 values per word at the default
 * r = 31) finds every match: no false negatives, and each candidate is confirmed on all 256 bits.
 *
 * <p>Memory is primitive arrays only: 32 bytes per hash, one quality byte, a deleted bit, and 16 int postings
 * (64 bytes) once listed, about 100 bytes per hash, 1 GB at 10,000,000. Hashes added since the last listing sit in a
 * short tail scanned linearly; the lists are rebuilt (counting sort per word) when that tail grows past
 * {@code 16384 + listed / 64}, or on {@link #compact()}. Deletion sets a flag that every query honours at once;
 * the hash leaves the lists at the next rebuild.
 *
 * <p>Thread-safe: queries run in parallel under a read lock; adds, deletes and rebuilds take the write lock.
 */
public final class PdqIndex {

    public static final int DEFAULT_RADIUS = 31;
    public static final int DEFAULT_MIN_QUALITY = 50;
    private static final int SEGMENTS = 16;
    private static final int BUCKETS = 1 << 16;
    /** Above this many probes per word a linear scan reads less memory than the lists. */
    private static final int MAX_PROBE_RADIUS = 3;
    private static final int[][] PROBES = new int[MAX_PROBE_RADIUS + 1][];

    static {
        for (int t = 0; t <= MAX_PROBE_RADIUS; t++) {
            int[] masks = new int[BUCKETS];
            int n = 0;
            for (int m = 0; m < BUCKETS; m++) {
                if (Integer.bitCount(m) <= t) {
                    masks[n++] = m;
                }
            }
            PROBES[t] = Arrays.copyOf(masks, n);
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

    public PdqIndex() {
        this(1024);
    }

    public PdqIndex(int expectedSize) {
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
            int perWord = radius / SEGMENTS;
            if (perWord > MAX_PROBE_RADIUS || listed == 0) {
                scan(query, radius, minQuality, 0, count, matches);
            } else {
                probe(query, radius, minQuality, perWord, matches);
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

    private void probe(PdqHash query, int radius, int minQuality, int perWord, List<PdqMatch> out) {
        long q0 = query.w0();
        long q1 = query.w1();
        long q2 = query.w2();
        long q3 = query.w3();
        int[] querySegments = segments(q0, q1, q2, q3);
        int[] masks = PROBES[perWord];
        for (int s = 0; s < SEGMENTS; s++) {
            int[] start = offsets[s];
            int[] ids = postings[s];
            for (int mask : masks) {
                int bucket = querySegments[s] ^ mask;
                for (int p = start[bucket], end = start[bucket + 1]; p < end; p++) {
                    int id = ids[p];
                    int base = id * 4;
                    int distance = Long.bitCount(words[base] ^ q0) + Long.bitCount(words[base + 1] ^ q1)
                            + Long.bitCount(words[base + 2] ^ q2) + Long.bitCount(words[base + 3] ^ q3);
                    if (distance <= radius && quality[id] >= minQuality && !isDeletedUnlocked(id)
                            && firstCloseSegment(base, querySegments, perWord) == s) {
                        out.add(new PdqMatch(id, distance));
                    }
                }
            }
        }
    }

    /** The lowest word within {@code perWord} bits: a hash is reported from that word's list only, once. */
    private int firstCloseSegment(int base, int[] querySegments, int perWord) {
        for (int s = 0; s < SEGMENTS; s++) {
            if (Integer.bitCount(segment(words, base, s) ^ querySegments[s]) <= perWord) {
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
     * Counting sort of the live ids by each of the 16 words, one word at a time so that its 256 KB of counters
     * stay in cache while the hashes stream past.
     */
    private void rebuild() {
        int n = 0;
        for (int id = 0; id < count; id++) {
            if (!isDeletedUnlocked(id)) {
                n++;
            }
        }
        int[][] newOffsets = new int[SEGMENTS][];
        int[][] newPostings = new int[SEGMENTS][];
        for (int s = 0; s < SEGMENTS; s++) {
            int[] o = new int[BUCKETS + 1];
            for (int id = 0; id < count; id++) {
                if (!isDeletedUnlocked(id)) {
                    o[segment(words, id * 4, s) + 1]++;
                }
            }
            for (int b = 0; b < BUCKETS; b++) {
                o[b + 1] += o[b];
            }
            int[] next = Arrays.copyOf(o, BUCKETS);
            int[] ids = new int[n];
            for (int id = 0; id < count; id++) {
                if (!isDeletedUnlocked(id)) {
                    ids[next[segment(words, id * 4, s)]++] = id;
                }
            }
            newOffsets[s] = o;
            newPostings[s] = ids;
        }
        offsets = newOffsets;
        postings = newPostings;
        listed = count;
    }

    private static int[] segments(long w0, long w1, long w2, long w3) {
        long[] w = {w0, w1, w2, w3};
        int[] out = new int[SEGMENTS];
        for (int s = 0; s < SEGMENTS; s++) {
            out[s] = segment(w, 0, s);
        }
        return out;
    }

    private static int segment(long[] w, int base, int s) {
        return (int) (w[base + (s >> 2)] >>> ((s & 3) << 4)) & 0xffff;
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
