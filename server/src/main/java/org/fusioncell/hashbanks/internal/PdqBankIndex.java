package org.fusioncell.hashbanks.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.media.index.PdqIndex;
import org.fusioncell.media.index.PdqMatch;
import org.fusioncell.media.pdq.PdqHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One in-memory {@link PdqIndex} over the live PDQ entries of every bank, loaded from the table when the
 * application is ready (or at the first query, whichever comes first) and kept up to date as entries are added,
 * deleted and restored — after their transaction commits, so a rolled-back write never reaches it. Beside the index,
 * per index id: the entry's {@code seq} and its bank (as a small ordinal), 12 bytes a hash.
 *
 * <p>The index knows nothing of who may see what: {@link Matching} keeps only the matches in banks the reader may
 * see, then reads them back from the table under the same visibility predicate. Each node of a multi-node
 * installation holds its own copy, loaded at its start; it only hears of the writes made on that node
 * (docs/hashbanks.md, "Several nodes").
 *
 * <p>Adds are idempotent (an entry already listed under the same seq is not listed twice), so a write that
 * commits while the index is being loaded cannot be counted twice.
 */
@Component
class PdqBankIndex {

    private static final Logger log = LoggerFactory.getLogger(PdqBankIndex.class);

    /** A hit of the index: the entry's seq, its bank and the distance to the query. */
    record Hit(long seq, String bankId, int distance) {
    }

    private final JdbcClient jdbc;
    private PdqIndex index;
    private long[] seqs = new long[0];
    private int[] banks = new int[0];
    private final Map<String, Integer> bankOrdinals = new HashMap<>();
    private final List<String> bankIds = new ArrayList<>();
    private volatile boolean loaded;

    PdqBankIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        ensureLoaded();
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            long started = System.nanoTime();
            int expected = jdbc.sql("SELECT COUNT(*) FROM hashbanks_entry WHERE algorithm = 'PDQ' AND NOT deleted")
                    .query(Integer.class).single();
            index = new PdqIndex(Math.max(1024, expected + expected / 8));
            seqs = new long[Math.max(1024, expected + expected / 8)];
            banks = new int[seqs.length];
            jdbc.sql("""
                    SELECT seq, bank_id, hash_value, quality FROM hashbanks_entry
                    WHERE algorithm = 'PDQ' AND NOT deleted ORDER BY seq""")
                    .query(rs -> {
                        int q = rs.getInt("quality");
                        listUnlocked(rs.getLong("seq"), rs.getString("bank_id"), rs.getString("hash_value"),
                                rs.wasNull() ? null : q);
                    });
            index.compact();
            loaded = true;
            log.info("PDQ index of the hash banks loaded: {} hashes in {} ms", index.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Lists the entry once the current transaction commits (at once outside a transaction). */
    void addAfterCommit(long seq, String bankId, String hex, Integer quality) {
        afterCommit(() -> add(seq, bankId, hex, quality));
    }

    void deleteAfterCommit(long seq, String hex) {
        afterCommit(() -> delete(seq, hex));
    }

    private static void afterCommit(Runnable change) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    change.run();
                }
            });
        } else {
            change.run();
        }
    }

    synchronized void add(long seq, String bankId, String hex, Integer quality) {
        if (!loaded) {
            return; // the load reads the committed row itself
        }
        if (find(seq, PdqHash.fromHex(hex)) < 0) {
            listUnlocked(seq, bankId, hex, quality);
        }
    }

    synchronized void delete(long seq, String hex) {
        if (!loaded) {
            return;
        }
        int id = find(seq, PdqHash.fromHex(hex));
        if (id >= 0) {
            index.delete(id);
        }
    }

    /** The index id listing {@code seq}, found through the index itself (radius 0), or -1. */
    private int find(long seq, PdqHash hash) {
        for (PdqMatch m : index.search(hash, 0, 0)) {
            if (seqs[m.id()] == seq) {
                return m.id();
            }
        }
        return -1;
    }

    /**
     * A quality the entry did not state counts as passing: hash lists from partners carry no quality, and their
     * authors filter before sharing (docs/hashbanks.md).
     */
    private void listUnlocked(long seq, String bankId, String hex, Integer quality) {
        int id = index.add(PdqHash.fromHex(hex), quality == null ? 100 : quality);
        if (id >= seqs.length) {
            int capacity = Math.max(id + 1, seqs.length * 2);
            seqs = Arrays.copyOf(seqs, capacity);
            banks = Arrays.copyOf(banks, capacity);
        }
        seqs[id] = seq;
        banks[id] = ordinal(bankId);
    }

    private int ordinal(String bankId) {
        return bankOrdinals.computeIfAbsent(bankId, b -> {
            bankIds.add(b);
            return bankIds.size() - 1;
        });
    }

    /**
     * The live entries within {@code radius} bits of quality ≥ {@code minQuality} in {@code visibleBanks} only,
     * nearest first, at most {@code limit}: the banks are filtered before the limit, so entries of other banks can
     * neither be returned nor crowd out the reader's own.
     */
    List<Hit> search(PdqHash query, int radius, int minQuality, Set<String> visibleBanks, int limit) {
        ensureLoaded();
        if (visibleBanks.isEmpty()) {
            return List.of();
        }
        List<PdqMatch> found = index.search(query, radius, minQuality);
        long[] seqView;
        int[] bankView;
        List<String> names;
        synchronized (this) {
            seqView = seqs;
            bankView = banks;
            names = List.copyOf(bankIds);
        }
        List<Hit> hits = new ArrayList<>();
        for (PdqMatch m : found) {
            if (m.id() >= seqView.length) {
                continue; // listed after this search began
            }
            String bank = names.get(bankView[m.id()]);
            if (visibleBanks.contains(bank)) {
                hits.add(new Hit(seqView[m.id()], bank, m.distance()));
                if (hits.size() >= limit) {
                    break;
                }
            }
        }
        return hits;
    }

    /** Live hashes listed, for the operations page and tests. */
    int size() {
        ensureLoaded();
        return index.size();
    }
}
