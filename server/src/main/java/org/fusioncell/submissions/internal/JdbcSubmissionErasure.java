package org.fusioncell.submissions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.shared.ErasureReason;
import org.fusioncell.shared.ExpiredItem;
import org.fusioncell.shared.Ids;
import org.fusioncell.submissions.Submission;
import org.fusioncell.submissions.SubmissionErasure;
import org.fusioncell.submissions.Submissions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link SubmissionErasure} over {@code submissions_submission}. */
@Service
class JdbcSubmissionErasure implements SubmissionErasure {

    private static final List<String> ENDED = List.of(Submission.Status.TURNED_INTO_REPORT.name(),
            Submission.Status.NO_ACTION.name());

    private final JdbcClient jdbc;
    private final AuditLog audit;

    JdbcSubmissionErasure(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional
    public boolean erase(Reader actor, String submissionId, String reason) {
        String why = ErasureReason.checked(reason);
        if (!Ids.isWellFormed(submissionId)) {
            return false;
        }
        List<String> cell = jdbc.sql("SELECT cell_organisation_id FROM submissions_submission WHERE id = :id"
                + " FOR UPDATE").param("id", submissionId).query(String.class).list();
        if (cell.isEmpty()) {
            return false;
        }
        if (!cell.getFirst().equals(actor.organisationId())) {
            audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, actor.userId(), actor.organisationId(),
                    Submissions.INFORMATION_TYPE, List.of(submissionId)).withPurpose(actor.purpose())
                    .withOutcome("REFUSED").withDetails(Map.of("attempted", "erasure",
                            "reason", "not the cell it was sent to")));
            return false;
        }
        jdbc.sql("DELETE FROM submissions_submission WHERE id = :id").param("id", submissionId).update();
        audit.record(AuditRecord.of(AuditAction.ERASURE, actor.userId(), actor.organisationId(),
                Submissions.INFORMATION_TYPE, List.of(submissionId)).withPurpose(actor.purpose())
                .withDetails(Map.of("reason", why)));
        return true;
    }

    @Override
    public List<ExpiredItem> expired(Instant cutoff, String afterId, int limit) {
        return jdbc.sql("""
                SELECT id, cell_organisation_id FROM submissions_submission
                WHERE id > :after AND updated_at < :cutoff AND status IN (:ended)
                ORDER BY id LIMIT :n""")
                .param("after", afterId == null ? "" : afterId).param("cutoff", Timestamp.from(cutoff))
                .param("ended", ENDED).param("n", limit)
                .query((rs, n) -> new ExpiredItem(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public Optional<String> holder(String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT cell_organisation_id FROM submissions_submission WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }
}
