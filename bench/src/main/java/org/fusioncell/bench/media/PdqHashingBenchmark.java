package org.fusioncell.bench.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.fusioncell.media.pdq.PdqHasher;
import org.fusioncell.media.pdq.PdqResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * PDQ hashing of one real image from shared/data/pdq-vectors, held in memory: {@link #decodeAndHash} is what an
 * upload costs (ImageIO decode, EXIF, luminance, filter, DCT, all eight dihedral hashes); {@link #hashDecoded}
 * leaves the decoding out. The bridge photo is 1,000×750-ish; the EXIF photo is a 12-megapixel phone picture.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class PdqHashingBenchmark {

    @Param({"bridge-mods/aaa-orig.jpg", "reg-test-input/exif-rotn/exif-rotn-6.jpg"})
    public String image;

    private final PdqHasher hasher = new PdqHasher();
    private byte[] bytes;
    private BufferedImage decoded;

    @Setup
    public void read() throws IOException {
        bytes = Files.readAllBytes(vectors().resolve(image));
        decoded = ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Benchmark
    public PdqResult decodeAndHash() throws IOException {
        return hasher.hashAllDihedral(new ByteArrayInputStream(bytes));
    }

    @Benchmark
    public PdqResult hashDecoded() {
        return hasher.hashAllDihedral(decoded);
    }

    static Path vectors() {
        String env = System.getenv("FUSIONCELL_TEST_DATA");
        for (Path p : List.of(env == null ? Path.of("../shared/data") : Path.of(env), Path.of("../shared/data"),
                Path.of("../../shared/data"))) {
            if (Files.isDirectory(p.resolve("pdq-vectors"))) {
                return p.resolve("pdq-vectors");
            }
        }
        throw new IllegalStateException("the PDQ vectors (../shared/data/pdq-vectors or $FUSIONCELL_TEST_DATA) are "
                + "not here");
    }
}
