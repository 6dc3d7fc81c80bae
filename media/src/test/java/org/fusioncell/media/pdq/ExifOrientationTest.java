package org.fusioncell.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** All eight EXIF orientations turn the pixels into eight different dihedral transforms, the known ones as named. */
class ExifOrientationTest {

    @Test
    void eachOrientationMatchesOneDihedralHashOfTheUprightImage() throws IOException {
        PdqHasher hasher = new PdqHasher();
        Luma upright = Luma.of(ImageIO.read(PdqVectors.dir().resolve("reg-test-input/dih/bridge-1-original.jpg")
                .toFile()));
        PdqResult reference = hasher.fromLuma(new Luma(upright.pixels().clone(), upright.rows(), upright.cols()),
                true);
        Set<Dihedral> seen = EnumSet.noneOf(Dihedral.class);
        for (int orientation = 1; orientation <= 8; orientation++) {
            Luma turned = upright.oriented(orientation);
            PdqHash hash = hasher.fromLuma(new Luma(turned.pixels().clone(), turned.rows(), turned.cols()), false)
                    .hash();
            Dihedral nearest = Dihedral.ORIGINAL;
            for (Dihedral d : Dihedral.values()) {
                if (reference.hash(d).distance(hash) < reference.hash(nearest).distance(hash)) {
                    nearest = d;
                }
            }
            assertThat(reference.hash(nearest).distance(hash)).as("orientation " + orientation)
                    .isLessThanOrEqualTo(8);
            seen.add(nearest);
            switch (orientation) {
                case 1 -> assertThat(nearest).isEqualTo(Dihedral.ORIGINAL);
                case 3 -> assertThat(nearest).isEqualTo(Dihedral.ROTATE_180);
                case 6 -> assertThat(nearest).isEqualTo(Dihedral.ROTATE_270);
                case 8 -> assertThat(nearest).isEqualTo(Dihedral.ROTATE_90);
                case 5 -> assertThat(nearest).isEqualTo(Dihedral.FLIP_PLUS_1);
                case 7 -> assertThat(nearest).isEqualTo(Dihedral.FLIP_MINUS_1);
                default -> assertThat(nearest).isIn(Dihedral.FLIP_X, Dihedral.FLIP_Y);
            }
        }
        assertThat(seen).hasSize(8);
    }

    @Test
    void noExifOrAMalformedSegmentMeansAsStored() {
        assertThat(ExifOrientation.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xda, 0, 2}))
                .isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 0x7f, 0x7f}))
                .isEqualTo(1);
        assertThat(ExifOrientation.of("not a jpeg".getBytes())).isEqualTo(1);
    }
}
