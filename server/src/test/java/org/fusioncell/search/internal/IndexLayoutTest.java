package org.fusioncell.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.fusioncell.search.SearchDocument;
import org.junit.jupiter.api.Test;

/**
 * An index written with an older field layout is emptied when it opens (the start-up rebuild then writes every
 * document again from the database); an index of the current layout keeps its documents across restarts.
 */
class IndexLayoutTest {

    @Test
    void anOlderLayoutIsEmptiedAndTheCurrentOneKept() throws Exception {
        Path dir = Files.createTempDirectory("fusioncell-index-layout");
        LuceneIndex index = new LuceneIndex(dir.toString());
        index.index(new SearchDocument("report", "r1", "m", 0, "تجمع قرب نواكشوط", "", "ar",
                Instant.parse("2026-01-01T00:00:00Z"), "org", List.of(), Map.of(), 18.08, -15.97));
        index.close();

        LuceneIndex reopened = new LuceneIndex(dir.toString());
        assertThat(reopened.size()).isEqualTo(1);
        reopened.close();

        // as an index of the previous layout would be: same documents, an older layout in its last commit
        try (FSDirectory d = FSDirectory.open(dir.resolve("index"));
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.setLiveCommitData(Map.of("layout", "1").entrySet());
            w.commit();
        }
        LuceneIndex upgraded = new LuceneIndex(dir.toString());
        assertThat(upgraded.size()).isZero();
        upgraded.close();
    }
}
