package org.fusioncell.bench.names;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fusioncell.names.ScreeningIndex;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.lists.WatchlistFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One screening (a query name with date of birth and nationality) against every name and alias of
 * the UN Consolidated List and the OFAC SDN list, read from {@code ../shared/data} (or
 * {@code $FUSIONCELL_TEST_DATA}). The queries cycle through the synthetic travellers of
 * {@code names-dev/yente_negatives_global.csv} (multilingual, Arabic script included) and the
 * perturbed UN queries: the realistic mix of mostly no-hit and a few hits. Run with
 * {@code -bm sample} for the latency distribution (p99) and the default throughput mode for
 * screenings per second on one thread (= per core).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class ScreeningBenchmark {

    private ScreeningIndex index;
    private Subject[] queries;
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path data = SharedData.root();
        List<Subject> listed = new ArrayList<>();
        for (Path file : List.of(data.resolve("un-sanctions/consolidated.xml"), data.resolve("ofac-sdn/sdn-2021"))) {
            Watchlist list = WatchlistFiles.read(file, null);
            for (WatchlistEntry e : list.entries()) {
                listed.add(e.subject(list.source() + ":" + e.reference()));
            }
        }
        index = ScreeningIndex.of(listed);
        queries = SharedData.travellers(data).toArray(Subject[]::new);
        System.out.printf("%nlisted subjects %d, names %d, queries %d%n", index.subjectCount(), index.nameCount(),
                queries.length);
    }

    @Benchmark
    public int screenOne() {
        Subject q = queries[next++ % queries.length];
        return index.screen(q, ScreeningIndex.DEFAULT_THRESHOLD, 10).size();
    }

    /** Heap held by the loaded lists and their index: run with {@code -prof gc} or read the setup line. */
    public static void main(String[] args) throws Exception {
        ScreeningBenchmark b = new ScreeningBenchmark();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        b.load();
        Subject[] keep = b.queries;
        b.queries = null;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("heap held by the loaded UN + OFAC lists and index: %.1f MB (%d names)%n",
                (after - before) / 1e6, b.index.nameCount());
        b.queries = keep;
    }
}
