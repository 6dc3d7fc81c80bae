package org.fusioncell.bench.media;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fusioncell.media.index.PdqIndex;
import org.fusioncell.media.index.PdqMatch;
import org.fusioncell.media.pdq.PdqHash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Radius queries (≤ 31 bits, quality ≥ 50: the defaults) on an index of {@link #size} uniformly random hashes, of
 * which 1,024 queries each have 4 planted neighbours at 4, 12, 24 and 31 bits. Uniform hashes are the hard case
 * for multi-index hashing only in that every bucket is equally full (at 1,000,000 the index uses 16 words of 16
 * bits, ~15 entries a bucket; at 10,000,000 12 words of 21–22 bits, 2–5 entries a bucket); real PDQ hash sets
 * cluster, which makes some buckets fuller. The index is built once per trial (counting sort; its time is printed
 * by JMH's setup, not measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
@Threads(1)
public class PdqIndexBenchmark {

    private static final int QUERIES = 1024;
    private static final int[] PLANTED = {4, 12, 24, 31};

    @Param({"1000000", "10000000"})
    public int size;

    private PdqIndex index;
    private PdqHash[] queries;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(2026);
        index = new PdqIndex(size);
        queries = new PdqHash[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            queries[q] = random(random);
        }
        int planted = 0;
        for (int i = 0; i < size; i++) {
            if (planted < QUERIES * PLANTED.length && i % (size / (QUERIES * PLANTED.length)) == 0) {
                index.add(flip(queries[planted / PLANTED.length], PLANTED[planted % PLANTED.length], random), 100);
                planted++;
            } else {
                index.add(random(random), 50 + random.nextInt(51));
            }
        }
        long start = System.nanoTime();
        index.compact();
        System.out.printf("%n[index of %,d hashes listed in %,d ms]%n", size, (System.nanoTime() - start) / 1_000_000);
        int found = 0;
        for (PdqHash q : queries) {
            found += index.search(q).size();
        }
        if (found < QUERIES * PLANTED.length) {
            throw new IllegalStateException("planted neighbours missed: " + found);
        }
    }

    @Benchmark
    public List<PdqMatch> search() {
        PdqHash q = queries[next];
        next = (next + 1) & (QUERIES - 1);
        return index.search(q);
    }

    private static PdqHash random(SplittableRandom random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private static PdqHash flip(PdqHash h, int bits, SplittableRandom random) {
        long[] w = {h.w0(), h.w1(), h.w2(), h.w3()};
        for (int flipped = 0; flipped < bits; ) {
            int k = random.nextInt(256);
            long mask = 1L << (k & 63);
            if ((w[k >> 6] & mask) == (h.word(k >> 6) & mask)) {
                w[k >> 6] ^= mask;
                flipped++;
            }
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }
}
