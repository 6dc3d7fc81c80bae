package org.fusioncell.bench.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.fusioncell.media.pdq.PdqHasher;

/**
 * The figures of {@link PdqHashingBenchmark} as CPU time of the hashing thread (ThreadMXBean) rather than wall
 * time, for a machine shared with other work: time the thread waits for a core is not counted, so images per
 * CPU-second is the per-core rate even under load (contention for caches and memory still shows). Prints, per
 * image set, the median of five rounds after two warm-up rounds.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.fusioncell.bench.media.PdqHashingBenchmarkCpuTime}, from the
 * repository root (the vectors are found as for the JMH benchmark).
 */
public final class PdqHashingBenchmarkCpuTime {

    private interface Work {
        void run(PdqHasher hasher, byte[] file, BufferedImage decoded) throws IOException;
    }

    private PdqHashingBenchmarkCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        Path vectors = PdqHashingBenchmark.vectors();
        PdqHasher hasher = new PdqHasher();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String set : List.of("bridge-mods/aaa-orig.jpg", "reg-test-input/exif-rotn/exif-rotn-6.jpg",
                PdqHashingBenchmark.REFERENCE_SET)) {
            List<String> names = set.equals(PdqHashingBenchmark.REFERENCE_SET)
                    ? PdqHashingBenchmark.referenceImages(vectors) : List.of(set);
            List<byte[]> files = new ArrayList<>();
            List<BufferedImage> decoded = new ArrayList<>();
            for (String name : names) {
                byte[] bytes = Files.readAllBytes(vectors.resolve(name));
                files.add(bytes);
                decoded.add(ImageIO.read(new ByteArrayInputStream(bytes)));
            }
            // about 60 images per round (3 of the 12-megapixel photo)
            int repeat = set.contains("exif") ? 3 : Math.max(1, 60 / files.size());
            report(set, "decode + hash", measure(threads, hasher, files, decoded, repeat,
                    (h, f, d) -> h.hash(new ByteArrayInputStream(f))), files.size());
            report(set, "decode + 8 dihedral hashes", measure(threads, hasher, files, decoded, repeat,
                    (h, f, d) -> h.hashAllDihedral(new ByteArrayInputStream(f))), files.size());
            report(set, "hash of the decoded image", measure(threads, hasher, files, decoded, repeat,
                    (h, f, d) -> h.hash(d)), files.size());
        }
    }

    /** Median CPU nanoseconds per pass over the set, of five rounds after two warm-up rounds. */
    private static long measure(ThreadMXBean threads, PdqHasher hasher, List<byte[]> files,
            List<BufferedImage> decoded, int repeat, Work work) throws IOException {
        long[] rounds = new long[7];
        for (int round = 0; round < rounds.length; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < repeat; k++) {
                for (int i = 0; i < files.size(); i++) {
                    work.run(hasher, files.get(i), decoded.get(i));
                }
            }
            rounds[round] = (threads.getCurrentThreadCpuTime() - start) / repeat;
        }
        long[] measured = Arrays.copyOfRange(rounds, 2, rounds.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private static void report(String set, String what, long nanosPerSet, int images) {
        double msPerImage = nanosPerSet / 1e6 / images;
        System.out.printf(Locale.ROOT, "%-42s %-28s %8.2f ms CPU per image  %7.1f images per CPU-second%n", set,
                what, msPerImage, 1000 / msPerImage);
    }
}
