package org.fusioncell.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * <p>The lock is held to the end of the transaction anyway, so within one transaction the head is read
 * and locked once and then carried in memory ({@link Tail}, bound to the transaction's connection); the head row is
 * written once, just before commit. A bulk import appending thousands of records thus costs one locking
 * read and one update instead of one of each per record. On rollback nothing was written. Savepoints
 * (nested transactions) are not used in this code base; rolling back to one would leave the carried tail
 * ahead of the database, which {@code ChainVerifier} would then report as a missing record.
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

    private record TailKey(ChainedAuditLog owner, Object connection) {
    }

    /** The last appended record of this transaction, not yet written to the chain head. */
    private final class Tail implements TransactionSynchronization {
        long seq;
        String hash;
        boolean headWritten;

        Tail(TailKey key, long seq, String hash) {
            this.key = key;
            this.seq = seq;
            this.hash = hash;
        }

        private final TailKey key;

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writeHead(seq, hash);
            headWritten = true;
        }
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public long record(AuditRecord r) {
        Tail tail = currentTail();
        long last;
        String previous;
        if (tail != null) {
            last = tail.seq;
            previous = tail.hash;
        } else {
            var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                    .single();
            last = (long) head[0];
            previous = (String) head[1];
            Object[] caught = catchUp(last, previous);
            last = (long) caught[0];
            previous = (String) caught[1];
        }
        long seq = last + 1;
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        StoredAuditRecord stored = new StoredAuditRecord(seq, Ids.newId(), at, r.action().name(), r.actorUserId(),
                r.actorOrganisationId(), r.objectType(), String.join(",", r.objectIds()), r.purpose(),
                r.justification(), r.outcome(), JSON.writeValueAsString(new TreeMap<>(r.details())), previous, null);
        stored = stored.withHash(stored.computeHash());
        jdbc.sql("INSERT INTO audit_record (" + StoredAuditRecord.COLUMNS + """
                ) VALUES (:seq, :id, :at, :action, :user, :org, :type, :ids, :purpose, :why, :outcome, :details, :prev, :hash)""")
                .param("seq", seq).param("id", stored.id()).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("action", stored.action()).param("user", stored.actorUserId())
                .param("org", stored.actorOrganisationId()).param("type", stored.objectType())
                .param("ids", stored.objectIds()).param("purpose", stored.purpose())
                .param("why", stored.justification()).param("outcome", stored.outcome())
                .param("details", stored.details()).param("prev", previous).param("hash", stored.hash())
                .update();
        List<Object[]> objects = new LinkedHashSet<>(r.objectIds()).stream()
                .filter(id -> id != null && !id.isBlank() && id.length() <= MAX_OBJECT_ID_LENGTH)
                .map(id -> new Object[] {id, seq})
                .toList();
        if (!objects.isEmpty()) {
            batch.batchUpdate("INSERT INTO audit_record_object (object_id, seq) VALUES (?, ?)", objects);
        }
        advance(tail, seq, stored.hash());
        return seq;
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

    private void advance(Tail tail, long seq, String hash) {
        if (tail != null) {
            tail.seq = seq;
            tail.hash = hash;
            if (tail.headWritten) { // appended by another before-commit callback, after ours ran
                writeHead(seq, hash);
            }
        } else if (tailKey() != null) {
            Tail fresh = new Tail(tailKey(), seq, hash);
            TransactionSynchronizationManager.bindResource(fresh.key, fresh);
            TransactionSynchronizationManager.registerSynchronization(fresh);
        } else {
            writeHead(seq, hash);
        }
    }

    /**
     * Bound under a key naming the transaction's connection, so an inner REQUIRES_NEW transaction
     * (another connection) never sees the outer one's tail and locks the head for itself.
     */
    private TailKey tailKey() {
        Object connection = TransactionSynchronizationManager.getResource(dataSource);
        if (connection == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        return new TailKey(this, connection);
    }

    private Tail currentTail() {
        TailKey key = tailKey();
        return key == null ? null : (Tail) TransactionSynchronizationManager.getResource(key);
    }

    private void writeHead(long seq, String hash) {
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", hash).update();
    }
}
