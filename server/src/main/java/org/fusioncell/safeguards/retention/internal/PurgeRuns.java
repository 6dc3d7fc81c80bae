package org.fusioncell.safeguards.retention.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.safeguards.retention.PurgeRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reading back the purge's runs with the items each left under a hold. */
@Component
class PurgeRuns {

    private final JdbcClient jdbc;
    private final Officers officers;
    private final AuditLog audit;

    PurgeRuns(JdbcClient jdbc, Officers officers, AuditLog audit) {
        this.jdbc = jdbc;
        this.officers = officers;
        this.audit = audit;
    }

    Optional<PurgeRun> find(String runId) {
        return jdbc.sql("SELECT * FROM retention_purge_run WHERE id = :id").param("id", runId).query(this::row)
                .optional();
    }

    @Transactional
    List<PurgeRun> recent(Reader officer, int limit) {
        officers.requireOfficer(officer);
        List<PurgeRun> runs = jdbc.sql("SELECT * FROM retention_purge_run ORDER BY started_at DESC, id LIMIT :n")
                .param("n", Math.max(1, Math.min(limit, 100))).query(this::row).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, officer.userId(), officer.organisationId(),
                "retention-purge-run", runs.stream().map(PurgeRun::id).toList()).withPurpose(officer.purpose()));
        return runs;
    }

    private PurgeRun row(ResultSet rs, int n) throws SQLException {
        String id = rs.getString("id");
        Timestamp finished = rs.getTimestamp("finished_at");
        List<PurgeRun.Skipped> skipped = jdbc.sql("SELECT item_type, item_id, hold_id FROM retention_purge_skip"
                        + " WHERE run_id = :id ORDER BY item_type, item_id").param("id", id)
                .query((r, i) -> new PurgeRun.Skipped(r.getString(1), r.getString(2), r.getString(3))).list();
        // the order of the register, so that pages and the API list types alike in every run
        List<PurgeRun.Count> counts = jdbc.sql("SELECT item_type, erased, held, awaiting_decision"
                        + " FROM retention_purge_count WHERE run_id = :id").param("id", id)
                .query((r, i) -> new PurgeRun.Count(r.getString(1), r.getLong(2), r.getInt(3), r.getInt(4))).list()
                .stream().sorted(java.util.Comparator.comparingInt(c -> PurgeJob.ORDER.indexOf(c.itemType())))
                .toList();
        return new PurgeRun(id, rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), counts, rs.getInt("failures"), skipped);
    }
}
