package org.fusioncell.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.shared.Ids;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each record carries the SHA-256 of its predecessor's hash and its own canonical content. Appends
 * are serialised by locking the single chain-head row, so two nodes on one PostgreSQL cannot fork the
 * chain, and sequence numbers stay contiguous (a gap therefore always means a deleted record).
 *
 * <p>Inside a transaction the records are only collected ({@link Pending}, bound to the transaction's
 * connection) and appended together just before commit: the head row is locked, the records numbered,
 * hashed and inserted in one batch, and the head moved once. The lock is therefore held for the few
 * milliseconds between that append and the commit, not for the whole business transaction — many
 * transactions that audit (every read and write does) run side by side and queue only for their
 * append. A record's {@code occurred_at} is when it was recorded; its place in the chain is the order in
 * which the transactions committed, so timestamps of neighbouring records may be a transaction's length
 * out of order. On rollback nothing was written. A record made after the append ran (by another
 * before-commit callback) is appended at once, under the lock its transaction then holds. Savepoints
 * (nested transactions) are not used in this code base; records made inside one that is rolled back are
 * kept.
 */
@Service
class ChainedAuditLog implements AuditLog {

    static final int MAX_OBJECT_ID_LENGTH = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChainedAuditLog.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final DataSource dataSource;

    ChainedAuditLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    private record PendingKey(ChainedAuditLog owner, Object connection) {
    }

    /** A record with the time it was made, waiting for its place in the chain. */
    private record Stamped(AuditRecord record, Instant at) {
    }

    /** This transaction's records, appended to the chain just before it commits. */
    private final class Pending implements TransactionSynchronization {
        private final PendingKey key;
        private final List<Stamped> records = new ArrayList<>();
        private boolean appended;

        Pending(PendingKey key) {
            this.key = key;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            appended = true;
            append(records);
            records.clear();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord r) {
        Stamped stamped = new Stamped(r, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        PendingKey key = pendingKey();
        if (key == null) {
            append(List.of(stamped));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(key);
        if (pending == null) {
            pending = new Pending(key);
            TransactionSynchronizationManager.bindResource(key, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.appended) { // made by another before-commit callback, after ours ran
            append(List.of(stamped));
        } else {
            pending.records.add(stamped);
        }
    }

    /** Locks the head, numbers, hashes and inserts the records, and moves the head past them. */
    private void append(List<Stamped> records) {
        if (records.isEmpty()) {
            return;
        }
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        Object[] caught = catchUp((long) head[0], (String) head[1]);
        long seq = (long) caught[0];
        String previous = (String) caught[1];
        List<Object[]> rows = new ArrayList<>(records.size());
        List<Object[]> objects = new ArrayList<>();
        for (Stamped s : records) {
            AuditRecord r = s.record();
            seq++;
            StoredAuditRecord stored = new StoredAuditRecord(seq, Ids.newId(), s.at(), r.action().name(),
                    r.actorUserId(), r.actorOrganisationId(), r.objectType(), String.join(",", r.objectIds()),
                    r.purpose(), r.justification(), r.outcome(), JSON.writeValueAsString(new TreeMap<>(r.details())),
                    previous, null);
            stored = stored.withHash(stored.computeHash());
            rows.add(new Object[] {seq, stored.id(), OffsetDateTime.ofInstant(s.at(), ZoneOffset.UTC),
                    stored.action(), stored.actorUserId(), stored.actorOrganisationId(), stored.objectType(),
                    stored.objectIds(), stored.purpose(), stored.justification(), stored.outcome(), stored.details(),
                    previous, stored.hash()});
            for (String id : new LinkedHashSet<>(r.objectIds())) {
                if (id != null && !id.isBlank() && id.length() <= MAX_OBJECT_ID_LENGTH) {
                    objects.add(new Object[] {id, seq});
                }
            }
            previous = stored.hash();
        }
        batch.batchUpdate("INSERT INTO audit_record (" + StoredAuditRecord.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        if (!objects.isEmpty()) {
            batch.batchUpdate("INSERT INTO audit_record_object (object_id, seq) VALUES (?, ?)", objects);
        }
        writeHead(seq, previous);
    }

    /**
     * The head as the records say, when records past it exist. The head is written in the same
     * transaction as the records, yet the embedded store has been seen, after a kill, to come back with
     * a record one past its head — and every later append then collided with it. Records past the head
     * that continue the chain (next number, linking to the head's hash) are taken as its true end and
     * the head is moved there, with a warning; anything else is left for {@code audit verify} to report
     * and the append fails as before.
     */
    private Object[] catchUp(long last, String previous) {
        List<Object[]> beyond = jdbc.sql("SELECT seq, prev_hash, hash FROM audit_record WHERE seq > :last ORDER BY seq")
                .param("last", last).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                .list();
        long seq = last;
        String hash = previous;
        for (Object[] row : beyond) {
            if ((long) row[0] != seq + 1 || !java.util.Objects.equals(row[1], hash)) {
                return new Object[] {last, previous};
            }
            seq = (long) row[0];
            hash = (String) row[2];
        }
        if (seq != last) {
            LOG.warn("audit chain head was at #{} with chained records up to #{} (unclean stop): head moved", last, seq);
            writeHead(seq, hash);
        }
        return new Object[] {seq, hash};
    }

    /**
     * Bound under a key naming the transaction's connection, so an inner REQUIRES_NEW transaction
     * (another connection) keeps its records apart from the outer one's and appends them at its own commit.
     */
    private PendingKey pendingKey() {
        Object connection = TransactionSynchronizationManager.getResource(dataSource);
        if (connection == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        return new PendingKey(this, connection);
    }

    private void writeHead(long seq, String hash) {
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", hash).update();
    }
}
