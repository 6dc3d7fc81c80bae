package org.fusioncell.audit.internal;

import java.util.List;
import java.util.Optional;
import org.fusioncell.audit.AuditVerification;
import org.fusioncell.audit.VerificationResult;
import org.fusioncell.audit.VerificationResult.Breach;
import org.fusioncell.audit.VerificationResult.Broken;
import org.fusioncell.audit.VerificationResult.Intact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the chain in keyset batches (constant memory) without blocking appends, then finishes
 * under the chain-head lock: no append is half-done then, so every row past the head is an
 * insertion and a head ahead of the last row means deleted records.
 */
class ChainVerifier implements AuditVerification {

    private record Head(long lastSeq, String lastHash) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int batchSize;

    ChainVerifier(JdbcClient jdbc, PlatformTransactionManager transactionManager, int batchSize) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.batchSize = batchSize;
    }

    @Override
    public VerificationResult verify() {
        Optional<Head> start = head("");
        if (start.isEmpty()) {
            return headMissing();
        }
        Walk walk = new Walk();
        Optional<Broken> broken = walk.through(start.get().lastSeq());
        if (broken.isPresent()) {
            return broken.get();
        }
        return transactions.execute(status -> finish(walk));
    }

    private VerificationResult finish(Walk walk) {
        Optional<Head> locked = head(" FOR UPDATE");
        if (locked.isEmpty()) {
            return headMissing();
        }
        Head end = locked.get();
        Optional<Broken> broken = walk.through(end.lastSeq());
        if (broken.isPresent()) {
            return broken.get();
        }
        if (walk.expected <= end.lastSeq()) {
            return new Broken(walk.expected, null, Breach.RECORD_MISSING,
                    "the chain head says the log ends at #" + end.lastSeq());
        }
        List<Object[]> beyond = jdbc.sql("SELECT seq, id FROM audit_record WHERE seq > :last ORDER BY seq FETCH FIRST 1 ROWS ONLY")
                .param("last", end.lastSeq())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        if (!beyond.isEmpty()) {
            return new Broken((long) beyond.getFirst()[0], (String) beyond.getFirst()[1], Breach.RECORD_OUTSIDE_CHAIN,
                    "past the chain head #" + end.lastSeq());
        }
        if (!walk.previousHash.equals(end.lastHash())) {
            return new Broken(walk.previousSeq, walk.previousId, Breach.CHAIN_END_MISMATCH,
                    "the chain head remembers another hash for the last record");
        }
        return new Intact(walk.count, walk.previousSeq, walk.previousHash);
    }

    private Optional<Head> head(String lock) {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1" + lock)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    private static Broken headMissing() {
        return new Broken(0, null, Breach.CHAIN_END_MISMATCH, "the chain head row is missing");
    }

    /** The walk's position: everything up to {@code previousSeq} is verified. */
    private final class Walk {
        long expected = 1;
        long cursor = Long.MIN_VALUE;
        long count;
        long previousSeq;
        String previousId;
        String previousHash = StoredAuditRecord.GENESIS;

        /** Verifies the rows numbered up to {@code bound}, batch by batch. */
        Optional<Broken> through(long bound) {
            while (true) {
                List<StoredAuditRecord> batch = jdbc.sql("SELECT " + StoredAuditRecord.COLUMNS
                                + " FROM audit_record WHERE seq > :after AND seq <= :bound ORDER BY seq FETCH FIRST "
                                + batchSize + " ROWS ONLY")
                        .param("after", cursor).param("bound", bound)
                        .query(StoredAuditRecord::read).list();
                for (StoredAuditRecord r : batch) {
                    Optional<Broken> broken = check(r);
                    if (broken.isPresent()) {
                        return broken;
                    }
                    cursor = r.seq();
                    expected = r.seq() + 1;
                    count++;
                    previousSeq = r.seq();
                    previousId = r.id();
                    previousHash = r.hash();
                }
                if (batch.size() < batchSize) {
                    return Optional.empty();
                }
            }
        }

        private Optional<Broken> check(StoredAuditRecord r) {
            if (r.seq() < expected) {
                return Optional.of(new Broken(r.seq(), r.id(), Breach.RECORD_OUTSIDE_CHAIN, "numbered before #1"));
            }
            if (r.seq() > expected) {
                return Optional.of(new Broken(expected, null, Breach.RECORD_MISSING,
                        "the next record is #" + r.seq() + ", id " + r.id()));
            }
            boolean linked = previousHash.equals(r.prevHash());
            boolean consistent = r.computeHash().equals(r.hash());
            if (!consistent) {
                return Optional.of(new Broken(r.seq(), r.id(), linked ? Breach.CONTENT_CHANGED : Breach.LINK_BROKEN, null));
            }
            if (!linked) {
                // r is whole and still names the hash its predecessor had when r was written: the
                // predecessor was rewritten together with a recomputed hash.
                return Optional.of(previousSeq == 0
                        ? new Broken(r.seq(), r.id(), Breach.LINK_BROKEN, "the first record does not start the chain")
                        : new Broken(previousSeq, previousId, Breach.CONTENT_CHANGED,
                                "rewritten with a recomputed hash; #" + r.seq() + " no longer links to it"));
            }
            return Optional.empty();
        }
    }
}
