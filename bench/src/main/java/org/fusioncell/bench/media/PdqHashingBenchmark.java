package org.fusioncell.bench.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.fusioncell.media.pdq.PdqHasher;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * PDQ hashing of real images from shared/data/pdq-vectors, held in memory. {@link #decodeAndHash} is what an upload
 * costs for issue #8's "hashing" (ImageIO decode, EXIF, luminance, filter, DCT, one hash and its quality);
 * {@link #decodeAndHashAllDihedral} adds the seven other dihedral hashes (derived from the same DCT);
 * {@link #hashDecoded} and {@link #hashDecodedAllDihedral} leave the decoding out (a decoded BufferedImage, full
 * size, the Java reference's colour conversion). The bridge photo is 1,600×1,004; the EXIF photo a 12-megapixel
 * phone picture; {@value #REFERENCE_SET} is one operation over all 30 distinct images of expected_hashes.csv (the
 * reference sizes: 20 of about 1.6 megapixels, the rest 34×42 to 1,432×812), so ms per image = score / 30.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class PdqHashingBenchmark {

    static final String REFERENCE_SET = "all-reference-images";

    @Param({"bridge-mods/aaa-orig.jpg", "reg-test-input/exif-rotn/exif-rotn-6.jpg", REFERENCE_SET})
    public String image;

    private final PdqHasher hasher = new PdqHasher();
    private List<byte[]> files;
    private List<BufferedImage> decoded;

    @Setup
    public void read() throws IOException {
        Path vectors = vectors();
        List<String> names = image.equals(REFERENCE_SET) ? referenceImages(vectors) : List.of(image);
        files = new ArrayList<>();
        decoded = new ArrayList<>();
        for (String name : names) {
            byte[] bytes = Files.readAllBytes(vectors.resolve(name));
            files.add(bytes);
            decoded.add(ImageIO.read(new ByteArrayInputStream(bytes)));
        }
    }

    @Benchmark
    public void decodeAndHash(Blackhole sink) throws IOException {
        for (byte[] bytes : files) {
            sink.consume(hasher.hash(new ByteArrayInputStream(bytes)));
        }
    }

    @Benchmark
    public void decodeAndHashAllDihedral(Blackhole sink) throws IOException {
        for (byte[] bytes : files) {
            sink.consume(hasher.hashAllDihedral(new ByteArrayInputStream(bytes)));
        }
    }

    @Benchmark
    public void hashDecoded(Blackhole sink) {
        for (BufferedImage picture : decoded) {
            sink.consume(hasher.hash(picture));
        }
    }

    @Benchmark
    public void hashDecodedAllDihedral(Blackhole sink) {
        for (BufferedImage picture : decoded) {
            sink.consume(hasher.hashAllDihedral(picture));
        }
    }

    /** The distinct images of expected_hashes.csv that are present (its last column says "yes"). */
    static List<String> referenceImages(Path vectors) throws IOException {
        List<String> lines = Files.readAllLines(vectors.resolve("expected_hashes.csv"));
        Set<String> images = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.strip().endsWith(",yes")) {
                images.add(line.substring(0, line.indexOf(',')));
            }
        }
        if (images.size() != 30) {
            throw new IllegalStateException("expected the 30 present reference images, found " + images.size());
        }
        return List.copyOf(images);
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
