package org.fusioncell.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.ColorConvertOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What PDQ is for: edits stay close, other images stay far, rotations and mirrors are found. */
class PdqHasherRobustnessTest {

    private static final int MATCH = 31;
    private final PdqHasher hasher = new PdqHasher();

    @Test
    void everyEditOfTheBridgePhotoStaysWithinTheMatchThresholdOfTheOriginal() throws IOException {
        PdqHash original = PdqVectors.hash(hasher, "bridge-mods/aaa-orig.jpg").hash();
        try (Stream<Path> files = Files.list(PdqVectors.dir().resolve("bridge-mods"))) {
            List<Path> edits = files.filter(p -> !p.getFileName().toString().equals("aaa-orig.jpg")).toList();
            assertThat(edits).hasSize(11);
            for (Path edit : edits) {
                try (InputStream in = Files.newInputStream(edit)) {
                    assertThat(hasher.hash(in).hash().distance(original)).as(edit.getFileName().toString())
                            .isLessThanOrEqualTo(MATCH);
                }
            }
        }
    }

    @Test
    void unrelatedImagesAreFarFromTheBridge() throws IOException {
        PdqHash bridge = PdqVectors.hash(hasher, "reg-test-input/dih/bridge-1-original.jpg").hash();
        try (Stream<Path> files = Files.list(PdqVectors.dir().resolve("reg-test-input/labelme-subset"))) {
            List<Path> others = Stream.concat(files, Stream.of(
                    PdqVectors.dir().resolve("reg-test-input/pen-and-coaster.png"),
                    PdqVectors.dir().resolve("misc-images/c.png"))).toList();
            assertThat(others).hasSizeGreaterThanOrEqualTo(9);
            for (Path other : others) {
                try (InputStream in = Files.newInputStream(other)) {
                    assertThat(hasher.hash(in).hash().distance(bridge)).as(other.getFileName().toString())
                            .isGreaterThan(90);
                }
            }
        }
    }

    @Test
    void theDihedralHashesOfTheOriginalMatchTheTransformedFiles() throws IOException {
        PdqResult original = PdqVectors.hash(hasher, "reg-test-input/dih/bridge-1-original.jpg");
        Map<Dihedral, String> files = Map.of(
                Dihedral.ROTATE_90, "bridge-2-rotate-90.jpg", Dihedral.ROTATE_180, "bridge-3-rotate-180.jpg",
                Dihedral.ROTATE_270, "bridge-4-rotate-270.jpg", Dihedral.FLIP_X, "bridge-5-flipx.jpg",
                Dihedral.FLIP_Y, "bridge-6-flipy.jpg", Dihedral.FLIP_PLUS_1, "bridge-7-flip-plus-1.jpg",
                Dihedral.FLIP_MINUS_1, "bridge-8-flip-minus-1.jpg");
        for (var entry : files.entrySet()) {
            PdqHash transformed = PdqVectors.hash(hasher, "reg-test-input/dih/" + entry.getValue()).hash();
            assertThat(original.hash(entry.getKey()).distance(transformed)).as(entry.getKey().name())
                    .isLessThanOrEqualTo(MATCH);
            assertThat(original.hash().distance(transformed)).as("untransformed vs " + entry.getKey())
                    .isGreaterThan(MATCH);
        }
    }

    @Test
    void theJavaReferenceTestsDistancesAreReproduced() throws IOException {
        List<String> lines = Files.readAllLines(PdqVectors.dir().resolve("expected_distances_java_test.csv"));
        assertThat(lines).hasSize(5);
        BufferedImage bridge = read("reg-test-input/dih/bridge-1-original.jpg");
        PdqHash original = hasher.hash(bridge).hash();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = CsvCells.split(line);
            String other = cells.get(1);
            PdqHash b;
            if (other.contains("grayscale")) {
                b = hasher.hash(new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_GRAY), null)
                        .filter(bridge, null)).hash();
            } else if (other.contains("half width")) {
                b = hasher.hash(halfSize(bridge)).hash();
            } else {
                b = hasher.hash(read(other)).hash();
            }
            // the same in-memory transforms as the reference's PDQHasherTest, so the same distances
            assertThat(original.distance(b)).as(other).isEqualTo(Integer.parseInt(cells.get(2)));
        }
    }

    @Test
    void exifOrientationIsAppliedAsTheViewerShowsThePhoto() throws IOException {
        // the four files are different photos; each must hash as its raw pixels turned the way its tag says.
        // EXIF 6 turns clockwise, which is PDQ's ROTATE_270 (PDQ rotates counter-clockwise)
        Map<Integer, Dihedral> turn = Map.of(1, Dihedral.ORIGINAL, 3, Dihedral.ROTATE_180, 6, Dihedral.ROTATE_270,
                8, Dihedral.ROTATE_90);
        for (var entry : turn.entrySet()) {
            Path file = PdqVectors.dir().resolve("reg-test-input/exif-rotn/exif-rotn-" + entry.getKey() + ".jpg");
            byte[] bytes = Files.readAllBytes(file);
            assertThat(ExifOrientation.of(bytes)).isEqualTo(entry.getKey());
            PdqResult raw = hasher.hashAllDihedral(ImageIO.read(new ByteArrayInputStream(bytes)));
            PdqHash shown = hasher.hash(new ByteArrayInputStream(bytes)).hash();
            assertThat(shown.distance(raw.hash(entry.getValue()))).as(file.getFileName().toString())
                    .isLessThanOrEqualTo(4);
            if (entry.getKey() != 1) {
                assertThat(shown.distance(raw.hash())).isGreaterThan(MATCH);
            }
        }
    }

    @Test
    void aFlatImageHasLowQualityAndWebpIsRefusedWithTheReason() throws IOException {
        BufferedImage grey = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        assertThat(hasher.hash(grey).quality()).isZero();
        try (InputStream webp = Files.newInputStream(PdqVectors.dir().resolve("misc-images/modes/LAB.webp"))) {
            assertThatThrownBy(() -> hasher.hash(webp)).isInstanceOf(UnsupportedImageException.class)
                    .hasMessageContaining("WebP");
        }
        assertThatThrownBy(() -> hasher.hash(new ByteArrayInputStream("not an image".getBytes())))
                .isInstanceOf(UnsupportedImageException.class).hasMessageContaining("JPEG, PNG");
    }

    @Test
    void theColourModesThatImageIoDecodesHashCloseToTheOriginal() throws IOException {
        PdqHash original = PdqVectors.hash(hasher, "misc-images/modes/original.jpg").hash();
        for (String mode : List.of("1.png", "L.png", "LA.png", "P.png", "RGB.jpg", "RGBA.png", "YCbCr.jpg")) {
            assertThat(PdqVectors.hash(hasher, "misc-images/modes/" + mode).hash().distance(original)).as(mode)
                    .isLessThanOrEqualTo(mode.equals("1.png") ? 64 : MATCH);
        }
    }

    private static BufferedImage read(String image) throws IOException {
        return ImageIO.read(PdqVectors.dir().resolve(image).toFile());
    }

    private static BufferedImage halfSize(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth() / 2, source.getHeight() / 2, source.getType());
        Graphics2D g = out.createGraphics();
        g.drawImage(source, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }
}
