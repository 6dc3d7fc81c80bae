package org.fusioncell.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
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
 * chain, and sequence numbers stay contiguous (a gap therefore always means a deleted record).
 */
@Service
class ChainedAuditLog implements AuditLog {

    static final int MAX_OBJECT_ID_LENGTH = 200;
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
        for (String objectId : new LinkedHashSet<>(r.objectIds())) {
            if (objectId != null && !objectId.isBlank() && objectId.length() <= MAX_OBJECT_ID_LENGTH) {
                jdbc.sql("INSERT INTO audit_record_object (object_id, seq) VALUES (:oid, :seq)")
                        .param("oid", objectId).param("seq", seq).update();
            }
        }
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", stored.hash()).update();
        return seq;
    }
}
