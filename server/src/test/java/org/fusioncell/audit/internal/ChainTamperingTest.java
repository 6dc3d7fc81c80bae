package org.fusioncell.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.audit.AuditVerification;
import org.fusioncell.audit.VerificationResult;
import org.fusioncell.audit.VerificationResult.Breach;
import org.fusioncell.audit.VerificationResult.Broken;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Raw-SQL tampering of any single row is detected and the verdict names that row. Each test
 * tampers, verifies and puts the row back, so the chain is intact again for the next.
 */
@FusionCellTest
@Tag("persistence")
class ChainTamperingTest {

    private static final long SEED = System.nanoTime();
    private final Random random = new Random(SEED);

    @Autowired
    AuditLog log;
    @Autowired
    AuditVerification verification;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aChainOfSeveralHundredRecords() {
        if (lastSeq() < 300) {
            for (int i = 0; i < 300; i++) {
                log.record(new AuditRecord(AuditAction.values()[i % AuditAction.values().length], Ids.newId(),
                        i % 3 == 0 ? null : Ids.newId(), "report", List.of(Ids.newId(), Ids.newId()),
                        i % 2 == 0 ? "investigation" : null, i % 5 == 0 ? "case 42 follow-up" : null, "OK",
                        Map.of("n", String.valueOf(i))));
            }
        }
        assertThat(verification.verify()).as("seed %s", SEED).isInstanceOf(VerificationResult.Intact.class);
    }

    @AfterEach
    void chainIsIntactAgain() {
        assertThat(verification.verify()).as("seed %s", SEED).isInstanceOf(VerificationResult.Intact.class);
    }

    @Test
    void intactChainReportsItsLengthAndTheHeadHash() {
        var intact = (VerificationResult.Intact) verification.verify();
        assertThat(intact.lastSeq()).isEqualTo(lastSeq());
        assertThat(intact.records()).isEqualTo(lastSeq());
        assertThat(intact.lastHash()).isEqualTo(jdbc.sql("SELECT last_hash FROM audit_chain_head").query(String.class).single());
        assertThat(intact.line()).startsWith("audit log intact: " + lastSeq() + " records, last #" + lastSeq() + " hash ");
    }

    @Test
    void changingAnyColumnOfOneRecordNamesThatRecord() {
        Map<String, Breach> columns = new LinkedHashMap<>();
        for (String c : List.of("id", "occurred_at", "action", "actor_user_id", "actor_organisation_id", "object_type",
                "object_ids", "purpose", "justification", "outcome", "details", "hash")) {
            columns.put(c, Breach.CONTENT_CHANGED);
        }
        columns.put("prev_hash", Breach.LINK_BROKEN);
        columns.put("seq", Breach.RECORD_MISSING);
        columns.forEach((column, breach) -> {
            long seq = middleSeq();
            Map<String, Object> original = row(seq);
            Object changed = switch (column) {
                case "seq" -> lastSeq() + 1000;
                case "id" -> Ids.newId();
                case "occurred_at" -> OffsetDateTime.now(ZoneOffset.UTC).minusDays(3);
                case "action" -> "ERASURE".equals(original.get("action")) ? "EXPORT" : "ERASURE";
                case "details" -> "{\"n\":\"forged\"}";
                case "hash", "prev_hash" -> "f".repeat(64);
                default -> "tampered";
            };
            jdbc.sql("UPDATE audit_record SET " + column + " = :v WHERE seq = :s").param("v", changed).param("s", seq).update();
            var verdict = verification.verify();
            assertThat(verdict).as("column %s, seed %s", column, SEED).isInstanceOf(Broken.class);
            Broken broken = (Broken) verdict;
            assertThat(broken.seq()).as("column %s", column).isEqualTo(seq);
            assertThat(broken.breach()).as("column %s", column).isEqualTo(breach);
            if (!column.equals("seq")) {
                assertThat(broken.recordId()).as("column %s", column).isEqualTo(column.equals("id") ? changed : original.get("id"));
            }
            jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", column.equals("seq") ? changed : seq).update();
            insert(original);
        });
    }

