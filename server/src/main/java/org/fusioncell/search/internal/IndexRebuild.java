package org.fusioncell.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.search.SearchDocument;
import org.fusioncell.search.SearchIndex;
import org.fusioncell.search.SearchSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the index from the owning modules' {@link SearchSource}s: on demand (an administrator), and
 * at start-up when the index directory is empty (first start after an upgrade, or a lost directory),
 * since the database, not the index, is the record.
 */
@Service
public class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);
    private static final int BATCH = 500;

    private final SearchIndex index;
    private final List<SearchSource> sources;
    private final AuditLog audit;

    IndexRebuild(SearchIndex index, List<SearchSource> sources, AuditLog audit) {
        this.index = index;
        this.sources = sources;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildWhenEmpty() {
        if (index.size() == 0) {
            Map<String, Long> counts = rebuild();
            if (counts.values().stream().anyMatch(n -> n > 0)) {
                log.info("Search index was empty: rebuilt {}", counts);
            }
        }
    }

    /** Rebuilds every type and records who asked; returns the number of documents indexed per type. */
    @Transactional
    public Map<String, Long> rebuild(String userId, String organisationId) {
        Map<String, Long> counts = rebuild();
        Map<String, String> details = new TreeMap<>();
        counts.forEach((type, n) -> details.put(type, String.valueOf(n)));
        details.put("operation", "search-reindex");
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, userId, organisationId, "search-index", List.of())
                .withDetails(details));
        return counts;
    }

    private Map<String, Long> rebuild() {
        Map<String, Long> counts = new TreeMap<>();
        for (SearchSource source : sources) {
            long started = System.nanoTime();
            index.removeType(source.type());
            List<SearchDocument> batch = new ArrayList<>();
            long[] n = {0};
            source.forEach(d -> {
                batch.add(d);
                n[0]++;
                if (batch.size() == BATCH) {
                    index.indexAll(batch);
                    batch.clear();
                }
            });
            index.indexAll(batch);
            counts.merge(source.type(), n[0], Long::sum);
            log.info("Reindexed {} documents of type {} in {} ms", n[0], source.type(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return counts;
    }
}
