package org.fusioncell.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.CaseErased;
import org.fusioncell.cases.CaseErasure;
import org.fusioncell.cases.CaseStatus;
import org.fusioncell.cases.Cases;
import org.fusioncell.shared.ErasureReason;
import org.fusioncell.shared.ExpiredItem;
import org.fusioncell.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CaseErasure} over the tables of cases and cases.response. The closing time is the last
 * {@code status-changed} entry of the timeline that moved the case to CLOSED (a case reopened and closed again
 * counts from its last closing).
 */
@Service
class CaseRowsErasure implements CaseErasure {

    /** Tables keyed by the case's tasks, then by the case itself, in the order they are emptied. */
    private static final List<String> BY_TASK = List.of("cases_task_dependency", "cases_task_comment",
            "cases_task_evidence");
    private static final List<String> BY_CASE = List.of("resp_figure", "resp_sitrep", "resp_press_line",
            "resp_role", "resp_task", "resp_agency", "resp_review", "resp_case", "cases_timeline", "cases_task",
            "cases_item", "cases_participant", "cases_case");

    private static final String CLOSED_BEFORE = """
            FROM cases_case c WHERE c.status = 'CLOSED' AND c.id > :after AND (SELECT MAX(t.at) FROM cases_timeline t
                WHERE t.case_id = c.id AND t.kind = 'status-changed' AND t.to_value = 'CLOSED') < :cutoff""";

    private static final String WITH_EVIDENCE = "EXISTS (SELECT 1 FROM cases_evidence_item e WHERE e.case_id = c.id)";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    CaseRowsErasure(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional
    public Outcome erase(Reader actor, String caseId, String reason) {
        String why = ErasureReason.checked(reason);
        if (!Ids.isWellFormed(caseId)) {
            return Outcome.UNKNOWN;
        }
        record Head(String lead, String status) {
        }
        List<Head> head = jdbc.sql("SELECT lead_organisation_id, status FROM cases_case WHERE id = :id FOR UPDATE")
                .param("id", caseId).query((rs, n) -> new Head(rs.getString(1), rs.getString(2))).list();
        if (head.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        Outcome refusal = !head.getFirst().lead().equals(actor.organisationId()) ? Outcome.UNKNOWN
                : !CaseStatus.CLOSED.name().equals(head.getFirst().status()) ? Outcome.NOT_CLOSED
                : jdbc.sql("SELECT COUNT(*) FROM cases_evidence_item WHERE case_id = :id").param("id", caseId)
                        .query(Long.class).single() > 0 ? Outcome.HOLDS_EVIDENCE : null;
        if (refusal != null) {
            audit.record(AuditRecord.of(refusal == Outcome.UNKNOWN ? AuditAction.ACCESS_DENIED : AuditAction.ERASURE,
                    actor.userId(), actor.organisationId(), Cases.INFORMATION_TYPE, List.of(caseId))
                    .withPurpose(actor.purpose()).withOutcome("REFUSED")
                    .withDetails(Map.of("attempted", "erasure", "refusal", refusal.name())));
            return refusal;
        }
        events.publishEvent(new CaseErased(caseId, actor.organisationId(), actor.userId(), why));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("reason", why);
        for (String table : BY_TASK) {
            jdbc.sql("DELETE FROM " + table + " WHERE task_id IN (SELECT id FROM cases_task WHERE case_id = :id)")
                    .param("id", caseId).update();
        }
        for (String table : BY_CASE) {
            int removed = jdbc.sql("DELETE FROM " + table + " WHERE " + (table.equals("cases_case") ? "id" : "case_id")
                    + " = :id").param("id", caseId).update();
            if (table.equals("cases_task") || table.equals("cases_item") || table.equals("resp_sitrep")) {
                details.put(table.substring(table.indexOf('_') + 1), String.valueOf(removed));
            }
        }
        audit.record(AuditRecord.of(AuditAction.ERASURE, actor.userId(), actor.organisationId(),
                Cases.INFORMATION_TYPE, List.of(caseId)).withPurpose(actor.purpose()).withDetails(details));
        return Outcome.ERASED;
    }

    @Override
    public List<ExpiredItem> expired(Instant cutoff, String afterId, int limit) {
        return jdbc.sql("SELECT c.id, c.lead_organisation_id " + CLOSED_BEFORE + " AND NOT " + WITH_EVIDENCE
                        + " ORDER BY c.id LIMIT :n")
                .param("cutoff", Timestamp.from(cutoff)).param("after", afterId == null ? "" : afterId)
                .param("n", limit).query((rs, n) -> new ExpiredItem(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public long awaitingDecision(Instant cutoff) {
        return jdbc.sql("SELECT COUNT(*) " + CLOSED_BEFORE + " AND " + WITH_EVIDENCE)
                .param("cutoff", Timestamp.from(cutoff)).param("after", "").query(Long.class).single();
    }

    @Override
    public java.util.Optional<String> holder(String id) {
        return jdbc.sql("SELECT lead_organisation_id FROM cases_case WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }
}
