package org.fusioncell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@FusionCellTest
@Tag("persistence")
class ConcurrentAppendingTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditVerification verification;
    @Autowired
    JdbcClient jdbc;

    @Test
    void appendsFromSeveralThreadsLeaveOneIntactChainWithContiguousNumbers() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_record").query(Long.class).single();
        int threads = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<Long>> appender = () -> {
                    String actor = Ids.newId();
                    for (int i = 0; i < each; i++) {
                        log.record(AuditRecord.of(AuditAction.SEARCH, actor, Ids.newId(), "report",
                                List.of(Ids.newId())));
                    }
                    return jdbc.sql("SELECT seq FROM audit_record WHERE actor_user_id = :a ORDER BY seq")
                            .param("a", actor).query(Long.class).list();
                };
                futures.add(pool.submit(appender));
            }
            List<Long> seqs = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                seqs.addAll(f.get());
            }
            assertThat(seqs).doesNotHaveDuplicates().hasSize(threads * each);
        } finally {
            pool.shutdownNow();
        }
        var result = verification.verify();
        assertThat(result).isInstanceOf(VerificationResult.Intact.class);
        assertThat(((VerificationResult.Intact) result).records()).isEqualTo(before + threads * each);
        assertThat(((VerificationResult.Intact) result).lastSeq()).isEqualTo(before + threads * each);
    }

    @Test
    void verifyingWhileOthersAppendStillFindsTheChainIntact() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> appending = pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    log.record(AuditRecord.of(AuditAction.CONSULTATION, Ids.newId(), null, "report", List.of(Ids.newId())));
                }
            });
            while (!appending.isDone()) {
                assertThat(verification.verify()).isInstanceOf(VerificationResult.Intact.class);
            }
            appending.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
