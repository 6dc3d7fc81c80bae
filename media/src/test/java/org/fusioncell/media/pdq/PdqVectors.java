package org.fusioncell.media.pdq;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The ThreatExchange PDQ vectors in shared/data/pdq-vectors ($FUSIONCELL_TEST_DATA or ../../shared/data). */
public final class PdqVectors {

    private PdqVectors() {
    }

    /** The vectors' folder; the calling test is skipped, saying why, when it is absent. */
    public static Path dir() {
        Path dir = Path.of(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"))
                .resolve("pdq-vectors");
        assumeTrue(Files.isDirectory(dir),
                "SKIPPED: the PDQ vectors are not at " + dir.toAbsolutePath() + "; set FUSIONCELL_TEST_DATA");
        return dir;
    }

    public static PdqResult hash(PdqHasher hasher, String image) throws IOException {
        try (InputStream in = Files.newInputStream(dir().resolve(image))) {
            return hasher.hashAllDihedral(in);
        }
    }
}
