package org.fusioncell.search.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.fusioncell.search.SearchDocument;
import org.fusioncell.search.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Lucene index in {@code ${fusioncell.data-dir}/index}. Every write is committed before it returns (an
 * acknowledged write survives a crash: writes come from after-commit listeners whose event stays
 * outstanding until they return) and the near-real-time searcher is refreshed, so the next search sees it.
 * Commits are grouped: concurrent writers wait for one commit that covers all of their changes instead
 * of fsyncing the index one document at a time.
 */
@Component
class LuceneIndex implements SearchIndex {

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String MARKING = "marking_id";
    static final String LANGUAGE = "language";
    static final String ORGANISATION = "organisation";
    static final String CLASSIFICATION = "classification";
    static final String TAG = "tag";
    static final String FACET_PREFIX = "f.";
    static final String TIME = "time";
    /** The fields' layout: raised when documents gain a field, so that an older index is rebuilt at start-up. */
    static final String LAYOUT = "2";
    /** Where the item is (a report's coordinates), for area filters. */
    static final String PLACE = "place";

    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

    /** Stored with offsets: the highlighter reads matches from the postings instead of re-analysing. */
    private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);

    static {
        HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED.freeze();
    }

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    LuceneIndex(@Value("${fusioncell.data-dir}") String dataDir) throws IOException {
        Path path = Path.of(dataDir, "index");
        Files.createDirectories(path);
        this.directory = FSDirectory.open(path);
        this.writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalysis.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        String layout = org.apache.lucene.index.DirectoryReader.indexExists(directory)
                ? org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData().get("layout") : null;
        if (!LAYOUT.equals(layout) && writer.getDocStats().numDocs > 0) {
            // documents written with another layout (fields added since): emptied, so that the start-up rebuild
            // writes them again from the database, which is the record
            log.info("Search index layout {} is not {}: it is rebuilt", layout, LAYOUT);
            writer.deleteAll();
        }
        writer.setLiveCommitData(Map.of("layout", LAYOUT).entrySet());
        writer.commit();
        this.searchers = new SearcherManager(writer, null);
        log.info("Search index open with {} documents", writer.getDocStats().numDocs);
    }

    @Override
    public void index(SearchDocument document) {
        indexAll(List.of(document));
    }

    @Override
    public void indexAll(Collection<SearchDocument> documents) {
        write(w -> {
            for (SearchDocument d : documents) {
                w.updateDocument(new Term(KEY, key(d.type(), d.id())), toLucene(d));
            }
        });
    }

    @Override
    public void remove(String type, String id) {
        write(w -> w.deleteDocuments(new Term(KEY, key(type, id))));
    }

    @Override
    public void removeType(String type) {
        write(w -> w.deleteDocuments(new Term(TYPE, type)));
    }

    @Override
    public long size() {
        // what searches see, not what the writer has buffered: a caller waiting for a write waits for this
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    /** A searcher over the latest committed state; give it back with {@link #release}. */
    IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Change {
        void apply(IndexWriter writer) throws IOException;
    }

    /** Changes applied so far, numbered after they were applied; and the highest number made durable. */
    private final java.util.concurrent.atomic.AtomicLong applied = new java.util.concurrent.atomic.AtomicLong();
    private final Object committing = new Object();
    private long committed;

    private void write(Change change) {
        try {
            change.apply(writer);
            long mine = applied.incrementAndGet(); // after apply: a number ≤ a commit's mark is in that commit
            synchronized (committing) {
                if (committed >= mine) {
                    return; // another writer's commit, started after our change was applied, covered it
                }
                long mark = applied.get();
                writer.commit();
                searchers.maybeRefreshBlocking();
                committed = mark;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String key(String type, String id) {
        return type + ":" + id;
    }

    static Document toLucene(SearchDocument d) {
        Document doc = new Document();
        doc.add(new KeywordField(KEY, key(d.type(), d.id()), Field.Store.NO));
        doc.add(new KeywordField(TYPE, d.type(), Field.Store.YES));
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new StringField(MARKING, d.markingId(), Field.Store.NO));
        doc.add(new KeywordField(LANGUAGE, d.language(), Field.Store.YES));
        doc.add(new KeywordField(CLASSIFICATION, String.valueOf(d.classificationRank()), Field.Store.YES));
        if (d.originatingOrganisationId() != null) {
            doc.add(new KeywordField(ORGANISATION, d.originatingOrganisationId(), Field.Store.YES));
        }
        for (String tag : d.tags()) {
            doc.add(new KeywordField(TAG, tag, Field.Store.NO));
        }
        for (Map.Entry<String, List<String>> facet : d.facets().entrySet()) {
            for (String value : new ArrayList<>(facet.getValue())) {
                doc.add(new KeywordField(FACET_PREFIX + facet.getKey(), value, Field.Store.NO));
            }
        }
        if (d.latitude() != null) {
            doc.add(new LatLonPoint(PLACE, d.latitude(), d.longitude()));
        }
        if (d.occurredAt() != null) {
            long millis = d.occurredAt().toEpochMilli();
            doc.add(new LongPoint(TIME, millis));
            doc.add(new NumericDocValuesField(TIME, millis));
            doc.add(new StoredField(TIME, millis));
        }
        doc.add(new Field(SearchAnalysis.TITLE_ALL, d.title(), HIGHLIGHTED));
        doc.add(new Field(SearchAnalysis.BODY_ALL, d.body(), HIGHLIGHTED));
        String stemmed = SearchAnalysis.languageField(d.language());
        if (stemmed != null) {
            doc.add(new TextField(stemmed, d.title() + "\n" + d.body(), Field.Store.NO));
        }
        return doc;
    }

    @PreDestroy
    void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
