package org.fusioncell.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link PdqHasher#hash(InputStream)} against the plain one (ImageIO's full-size colour decoding):
 * JPEGs decoded to their Y channel, large images read subsampled, dihedral hashes derived from one DCT, buffers
 * reused per thread.
 */
class PdqHasherDecodingTest {

    private static final int TOLERANCE = 16;
    private final PdqHasher hasher = new PdqHasher();

    @Test
    void theLuminanceChannelOfABridgeSizeJpegHashesAsItsColourDecoding() throws IOException {
        // measured on the 20 bridge-size reference rows: identical hashes except sharpen-a-lot, 2 bits apart
        for (String image : List.of("bridge-mods/aaa-orig.jpg", "bridge-mods/sharpen-a-lot.jpg",
                "bridge-mods/shrink-a-little.jpg", "reg-test-input/dih/bridge-2-rotate-90.jpg")) {
            byte[] bytes = Files.readAllBytes(PdqVectors.dir().resolve(image));
            PdqResult colour = hasher.hash(ImageIO.read(new ByteArrayInputStream(bytes)));
            PdqResult fast = hasher.hash(new ByteArrayInputStream(bytes));
            assertThat(fast.hash().distance(colour.hash())).as(image)
                    .isLessThanOrEqualTo(image.contains("sharpen-a-lot") ? 2 : 0);
            assertThat(fast.quality()).as(image).isEqualTo(colour.quality());
        }
        // the direct raster reads equal getRGB: an ABGR PNG (c.png) through both paths
        BufferedImage png = ImageIO.read(PdqVectors.dir().resolve("misc-images/c.png").toFile());
        assertThat(png.getType()).isEqualTo(BufferedImage.TYPE_4BYTE_ABGR);
        BufferedImage viaGetRgb = new BufferedImage(png.getWidth(), png.getHeight(), BufferedImage.TYPE_INT_ARGB);
        viaGetRgb.setRGB(0, 0, png.getWidth(), png.getHeight(),
                png.getRGB(0, 0, png.getWidth(), png.getHeight(), null, 0, png.getWidth()), 0, png.getWidth());
        assertThat(Luma.of(png).pixels()).isEqualTo(Luma.of(viaGetRgb).pixels());
        assertThat(DecodedImage.subsampling(1600, 1004)).isEqualTo(1);
        assertThat(DecodedImage.subsampling(256, 256)).isEqualTo(1);
        assertThat(DecodedImage.subsampling(4032, 3024)).isEqualTo(5);
        assertThat(DecodedImage.subsampling(20_000, 600)).isEqualTo(1);
    }

    @Test
    void readingSubsampledMovesTheHashByAFewBitsOnly() throws IOException {
        // the 12-megapixel photos are read at step 5 (806×605): measured 2-4 bits from the full-size hash
        for (int orientation : new int[] {1, 6}) {
            byte[] bytes = Files.readAllBytes(PdqVectors.dir().resolve("reg-test-input/exif-rotn/exif-rotn-"
                    + orientation + ".jpg"));
            PdqResult full = hasher.fromLuma(DecodedImage.readLuma(new ByteArrayInputStream(bytes),
                    PdqHasher.Workspace.current(), 1), false);
            PdqResult read = hasher.hash(new ByteArrayInputStream(bytes));
            assertThat(read.hash().distance(full.hash())).as("EXIF " + orientation).isLessThanOrEqualTo(6);
            assertThat(read.quality()).isEqualTo(full.quality());
        }
        // forced onto the bridge-size reference images (never done by default: their shorter side is < 1,024),
        // step 2 still matches every reference within the tolerance (measured: at most 14 bits)
        for (PdqHasherVectorsTest.Expected row : PdqHasherVectorsTest.expected()) {
            if (!row.image().contains("bridge") || row.image().contains("shrink-a-lot")
                    || row.image().contains("square")) {
                continue;
            }
            try (InputStream in = Files.newInputStream(PdqVectors.dir().resolve(row.image()))) {
                PdqResult halved = hasher.fromLuma(DecodedImage.readLuma(in, PdqHasher.Workspace.current(), 2),
                        false);
                assertThat(halved.hash().distance(PdqHash.fromHex(row.hash()))).as(row.image())
                        .isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }

    @Test
    void eachDerivedDihedralHashMatchesHashingTheTurnedPixels() throws IOException {
        // measured 0-8 bits at these sizes (1,600×1,004, 1,432×812, 924×735). On 256×256 photos the 64×64 grid
        // and the 2-pixel box windows are not symmetric under a flip (a one-pixel shift, with little smoothing),
        // so there the derived hash can be 16-100 bits from the turned image's: PDQ's property, not this code's
        // EXIF orientations as pixel transforms (Luma.oriented), and the dihedral transform each one is
        Map<Integer, Dihedral> transforms = Map.of(2, Dihedral.FLIP_Y, 3, Dihedral.ROTATE_180, 4, Dihedral.FLIP_X,
                5, Dihedral.FLIP_PLUS_1, 6, Dihedral.ROTATE_270, 7, Dihedral.FLIP_MINUS_1, 8, Dihedral.ROTATE_90);
        for (String image : List.of("bridge-mods/aaa-orig.jpg", "misc-images/c.png",
                "reg-test-input/pen-and-coaster.png")) {
            BufferedImage picture = ImageIO.read(PdqVectors.dir().resolve(image).toFile());
            PdqResult upright = hasher.hashAllDihedral(picture);
            for (var entry : transforms.entrySet()) {
                Luma turned = Luma.of(picture).oriented(entry.getKey());
                PdqHash direct = hasher.fromLuma(turned, false).hash();
                String what = image + " " + entry.getValue();
                assertThat(upright.hash(entry.getValue()).distance(direct)).as(what).isLessThanOrEqualTo(TOLERANCE);
                assertThat(upright.hash().distance(direct)).as(what + " vs untransformed").isGreaterThan(31);
            }
        }
    }

    @Test
    void hashesComputedOnSeveralThreadsAtOnceEqualTheSequentialOnes() throws Exception {
        List<byte[]> files = new ArrayList<>();
        List<PdqResult> sequential = new ArrayList<>();
        for (String image : List.of("bridge-mods/aaa-orig.jpg", "misc-images/wee.jpg", "misc-images/c.png",
                "reg-test-input/dih/bridge-2-rotate-90.jpg", "reg-test-input/labelme-subset/q2821.jpg",
                "bridge-mods/square-512x512.jpg")) {
            byte[] bytes = Files.readAllBytes(PdqVectors.dir().resolve(image));
            files.add(bytes);
            sequential.add(hasher.hashAllDihedral(new ByteArrayInputStream(bytes)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PdqResult>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (byte[] bytes : files) {
                    results.add(pool.submit(() -> hasher.hashAllDihedral(new ByteArrayInputStream(bytes))));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(sequential.get(i % files.size()));
            }
        } finally {
            pool.shutdown();
        }
    }
}
