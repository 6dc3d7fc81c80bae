package org.fusioncell.search.internal;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.fusioncell.search.TextWatchSet;

/**
 * Standing queries matched by percolation: the new document against the queries, not the queries
 * against the data. Each query is filed under its presearch keys ({@link QueryKeys}); a document is
 * analysed once ({@link DocumentTerms}), its terms pick the candidate queries, and only those are
 * checked ({@link QueryCheck}). Queries that need no particular term are checked on every document.
 *
 * <p>Concurrency: a change files and unfiles keys under a write lock, and a matching call collects its
 * candidates under the read lock, so it sees the key index of one moment (parsing, analysis and the
 * checks run outside the lock). A candidate replaced since that moment is checked in its current
 * version, one removed since is skipped: each watch is answered as it was at some point during the call.
 */
final class LiveTextWatchSet implements TextWatchSet {

    /** A filed query; identity matters (a replaced watch's entries must not be taken for the new one). */
    private static final class Watch {
        final String id;
        final QueryCheck check;
        final QueryKeys keys;
        /** False once replaced or removed (set under the write lock). */
        volatile boolean current = true;

        Watch(String id, QueryCheck check, QueryKeys keys) {
            this.id = id;
            this.check = check;
            this.keys = keys;
        }
    }

    private final LuceneTextWatching watching;
    private final Analyzer analyzer;
    private final ConcurrentHashMap<String, Watch> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TermKey, Set<Watch>> byTerm = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TermKey, Set<Watch>> byPrefix = new ConcurrentHashMap<>();
    private final Set<Watch> always = ConcurrentHashMap.newKeySet();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Longest prefix key in bytes, so a document term is probed only up to that length. */
    private volatile int longestPrefix;

    LiveTextWatchSet(LuceneTextWatching watching, Analyzer analyzer) {
        this.watching = watching;
        this.analyzer = analyzer;
    }

    @Override
    public void put(String watchId, String query) {
        Objects.requireNonNull(watchId, "watchId");
        var parsed = watching.parse(query); // validates: nothing is changed for a refused query
        Watch watch = new Watch(watchId, QueryCheck.of(parsed), QueryKeys.of(parsed));
        lock.writeLock().lock();
        try {
            file(watch);
            Watch old = byId.put(watchId, watch);
            if (old != null) {
                unfile(old);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void remove(String watchId) {
        lock.writeLock().lock();
        try {
            Watch old = byId.remove(watchId);
            if (old != null) {
                unfile(old);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public int size() {
        return byId.size();
    }

    @Override
    public Set<String> matching(String title, String body) {
        return match(new DocumentTerms(analyzer, title, body, null));
    }

    @Override
    public Set<String> matching(String title, String body, String language) {
        return match(new DocumentTerms(analyzer, title, body, language));
    }

    /** Every query, checked without the presearcher: the reference the presearcher must agree with. */
    Set<String> matchingAll(String title, String body, String language) {
        DocumentTerms document = new DocumentTerms(analyzer, title, body, language);
        Set<String> out = new HashSet<>();
        byId.values().forEach(w -> {
            if (w.check.test(document)) {
                out.add(w.id);
            }
        });
        return out;
    }

    /** How many queries the presearcher leaves to check for this document (tests and tuning). */
    int candidates(String title, String body, String language) {
        return candidates(new DocumentTerms(analyzer, title, body, language)).size();
    }

    private Set<String> match(DocumentTerms document) {
        if (byId.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (Watch candidate : candidates(document)) {
            // replaced since the candidates were collected: its current version; removed: none
            Watch w = candidate.current ? candidate : byId.get(candidate.id);
            if (w != null && !out.contains(w.id) && w.check.test(document)) {
                out.add(w.id);
            }
        }
        return out;
    }

    private Set<Watch> candidates(DocumentTerms document) {
        lock.readLock().lock();
        try {
            return collect(document);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Set<Watch> collect(DocumentTerms document) {
        Set<Watch> found = Collections.newSetFromMap(new IdentityHashMap<>());
        found.addAll(always);
        int prefixes = byPrefix.isEmpty() ? 0 : longestPrefix;
        document.forEachTerm(term -> {
            Set<Watch> exact = byTerm.get(term);
            if (exact != null) {
                found.addAll(exact);
            }
            if (prefixes > 0) {
                for (int length = 1; length <= Math.min(prefixes, term.length()); length++) {
                    Set<Watch> byStart = byPrefix.get(term.prefix(length));
                    if (byStart != null) {
                        found.addAll(byStart);
                    }
                }
            }
        });
        return found;
    }

    private void file(Watch w) {
        if (w.keys.never()) {
            return; // can never match: kept by id only
        }
        if (w.keys.always()) {
            always.add(w);
            return;
        }
        w.keys.terms().forEach(t -> byTerm.computeIfAbsent(TermKey.of(t), newSet()).add(w));
        w.keys.prefixes().forEach(p -> {
            byPrefix.computeIfAbsent(TermKey.of(p), newSet()).add(w);
            longestPrefix = Math.max(longestPrefix, p.length);
        });
    }

    private void unfile(Watch w) {
        w.current = false;
        always.remove(w);
        w.keys.terms().forEach(t -> byTerm.computeIfPresent(TermKey.of(t),
                (k, set) -> set.remove(w) && set.isEmpty() ? null : set));
        w.keys.prefixes().forEach(p -> byPrefix.computeIfPresent(TermKey.of(p),
                (k, set) -> set.remove(w) && set.isEmpty() ? null : set));
    }

    private static Function<TermKey, Set<Watch>> newSet() {
        return k -> ConcurrentHashMap.newKeySet();
    }
}
