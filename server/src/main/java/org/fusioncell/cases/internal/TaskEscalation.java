package org.fusioncell.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.internal.CaseRows.Seen;
import org.fusioncell.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalation of overdue tasks: each unfinished task of an open case past its due date is claimed in the
 * database (a conditional update) before anybody is told, in a transaction of its own, so that several nodes
 * or runs escalate it once. Told: the assignee (or the assigned organisation's supervisors) and the lead
 * organisation's supervisors, each only if the case's marking lets them read it.
 */
@Component
class TaskEscalation {

    static final String ESCALATION_ACTOR = "processing:case-task-escalation";

    private final CaseRows rows;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    TaskEscalation(CaseRows rows, PlatformTransactionManager transactions) {
        this.rows = rows;
        this.jdbc = rows.jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    int escalateOverdue(Instant now) {
        List<String> due = jdbc.sql("""
                SELECT t.id FROM cases_task t JOIN cases_case c ON c.id = t.case_id
                WHERE t.due_at < :now AND t.status IN (:open) AND t.overdue_notified_at IS NULL AND c.status = 'OPEN'
                ORDER BY t.due_at, t.id LIMIT 200""")
                .param("now", Timestamp.from(now)).param("open", CaseTaskWork.UNFINISHED).query(String.class).list();
        int escalated = 0;
        for (String taskId : due) {
            Boolean done = transaction.execute(status -> {
                // the claim: of two nodes (or two runs) only one moves the row, and only that one tells anybody
                int claimed = jdbc.sql("UPDATE cases_task SET overdue_notified_at = :now WHERE id = :id"
                                + " AND overdue_notified_at IS NULL AND status IN (:open)")
                        .param("now", Timestamp.from(now)).param("id", taskId).param("open", CaseTaskWork.UNFINISHED)
                        .update();
                if (claimed == 0) {
                    return false;
                }
                CaseTaskWork.Row r = jdbc.sql("SELECT * FROM cases_task WHERE id = :id").param("id", taskId)
                        .query(CaseTaskWork::row).single();
                Seen s = rows.reload(r.caseId());
                Set<String> told = new LinkedHashSet<>(rows.colleagues.members(s.head().leadOrganisationId(),
                        Role.SUPERVISOR));
                if (r.assigneeUserId() != null) {
                    told.add(r.assigneeUserId());
                } else if (r.assigneeOrganisationId() != null) {
                    told.addAll(rows.colleagues.members(r.assigneeOrganisationId(), Role.SUPERVISOR));
                }
                for (String user : told) {
                    rows.tell(user, s, "case-task-overdue", r.id(), "Task overdue since " + r.dueAt() + ": "
                            + r.title(), CaseTaskWork.severity(r.priority(), true));
                }
                rows.event(s.head().id(), "task-overdue", ESCALATION_ACTOR, null, null, r.id(), null, null, null);
                rows.record(AuditRecord.of(AuditAction.DISCLOSURE, ESCALATION_ACTOR, s.head().leadOrganisationId(),
                        CaseRows.OBJECT, List.of(s.head().id())).withDetails(Map.of("step", "task-overdue",
                        "task", r.id(), "told", String.valueOf(told.size()))));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                escalated++;
            }
        }
        return escalated;
    }
}