    @Test
    void deletingAMiddleRecordNamesTheMissingNumberAndTheRecordAfterIt() {
        long seq = middleSeq();
        Map<String, Object> original = row(seq);
        jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", seq).update();
        Broken broken = (Broken) verification.verify();
        assertThat(broken.seq()).isEqualTo(seq);
        assertThat(broken.breach()).isEqualTo(Breach.RECORD_MISSING);
        assertThat(broken.detail()).contains("#" + (seq + 1)).contains((String) row(seq + 1).get("id"));
        insert(original);
    }

    @Test
    void deletingTheLastRecordIsSeenAgainstTheChainHead() {
        long last = lastSeq();
        Map<String, Object> original = row(last);
        jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", last).update();
        Broken broken = (Broken) verification.verify();
        assertThat(broken.seq()).isEqualTo(last);
        assertThat(broken.breach()).isEqualTo(Breach.RECORD_MISSING);
        assertThat(broken.line()).startsWith("audit log BROKEN at record #" + last + ": record missing");
        insert(original);
    }

    @Test
    void aForgedRecordWithAValidHashAppendedPastTheHeadIsNamed() {
        long last = lastSeq();
        String lastHash = (String) row(last).get("hash");
        StoredAuditRecord forged = new StoredAuditRecord(last + 1, Ids.newId(), java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS), "ERASURE", Ids.newId(), null, "report", "x", null,
                null, "OK", "{}", lastHash, null);
        forged = forged.withHash(forged.computeHash());
        insert(forged);
        Broken broken = (Broken) verification.verify();
        assertThat(broken.seq()).isEqualTo(last + 1);
        assertThat(broken.recordId()).isEqualTo(forged.id());
        assertThat(broken.breach()).isEqualTo(Breach.RECORD_OUTSIDE_CHAIN);
        jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", last + 1).update();
    }

    @Test
    void aForgedRecordNumberedBeforeTheFirstIsNamed() {
        StoredAuditRecord forged = new StoredAuditRecord(0, Ids.newId(), java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS), "LOGIN", Ids.newId(), null, null, "", null,
                null, "OK", "{}", StoredAuditRecord.GENESIS, null);
        insert(forged.withHash(forged.computeHash()));
        Broken broken = (Broken) verification.verify();
        assertThat(broken.seq()).isZero();
        assertThat(broken.recordId()).isEqualTo(forged.id());
        assertThat(broken.breach()).isEqualTo(Breach.RECORD_OUTSIDE_CHAIN);
        jdbc.sql("DELETE FROM audit_record WHERE seq = 0").update();
    }

    @Test
    void swappingTwoRecordsNamesTheFirstOfThem() {
        long a = middleSeq();
        long b = a + 1 + random.nextInt((int) (lastSeq() - a - 1));
        Map<String, Object> first = row(a);
        Map<String, Object> second = row(b);
        jdbc.sql("DELETE FROM audit_record WHERE seq IN (:a, :b)").param("a", a).param("b", b).update();
        Map<String, Object> movedDown = new LinkedHashMap<>(second);
        movedDown.put("seq", a);
        Map<String, Object> movedUp = new LinkedHashMap<>(first);
        movedUp.put("seq", b);
        insert(movedDown);
        insert(movedUp);
        Broken broken = (Broken) verification.verify();
        assertThat(broken.seq()).isEqualTo(a);
        assertThat(broken.recordId()).isEqualTo(second.get("id"));
        jdbc.sql("DELETE FROM audit_record WHERE seq IN (:a, :b)").param("a", a).param("b", b).update();
        insert(first);
        insert(second);
    }

    @Test
    void aRecordRewrittenWithARecomputedHashIsNamedThroughItsSuccessor() {
        long seq = middleSeq();
        Map<String, Object> original = row(seq);
        StoredAuditRecord stored = stored(seq);
        StoredAuditRecord rewritten = new StoredAuditRecord(seq, stored.id(), stored.occurredAt(), stored.action(),
                stored.actorUserId(), stored.actorOrganisationId(), stored.objectType(), "someone-else",
                stored.purpose(), stored.justification(), stored.outcome(), stored.details(), stored.prevHash(), null);
        rewritten = rewritten.withHash(rewritten.computeHash());
        jdbc.sql("UPDATE audit_record SET object_ids = :o, hash = :h WHERE seq = :s")
                .param("o", rewritten.objectIds()).param("h", rewritten.hash()).param("s", seq).update();
        Broken broken = (Broken) verification.verify();
        assertThat(broken.seq()).isEqualTo(seq);
        assertThat(broken.recordId()).isEqualTo(stored.id());
        assertThat(broken.breach()).isEqualTo(Breach.CONTENT_CHANGED);
        jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", seq).update();
        insert(original);
    }

    @Test
    void theLastRecordRewrittenWithARecomputedHashIsNamedAgainstTheChainHead() {
        long last = lastSeq();
        Map<String, Object> original = row(last);
        StoredAuditRecord stored = stored(last);
        StoredAuditRecord rewritten = new StoredAuditRecord(last, stored.id(), stored.occurredAt(), "LOGOUT",
                stored.actorUserId(), stored.actorOrganisationId(), stored.objectType(), stored.objectIds(),
                stored.purpose(), stored.justification(), stored.outcome(), stored.details(), stored.prevHash(), null);
        rewritten = rewritten.withHash(rewritten.computeHash());
        jdbc.sql("UPDATE audit_record SET action = :a, hash = :h WHERE seq = :s")
                .param("a", rewritten.action()).param("h", rewritten.hash()).param("s", last).update();
        Broken broken = (Broken) verification.verify();
        assertThat(broken.seq()).isEqualTo(last);
        assertThat(broken.recordId()).isEqualTo(stored.id());
        assertThat(broken.breach()).isEqualTo(Breach.CHAIN_END_MISMATCH);
        jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", last).update();
        insert(original);
    }

    private long lastSeq() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head WHERE id = 1").query(Long.class).single();
    }

    /** A record strictly inside the chain, so that it has a predecessor and a successor. */
    private long middleSeq() {
        return 2 + random.nextInt((int) lastSeq() - 3);
    }

    private Map<String, Object> row(long seq) {
        Map<String, Object> row = new LinkedHashMap<>();
        jdbc.sql("SELECT " + StoredAuditRecord.COLUMNS + " FROM audit_record WHERE seq = :s").param("s", seq)
                .query().singleRow().forEach((k, v) -> row.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return row;
    }

    private StoredAuditRecord stored(long seq) {
        return jdbc.sql("SELECT " + StoredAuditRecord.COLUMNS + " FROM audit_record WHERE seq = :s").param("s", seq)
                .query(StoredAuditRecord::read).single();
    }

    private void insert(Map<String, Object> row) {
        jdbc.sql("INSERT INTO audit_record (" + StoredAuditRecord.COLUMNS + ") VALUES (:seq, :id, :occurred_at, :action, "
                        + ":actor_user_id, :actor_organisation_id, :object_type, :object_ids, :purpose, :justification, "
                        + ":outcome, :details, :prev_hash, :hash)")
                .params(row).update();
    }

    private void insert(StoredAuditRecord r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seq", r.seq());
        row.put("id", r.id());
        row.put("occurred_at", OffsetDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC));
        row.put("action", r.action());
        row.put("actor_user_id", r.actorUserId());
        row.put("actor_organisation_id", r.actorOrganisationId());
        row.put("object_type", r.objectType());
        row.put("object_ids", r.objectIds());
        row.put("purpose", r.purpose());
        row.put("justification", r.justification());
        row.put("outcome", r.outcome());
        row.put("details", r.details());
        row.put("prev_hash", r.prevHash());
        row.put("hash", r.hash());
        insert(row);
    }
}
