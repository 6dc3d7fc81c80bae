package org.fusioncell.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TextLanguageTest {

    @Test
    void arabicSourcePagesAreArabic() throws IOException {
        Path dir = Paths.get(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"))
                .resolveSibling("context");
        Assumptions.assumeTrue(Files.isDirectory(dir), "SKIPPED: the UN source pages (../shared/context) are absent");
        try (var files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().matches("\\d{3}_.*\\.txt")).forEach(f -> {
                try {
                    assertThat(TextLanguage.detect(Files.readString(f))).as(f.toString()).isEqualTo("ar");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void frenchAndEnglishAreToldApartByFunctionWords() {
        assertThat(TextLanguage.detect("Un véhicule suspect a été signalé près de la frontière par les douanes."))
                .isEqualTo("fr");
        assertThat(TextLanguage.detect("A suspicious vehicle was reported near the border by customs officers."))
                .isEqualTo("en");
        assertThat(TextLanguage.detect("تبادل المعلومات لمنع التهديدات الإرهابية ومكافحتها والتصدي لها")).isEqualTo("ar");
        assertThat(TextLanguage.detect("  12345 ")).isEqualTo("und");
    }
}
