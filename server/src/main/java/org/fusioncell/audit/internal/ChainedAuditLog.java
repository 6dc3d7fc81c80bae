package org.fusioncell.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.TreeMap;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each record carries the SHA-256 of its predecessor's hash and its own canonical content. Appends
 * are serialised by locking the single chain-head row, so two nodes on one PostgreSQL cannot fork the
 * chain.
 */
@Service
class ChainedAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    ChainedAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public long record(AuditRecord r) {
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long seq = (long) head[0] + 1;
        String previous = (String) head[1];
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        StoredAuditRecord stored = new StoredAuditRecord(seq, Ids.newId(), at, r.action().name(), r.actorUserId(),
                r.actorOrganisationId(), r.objectType(), String.join(",", r.objectIds()), r.purpose(),
                r.justification(), r.outcome(), JSON.writeValueAsString(new TreeMap<>(r.details())), previous, null);
        String hash = hash(previous, stored);
        jdbc.sql("""
                INSERT INTO audit_record (seq, id, occurred_at, action, actor_user_id, actor_organisation_id, object_type,
                    object_ids, purpose, justification, outcome, details, prev_hash, hash)
                VALUES (:seq, :id, :at, :action, :user, :org, :type, :ids, :purpose, :why, :outcome, :details, :prev, :hash)""")
                .param("seq", seq).param("id", stored.id()).param("at", Timestamp.from(at))
                .param("action", stored.action()).param("user", stored.actorUserId())
                .param("org", stored.actorOrganisationId()).param("type", stored.objectType())
                .param("ids", stored.objectIds()).param("purpose", stored.purpose())
                .param("why", stored.justification()).param("outcome", stored.outcome())
                .param("details", stored.details()).param("prev", previous).param("hash", hash)
                .update();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", hash).update();
        return seq;
    }

    /** SHA-256 over the previous hash and every field, each length-prefixed so no two records collide. */
    static String hash(String previous, StoredAuditRecord r) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {previous, r.seq(), r.id(), r.occurredAt().toEpochMilli(), r.action(),
                r.actorUserId(), r.actorOrganisationId(), r.objectType(), r.objectIds(), r.purpose(),
                r.justification(), r.outcome(), r.details()}) {
            String s = field == null ? "\u0000" : field.toString();
            canonical.append(s.length()).append(':').append(s).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
