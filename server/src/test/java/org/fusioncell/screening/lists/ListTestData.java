package org.fusioncell.screening.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/** Where the real lists are (../shared/data or $FUSIONCELL_TEST_DATA), and small files for bad-input tests. */
final class ListTestData {

    private ListTestData() {
    }

    /** The shared data file or folder; the test is skipped, saying why, when it is absent. */
    static Path shared(String relative) {
        Path base = Paths.get(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"));
        Path path = base.resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "SKIPPED: " + path + " is absent (set FUSIONCELL_TEST_DATA)");
        return path;
    }

    static Path write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Paths.get(ListTestData.class.getResource("/screening/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
