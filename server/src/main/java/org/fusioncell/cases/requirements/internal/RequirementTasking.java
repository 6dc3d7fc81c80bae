package org.fusioncell.cases.requirements.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.requirements.CollectionStatus;
import org.fusioncell.cases.requirements.CollectionTask;
import org.fusioncell.cases.requirements.RequirementStatus;
import org.fusioncell.cases.requirements.Requirements;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collection tasks of a requirement: addressed to an agency (which then sees the requirement), acknowledged by it,
 * closed by the owner, and escalated once when overdue (a database claim, so one node tells).
 */
@Component
class RequirementTasking {

    static final String OBJECT = Requirements.INFORMATION_TYPE;
    static final String ESCALATION_ACTOR = "processing:requirement-escalation";
    private static final int MAX_TEXT = 8000;
    private static final int MAX_REASON = 2000;
    private static final int MAX_TASKS = 60;
    private static final List<String> WAITING = List.of(CollectionStatus.OPEN.name(),
            CollectionStatus.ACKNOWLEDGED.name());

    private final JdbcClient jdbc;
    private final Markings markings;
    private final Organisations organisations;
    private final Colleagues colleagues;
    private final AuditLog audit;
    private final RequirementRecords records;
    private final TransactionTemplate transaction;

    RequirementTasking(JdbcClient jdbc, Markings markings, Organisations organisations, Colleagues colleagues,
                       AuditLog audit, RequirementRecords records, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.organisations = organisations;
        this.colleagues = colleagues;
        this.audit = audit;
        this.records = records;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Transactional
    Optional<List<CollectionTask>> tasks(Reader reader, String requirementId) {
        return records.seen(reader, requirementId).map(s -> {
            List<CollectionTask> tasks = records.visibleTasks(reader, s);
            records.audit(reader, AuditAction.CONSULTATION, s.head().id(), "tasks", Map.of("shown",
                    String.valueOf(tasks.size())));
            return tasks;
        });
    }

    @Transactional
    CaseStep<CollectionTask> addTask(Reader reader, String requirementId, String organisationId,
                                            String indicators, String dueAt) {
        Optional<RequirementRecords.Seen> found = records.seen(reader, requirementId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        RequirementRecords.Seen s = found.get();
        if (!records.ownerSupervisor(reader, s)) {
            return new CaseStep.Refused<>("not-owner-supervisor", "Only a supervisor of the organisation that set"
                    + " the requirement tasks agencies.");
        }
        if (s.head().status() != RequirementStatus.ACTIVE) {
            return new CaseStep.WrongState<>(s.head().status().name());
        }
        String org = organisationId == null ? null : organisationId.strip();
        if (org == null || org.isEmpty()) {
            throw new InvalidInputException("organisationId", "required");
        }
        if (!Ids.isWellFormed(org) || organisations.find(org).isEmpty()) {
            throw new InvalidInputException("organisationId", "no such organisation");
        }
        String what = RequirementRecords.text("indicators", indicators, MAX_TEXT, true);
        Instant now = records.now();
        Instant due = RequirementRecords.when("dueAt", dueAt, true);
        if (due != null && !due.isAfter(now)) {
            throw new InvalidInputException("dueAt", "in the future");
        }
        Set<String> orgs = new LinkedHashSet<>(jdbc.sql("SELECT DISTINCT organisation_id FROM rq_task WHERE"
                + " requirement_id = :id").param("id", s.head().id()).query(String.class).list());
        if (orgs.size() >= MAX_TASKS) {
            throw new InvalidInputException("organisationId", "at most " + MAX_TASKS + " agencies");
        }
        orgs.add(s.head().owner());
        orgs.add(org);
        Marking next = markings.find(s.head().baseMarkingId()).orElseThrow().releasedTo(orgs);
        if (colleagues.members(org, null).stream().noneMatch(u -> records.userSees(u, next))) {
            throw new InvalidInputException("organisationId", "nobody of this organisation is cleared for the"
                    + " requirement's level and caveats");
        }
        jdbc.sql("UPDATE rq_requirement SET marking_id = :m, updated_at = :now WHERE id = :id")
                .param("m", markings.save(next)).param("now", Timestamp.from(now)).param("id", s.head().id())
                .update();
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO rq_task (id, requirement_id, organisation_id, indicators, due_at, status, created_by,
                    created_at, updated_at) VALUES (:id, :req, :org, :what, :due, 'OPEN', :user, :now, :now)""")
                .param("id", id).param("req", s.head().id()).param("org", org).param("what", what)
                .param("due", due == null ? null : Timestamp.from(due)).param("user", reader.userId())
                .param("now", Timestamp.from(now)).update();
        records.audit(reader, AuditAction.DISCLOSURE, s.head().id(), "task-added", Map.of("task", id,
                "recipientOrganisation", org));
        RequirementRecords.Seen after = records.reload(s.head().id());
        for (String user : colleagues.members(org, Role.SUPERVISOR)) {
            records.tell(user, after, "requirement-task", id, "A collection task for your organisation: " + what,
                    Severity.MEDIUM);
        }
        return new CaseStep.Done<>(records.oneTask(id));
    }

    @Transactional
    CaseStep<CollectionTask> acknowledgeTask(Reader reader, String requirementId, String taskId) {
        Optional<RequirementRecords.Seen> found = records.seen(reader, requirementId);
        Optional<CollectionTask> task = found.flatMap(s -> records.visibleTask(reader, s, taskId));
        if (task.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        CollectionTask t = task.get();
        if (!t.organisationId().equals(reader.organisationId())) {
            return new CaseStep.Refused<>("not-addressee", "Only the agency the task is addressed to acknowledges it.");
        }
        if (t.status() != CollectionStatus.OPEN) {
            return new CaseStep.WrongState<>(t.status().name());
        }
        jdbc.sql("UPDATE rq_task SET status = 'ACKNOWLEDGED', updated_at = :now WHERE id = :id AND status = 'OPEN'")
                .param("now", Timestamp.from(records.now())).param("id", t.id()).update();
        records.audit(reader, AuditAction.ALTERATION, found.get().head().id(), "task-acknowledged", Map.of("task", t.id()));
        return new CaseStep.Done<>(records.oneTask(t.id()));
    }

    @Transactional
    CaseStep<CollectionTask> closeTask(Reader reader, String requirementId, String taskId, String reason) {
        Optional<RequirementRecords.Seen> found = records.seen(reader, requirementId);
        Optional<CollectionTask> task = found.flatMap(s -> records.visibleTask(reader, s, taskId));
        if (task.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        if (!records.ownerSupervisor(reader, found.get())) {
            return new CaseStep.Refused<>("not-owner-supervisor", "Only a supervisor of the organisation that set"
                    + " the requirement closes its tasks.");
        }
        CollectionTask t = task.get();
        if (t.status() == CollectionStatus.CLOSED) {
            return new CaseStep.WrongState<>(t.status().name());
        }
        String why = RequirementRecords.text("reason", reason, MAX_REASON, true);
        jdbc.sql("UPDATE rq_task SET status = 'CLOSED', status_reason = :why, updated_at = :now WHERE id = :id")
                .param("why", why).param("now", Timestamp.from(records.now())).param("id", t.id()).update();
        records.audit(reader, AuditAction.ALTERATION, found.get().head().id(), "task-closed", Map.of("task", t.id()));
        return new CaseStep.Done<>(records.oneTask(t.id()));
    }

    int escalateOverdue(Instant now) {
        List<String> due = jdbc.sql("""
                SELECT t.id FROM rq_task t JOIN rq_requirement q ON q.id = t.requirement_id
                WHERE t.due_at < :now AND t.status IN (:waiting) AND t.overdue_notified_at IS NULL
                  AND q.status = 'ACTIVE' ORDER BY t.due_at, t.id LIMIT 200""")
                .param("now", Timestamp.from(now)).param("waiting", WAITING).query(String.class).list();
        int escalated = 0;
        for (String taskId : due) {
            Boolean done = transaction.execute(status -> {
                // the claim: of two nodes (or two runs) only one moves the row, and only that one tells anybody
                int claimed = jdbc.sql("UPDATE rq_task SET overdue_notified_at = :now WHERE id = :id"
                                + " AND overdue_notified_at IS NULL AND status IN (:waiting)")
                        .param("now", Timestamp.from(now)).param("id", taskId).param("waiting", WAITING).update();
                if (claimed == 0) {
                    return false;
                }
                CollectionTask t = records.oneTask(taskId);
                RequirementRecords.Seen s = records.reload(t.requirementId());
                Set<String> told = new LinkedHashSet<>(colleagues.members(s.head().owner(), Role.SUPERVISOR));
                told.addAll(colleagues.members(t.organisationId(), Role.SUPERVISOR));
                Severity severity = switch (s.head().priority()) {
                    case LOW, NORMAL -> Severity.MEDIUM;
                    case HIGH, URGENT -> Severity.HIGH;
                };
                for (String user : told) {
                    records.tell(user, s, "requirement-task-overdue", t.id(), "Collection task overdue since " + t.dueAt()
                            + " (" + s.head().code() + ")", severity);
                }
                audit.record(AuditRecord.of(AuditAction.DISCLOSURE, ESCALATION_ACTOR, s.head().owner(), OBJECT,
                        List.of(s.head().id())).withDetails(Map.of("step", "task-overdue", "task", t.id(),
                        "told", String.valueOf(told.size()))));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                escalated++;
            }
        }
        return escalated;
    }
}
