package org.fusioncell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records made in one transaction (a bulk import) join the chain together when it commits: contiguous numbers,
 * one head update, nothing before the commit and nothing at all on rollback.
 */
@FusionCellTest
@Tag("persistence")
class TransactionalAppendingTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditVerification verification;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private long headSeq() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head WHERE id = 1").query(Long.class).single();
    }

    private List<Long> appendInOneTransaction(int count) {
        String actor = Ids.newId();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                log.record(AuditRecord.of(AuditAction.COLLECTION, actor, Ids.newId(), "report",
                        List.of(Ids.newId(), Ids.newId())));
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE actor_user_id = :a").param("a", actor)
                    .query(Long.class).single()).as("appended at commit, not before").isZero();
        });
        return jdbc.sql("SELECT seq FROM audit_record WHERE actor_user_id = :a ORDER BY seq").param("a", actor)
                .query(Long.class).list();
    }

    @Test
    void transactionsAppendingManyRecordsConcurrentlyLeaveOneIntactChainWithTheHeadOnTheLastRecord() throws Exception {
        long before = headSeq();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                futures.add(pool.submit(() -> appendInOneTransaction(40)));
            }
            List<Long> seqs = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                List<Long> mine = f.get();
                assertThat(mine).as("one transaction's records are contiguous").isSorted();
                assertThat(mine.getLast() - mine.getFirst()).isEqualTo(mine.size() - 1);
                seqs.addAll(mine);
            }
            assertThat(seqs).doesNotHaveDuplicates().hasSize(240);
        } finally {
            pool.shutdownNow();
        }
        assertThat(headSeq()).isEqualTo(before + 240);
        var result = verification.verify();
        assertThat(result).isInstanceOf(VerificationResult.Intact.class);
        assertThat(((VerificationResult.Intact) result).lastSeq()).isEqualTo(before + 240);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record_object WHERE seq > :s").param("s", before)
                .query(Long.class).single()).isEqualTo(480);
    }

    @Test
    void aRolledBackTransactionLeavesNeitherRecordsNorAMovedHead() {
        long before = headSeq();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            log.record(AuditRecord.of(AuditAction.COLLECTION, Ids.newId(), null, "report", List.of(Ids.newId())));
            log.record(AuditRecord.of(AuditAction.COLLECTION, Ids.newId(), null, "report", List.of(Ids.newId())));
            status.setRollbackOnly();
        });
        assertThat(headSeq()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE seq > :s").param("s", before)
                .query(Long.class).single()).isZero();
        String actor = Ids.newId();
        log.record(AuditRecord.of(AuditAction.SEARCH, actor, null, "report", List.of()));
        assertThat(jdbc.sql("SELECT seq FROM audit_record WHERE actor_user_id = :a").param("a", actor)
                .query(Long.class).single()).as("no number was used up by the rolled-back records")
                .isEqualTo(before + 1);
        assertThat(verification.verify()).isInstanceOf(VerificationResult.Intact.class);
    }
}
