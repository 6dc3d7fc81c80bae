package org.fusioncell.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seal of depersonalised particulars, without a container: what opens, what does not, and the key file. */
class SubjectSealTest {

    @TempDir
    Path dataDir;

    @Test
    void sealedParticularsOpenOnlyForTheirRowAndUnderTheirKey() throws Exception {
        SubjectSeal seal = new SubjectSeal(dataDir);
        String plain = "{\"names\":[\"ليلى بن عمر\",\"Leila Ben Omar\"],\"documents\":[\"T7734120\"]}";
        String sealed = seal.seal("row-1", plain);
        assertThat(sealed).doesNotContain("Leila", "T7734120");
        assertThat(seal.seal("row-1", plain)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(seal.open("row-1", seal.keyId(), sealed)).isEqualTo(plain);
        assertThatThrownBy(() -> seal.open("row-2", seal.keyId(), sealed)).as("moved onto another row")
                .isInstanceOf(IllegalStateException.class);

        Path key = dataDir.resolve("keys").resolve("depersonalisation.key");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new SubjectSeal(dataDir).open("row-1", seal.keyId(), sealed)).as("the same key file, read again")
                .isEqualTo(plain);

        Path elsewhere = Files.createTempDirectory(dataDir, "other");
        SubjectSeal other = new SubjectSeal(elsewhere);
        assertThat(other.keyId()).isNotEqualTo(seal.keyId());
        assertThatThrownBy(() -> other.open("row-1", seal.keyId(), sealed)).hasMessageContaining("another depersonalisation key");
    }
}
