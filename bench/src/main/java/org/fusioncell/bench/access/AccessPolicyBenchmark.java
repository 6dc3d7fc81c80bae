package org.fusioncell.bench.access;

import java.util.concurrent.TimeUnit;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the policy decision point over a realistic mix: 4,096 readers with 0–5 agreements
 * each and 4,096 markings, walked in a fixed pseudo-random order so that branch prediction cannot
 * learn one case. One operation is one {@code decide} call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AccessPolicyBenchmark {

    private static final int SIZE = 4096;

    private Reader[] readers;
    private Marking[] markings;
    private String[] types;
    private int cursor;

    @Setup
    public void generate() {
        SyntheticAccessWorld world = new SyntheticAccessWorld(42L);
        readers = new Reader[SIZE];
        markings = new Marking[SIZE];
        types = new String[SIZE];
        for (int i = 0; i < SIZE; i++) {
            readers[i] = world.reader(world.random.nextInt(6));
            markings[i] = world.marking();
            types[i] = world.pick(SyntheticAccessWorld.TYPES);
        }
    }

    @Benchmark
    public Decision decide() {
        int i = cursor++ & (SIZE - 1);
        // a different marking for each reader on every pass: 4,096 x 4,096 pairs before a repeat
        int j = (i * 2_654_435 + (cursor >>> 12)) & (SIZE - 1);
        return AccessPolicy.decide(readers[i], types[j], markings[j]);
    }
}
