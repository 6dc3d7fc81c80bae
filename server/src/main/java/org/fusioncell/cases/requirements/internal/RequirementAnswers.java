package org.fusioncell.cases.requirements.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.requirements.Answer;
import org.fusioncell.cases.requirements.CollectionStatus;
import org.fusioncell.cases.requirements.CollectionTask;
import org.fusioncell.cases.requirements.Coverage;
import org.fusioncell.cases.requirements.RequirementStatus;
import org.fusioncell.cases.requirements.Requirements;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.Reports;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.PageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers (reports linked to a requirement or one of its tasks, each cut by the report's own marking) and the
 * coverage they give: tasks by status, waiting agencies, overdue tasks, and the gap when nothing answered lately.
 */
@Component
class RequirementAnswers {

    static final String OBJECT = Requirements.INFORMATION_TYPE;
    private static final int MAX_REASON = 2000;

    private final JdbcClient jdbc;
    private final Reports reports;
    private final AuditLog audit;
    private final RequirementRecords records;
    private final Duration gap;

    RequirementAnswers(JdbcClient jdbc, Reports reports, AuditLog audit, RequirementRecords records,
                       @Value("${fusioncell.requirements.gap-days:30}") int gapDays) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.audit = audit;
        this.records = records;
        this.gap = Duration.ofDays(Math.max(1, gapDays));
    }

    private record AnswerRow(String id, String requirementId, String taskId, String reportId, String note,
                             String linkedBy, String linkedOrganisationId, Instant linkedAt) {
    }

    private static AnswerRow answerRow(ResultSet rs, int n) throws SQLException {
        return new AnswerRow(rs.getString("id"), rs.getString("requirement_id"), rs.getString("task_id"),
                rs.getString("report_id"), rs.getString("note"), rs.getString("linked_by"),
                rs.getString("linked_organisation_id"), RequirementRecords.instant(rs, "linked_at"));
    }

    /** The report if the reader may see it, decided by the intake module's rule on the report as stored. */
    private Optional<Report> report(Reader reader, String reportId) {
        if (reportId == null || !Ids.isWellFormed(reportId.strip())) {
            return Optional.empty();
        }
        return reports.forProcessing(reportId.strip())
                .filter(r -> AccessPolicy.decide(reader, Reports.INFORMATION_TYPE, r.marking()).visible());
    }

    /** Answers the reader may see: the report visible to them, and (unless they own it) on no task or their own. */
    private List<Answer> visibleAnswers(Reader reader, RequirementRecords.Seen s) {
        Set<String> tasks = new java.util.HashSet<>();
        records.visibleTasks(reader, s).forEach(t -> tasks.add(t.id()));
        List<Answer> out = new ArrayList<>();
        for (AnswerRow a : jdbc.sql("SELECT * FROM rq_answer WHERE requirement_id = :id ORDER BY linked_at DESC, id")
                .param("id", s.head().id()).query(RequirementAnswers::answerRow).list()) {
            if (a.taskId() != null && !tasks.contains(a.taskId())) {
                continue;
            }
            report(reader, a.reportId()).ifPresent(r -> out.add(new Answer(a.id(), a.requirementId(), a.taskId(),
                    a.reportId(), r.title(), r.marking(), a.note(), a.linkedBy(), a.linkedOrganisationId(),
                    a.linkedAt())));
        }
        return out;
    }

    @Transactional
    Optional<List<Answer>> answers(Reader reader, String requirementId) {
        return records.seen(reader, requirementId).map(s -> {
            List<Answer> answers = visibleAnswers(reader, s);
            records.audit(reader, AuditAction.CONSULTATION, s.head().id(), "answers", Map.of("shown",
                    String.valueOf(answers.size())));
            return answers;
        });
    }

    @Transactional
    CaseStep<Answer> answer(Reader reader, String requirementId, String taskId, String reportId,
                                   String note) {
        Optional<RequirementRecords.Seen> found = records.seen(reader, requirementId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        RequirementRecords.Seen s = found.get();
        if (s.head().status() != RequirementStatus.ACTIVE) {
            return new CaseStep.WrongState<>(s.head().status().name());
        }
        CollectionTask task = null;
        if (taskId != null && !taskId.isBlank()) {
            task = records.visibleTask(reader, s, taskId.strip()).orElseThrow(() -> new InvalidInputException("taskId",
                    "no such task of this requirement"));
            if (task.status() == CollectionStatus.CLOSED) {
                throw new InvalidInputException("taskId", "the task is closed");
            }
        }
        if (reportId == null || reportId.isBlank()) {
            throw new InvalidInputException("reportId", "required");
        }
        Report report = report(reader, reportId).orElseThrow(() -> new InvalidInputException("reportId",
                "no such report"));
        String why = RequirementRecords.text("note", note, MAX_REASON, false);
        long already = jdbc.sql("SELECT COUNT(*) FROM rq_answer WHERE requirement_id = :id AND report_id = :report")
                .param("id", s.head().id()).param("report", report.id()).query(Long.class).single();
        if (already > 0) {
            throw new InvalidInputException("reportId", "already answers this requirement");
        }
        String id = Ids.newId();
        Instant now = records.now();
        jdbc.sql("""
                INSERT INTO rq_answer (id, requirement_id, task_id, report_id, note, linked_by, linked_organisation_id,
                    linked_at) VALUES (:id, :req, :task, :report, :note, :user, :org, :now)""")
                .param("id", id).param("req", s.head().id()).param("task", task == null ? null : task.id())
                .param("report", report.id()).param("note", why).param("user", reader.userId())
                .param("org", reader.organisationId()).param("now", Timestamp.from(now)).update();
        if (task != null && task.status().waiting()) {
            jdbc.sql("UPDATE rq_task SET status = 'ANSWERED', updated_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now)).param("id", task.id()).update();
        }
        jdbc.sql("UPDATE rq_requirement SET updated_at = :now WHERE id = :id").param("now", Timestamp.from(now))
                .param("id", s.head().id()).update();
        records.audit(reader, AuditAction.COMBINATION, s.head().id(), "answer", task == null
                ? Map.of("report", report.id()) : Map.of("report", report.id(), "task", task.id()));
        return new CaseStep.Done<>(new Answer(id, s.head().id(), task == null ? null : task.id(), report.id(),
                report.title(), report.marking(), why, reader.userId(), reader.organisationId(), now));
    }

    private Coverage coverageOf(Reader reader, RequirementRecords.Seen s, Instant now) {
        List<CollectionTask> tasks = records.visibleTasks(reader, s);
        List<Answer> answers = visibleAnswers(reader, s);
        Map<CollectionStatus, Integer> byStatus = new EnumMap<>(CollectionStatus.class);
        for (CollectionStatus st : CollectionStatus.values()) {
            byStatus.put(st, 0);
        }
        tasks.forEach(t -> byStatus.merge(t.status(), 1, Integer::sum));
        Instant last = answers.stream().map(Answer::linkedAt).max(Comparator.naturalOrder()).orElse(null);
        Set<String> answered = new java.util.HashSet<>();
        tasks.stream().filter(t -> t.status() == CollectionStatus.ANSWERED).forEach(t -> answered.add(
                t.organisationId()));
        List<String> waiting = tasks.stream().filter(t -> t.status().waiting())
                .map(CollectionTask::organisationId).filter(o -> !answered.contains(o)).distinct().toList();
        int overdue = (int) tasks.stream().filter(t -> t.dueAt() != null && t.status().waiting()
                && t.dueAt().isBefore(now)).count();
        boolean isGap = s.head().status() == RequirementStatus.ACTIVE
                && (last == null || last.isBefore(now.minus(gap)));
        RequirementRecords.Head h = s.head();
        return new Coverage(h.id(), h.code(), h.title(), h.priority(), h.status(), byStatus, answers.size(), last,
                waiting, overdue, isGap);
    }

    @Transactional
    CaseStep<Coverage> coverage(Reader reader, String requirementId, Instant now) {
        Optional<RequirementRecords.Seen> s = records.seen(reader, requirementId);
        if (s.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        records.audit(reader, AuditAction.CONSULTATION, s.get().head().id(), "coverage", Map.of());
        return new CaseStep.Done<>(coverageOf(reader, s.get(), now));
    }

    @Transactional
    List<Coverage> overview(Reader reader, Instant now) {
        List<Coverage> all = new ArrayList<>(records.heads(RequirementRecords.where(reader, RequirementStatus.ACTIVE),
                PageRequest.MAX_SIZE, 0)
                .stream().map(s -> coverageOf(reader, s, now)).toList());
        all.sort(Comparator.comparing((Coverage c) -> !c.gap()).thenComparing(c -> -c.priority().ordinal())
                .thenComparing(Coverage::code));
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                all.stream().map(Coverage::requirementId).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "coverage", "gapDays", String.valueOf(gap.toDays()))));
        return all;
    }

    Duration gap() {
        return gap;
    }
}
