package org.fusioncell.media.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.fusioncell.media.pdq.PdqVectors;
import org.junit.jupiter.api.Test;

class FileDigestsTest {

    @Test
    void knownAnswersOfTheEmptyInputAndOfTheFoxSentence() {
        FileDigests empty = FileDigests.of(new byte[0]);
        assertThat(empty.md5()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(empty.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        FileDigests fox = FileDigests.of("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII));
        assertThat(fox.md5()).isEqualTo("9e107d9d372bb6826bd81d3542a419d6");
        assertThat(fox.sha256()).isEqualTo("d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
        assertThat(fox.length()).isEqualTo(43);
    }

    @Test
    void aFileLargerThanOneReadBufferDigestsAsCoreutilsDoes() throws IOException {
        // md5sum / sha256sum of bridge-mods/aaa-orig.jpg (361,182 bytes: six 64 KiB reads)
        try (InputStream in = Files.newInputStream(PdqVectors.dir().resolve("bridge-mods/aaa-orig.jpg"))) {
            FileDigests d = FileDigests.of(in);
            assertThat(d.md5()).isEqualTo("d35c785545392755e7e4164457657269");
            assertThat(d.sha256()).isEqualTo("b5b0799616df52d475a3968dc7e54f1d0724c912244ffa6175bc786375dd7298");
            assertThat(d.length()).isEqualTo(361_182);
        }
    }
}
