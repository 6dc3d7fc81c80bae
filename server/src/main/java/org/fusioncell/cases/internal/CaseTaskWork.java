package org.fusioncell.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.CaseTask;
import org.fusioncell.cases.ItemRef;
import org.fusioncell.cases.ItemType;
import org.fusioncell.cases.TaskDraft;
import org.fusioncell.cases.TaskPriority;
import org.fusioncell.cases.TaskStatus;
import org.fusioncell.cases.internal.CaseRows.Seen;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tasks of a case the reader has already been let into ({@link Seen}); every step is one conditional
 * update, so two concurrent steps cannot both succeed. Tasks carry no marking of their own: whoever sees the
 * case sees its tasks; their completion evidence is cut by each item's own marking.
 */
@Component
class CaseTaskWork {

    private static final int MAX_DEPENDENCIES = 50;
    private static final int MAX_EVIDENCE = 50;
    static final List<String> UNFINISHED = List.of("OPEN", "IN_PROGRESS");

    private final CaseRows rows;
    private final JdbcClient jdbc;
    private final ItemLookup lookup;

    CaseTaskWork(CaseRows rows, ItemLookup lookup) {
        this.rows = rows;
        this.jdbc = rows.jdbc;
        this.lookup = lookup;
    }

    record Row(String id, String caseId, String title, String description, String assigneeUserId,
               String assigneeOrganisationId, Instant dueAt, TaskPriority priority, TaskStatus status,
               String completionText, String completedBy, Instant completedAt, String createdBy, String createdOrg,
               Instant createdAt) {
    }

    // ---------------------------------------------------------------------------------------------- reading

    List<CaseTask> all(Reader reader, Seen s) {
        List<Row> found = jdbc.sql("SELECT * FROM cases_task WHERE case_id = :id ORDER BY created_at, id")
                .param("id", s.head().id()).query(CaseTaskWork::row).list();
        List<CaseTask> out = found.stream().map(r -> assemble(reader, r)).toList();
        rows.audit(reader, AuditAction.CONSULTATION, s.head().id(), "tasks", Map.of("tasks", String.valueOf(out.size())));
        return out;
    }

    CaseStep<CaseTask> one(Reader reader, Seen s, String taskId) {
        Optional<Row> r = row(s, taskId);
        if (r.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        rows.audit(reader, AuditAction.CONSULTATION, s.head().id(), "task", Map.of("task", taskId));
        return new CaseStep.Done<>(assemble(reader, r.get()));
    }

    int openTasksOf(String caseId, String organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM cases_task WHERE case_id = :case AND assignee_organisation_id = :org"
                        + " AND status IN (:open)")
                .param("case", caseId).param("org", organisationId).param("open", UNFINISHED).query(Integer.class)
                .single();
    }

    private Optional<Row> row(Seen s, String taskId) {
        if (!Ids.isWellFormed(taskId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM cases_task WHERE id = :id AND case_id = :case").param("id", taskId)
                .param("case", s.head().id()).query(CaseTaskWork::row).optional();
    }

    private CaseTask assemble(Reader reader, Row r) {
        List<String> deps = dependencies(r.id());
        List<CaseTask.Comment> comments = jdbc.sql("SELECT * FROM cases_task_comment WHERE task_id = :id"
                        + " ORDER BY created_at, id").param("id", r.id())
                .query((rs, n) -> new CaseTask.Comment(rs.getString("id"), rs.getString("author_user_id"),
                        rs.getString("author_organisation_id"), rs.getString("body"), CaseRows.instant(rs, "created_at")))
                .list();
        List<ItemRef> evidence = jdbc.sql("SELECT item_type, item_id FROM cases_task_evidence WHERE task_id = :id"
                        + " ORDER BY position").param("id", r.id())
                .query((rs, n) -> new ItemRef(ItemType.valueOf(rs.getString(1)), rs.getString(2))).list().stream()
                .filter(ref -> lookup.sees(reader, ref)).toList();
        boolean overdue = r.dueAt() != null && !r.status().finished() && r.dueAt().isBefore(rows.now());
        return new CaseTask(r.id(), r.caseId(), r.title(), r.description(), r.assigneeUserId(),
                r.assigneeOrganisationId(), r.dueAt(), r.priority(), r.status(), deps, overdue, r.completionText(),
                evidence, r.completedBy(), r.completedAt(), comments, r.createdBy(), r.createdOrg(), r.createdAt());
    }

    private List<String> dependencies(String taskId) {
        return jdbc.sql("SELECT depends_on FROM cases_task_dependency WHERE task_id = :id ORDER BY depends_on")
                .param("id", taskId).query(String.class).list();
    }

    // ---------------------------------------------------------------------------------------------- steps

    CaseStep<CaseTask> create(Reader reader, Seen s, TaskDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        String title = CaseRows.text("title", draft.title(), CaseRows.MAX_TITLE, true);
        String description = CaseRows.text("description", draft.description(), CaseRows.MAX_TEXT, false);
        TaskPriority priority = draft.priority() == null || draft.priority().isBlank() ? TaskPriority.NORMAL
                : TaskPriority.parse(draft.priority()).orElseThrow(() -> new InvalidInputException("priority",
                "one of " + List.of(TaskPriority.values())));
        Instant now = rows.now();
        Instant due = due(draft.dueAt(), now);
        Assignee assignee = assignee(s, draft.assigneeUserId(), draft.assigneeOrganisationId(), false);
        String id = Ids.newId();
        List<String> deps = checkedDependencies(s, id, draft.dependsOn());
        if (!s.head().status().active()) {
            return new CaseStep.WrongState<>(s.head().status().name());
        }
        jdbc.sql("""
                INSERT INTO cases_task (id, case_id, title, description, assignee_user_id, assignee_organisation_id,
                    due_at, priority, status, created_by, created_organisation_id, created_at, updated_at)
                VALUES (:id, :case, :title, :description, :user, :org, :due, :priority, 'OPEN', :by, :byorg, :now, :now)""")
                .param("id", id).param("case", s.head().id()).param("title", title).param("description", description)
                .param("user", assignee == null ? null : assignee.userId())
                .param("org", assignee == null ? null : assignee.organisationId())
                .param("due", due == null ? null : Timestamp.from(due)).param("priority", priority.name())
                .param("by", reader.userId()).param("byorg", reader.organisationId()).param("now", Timestamp.from(now))
                .update();
        insertDependencies(id, deps);
        rows.event(reader, s.head().id(), "task-created", null, id, null, null, title);
        if (assignee != null) {
            rows.event(reader, s.head().id(), "task-assigned", null, id, null, assignee.label(), null);
        }
        rows.touch(s.head().id());
        rows.audit(reader, AuditAction.COLLECTION, s.head().id(), "task-created", Map.of("task", id));
        tellAssignee(s, assignee, id, "A task of a case was assigned to you: " + title, severity(priority, false));
        return new CaseStep.Done<>(assemble(reader, row(s, id).orElseThrow()));
    }

    /** A user of a participating organisation who may read the case, or a participating organisation. */
    private record Assignee(String userId, String organisationId) {
        String label() {
            return userId != null ? userId : organisationId;
        }
    }

    private Assignee assignee(Seen s, String userId, String organisationId, boolean required) {
        boolean user = userId != null && !userId.isBlank();
        boolean org = organisationId != null && !organisationId.isBlank();
        if (user && org) {
            throw new InvalidInputException("assigneeOrganisationId", "name a user or an organisation, not both");
        }
        if (!user && !org) {
            if (required) {
                throw new InvalidInputException("assigneeUserId", "required: a user or an organisation");
            }
            return null;
        }
        if (org) {
            String o = organisationId.strip();
            if (!s.participates(o)) {
                throw new InvalidInputException("assigneeOrganisationId", "not a participating organisation");
            }
            return new Assignee(null, o);
        }
        String u = userId.strip();
        for (var p : s.participants()) {
            if (Ids.isWellFormed(u) && rows.colleagues.members(p.organisationId(), null).contains(u)) {
                if (!rows.userSees(u, s.marking())) {
                    throw new InvalidInputException("assigneeUserId", "the case's marking withholds it from this user");
                }
                return new Assignee(u, p.organisationId());
            }
        }
        throw new InvalidInputException("assigneeUserId", "no such active user of a participating organisation");
    }

    private static Instant due(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant due;
        try {
            String t = text.strip();
            due = t.length() == 10 ? LocalDate.parse(t).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .minusSeconds(1) : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("dueAt", "an ISO-8601 date (2026-12-01) or instant (2026-12-01T18:00:00Z)");
        }
        if (due.isAfter(now.plus(Duration.ofDays(3 * 366)))) {
            throw new InvalidInputException("dueAt", "at most three years ahead");
        }
        return due;
    }

    /**
     * Tasks of the same case, named once each; a dependency that would close a cycle is refused. The case row is
     * locked first, so that two concurrent changes cannot each add half of a cycle.
     */
    private List<String> checkedDependencies(Seen s, String taskId, List<String> given) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        jdbc.sql("SELECT id FROM cases_case WHERE id = :id FOR UPDATE").param("id", s.head().id()).query(String.class)
                .single();
        if (given.size() > MAX_DEPENDENCIES) {
            throw new InvalidInputException("dependsOn", "at most " + MAX_DEPENDENCIES + " tasks");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String d = given.get(i) == null ? null : given.get(i).strip();
            String field = "dependsOn[" + i + "]";
            if (d == null || row(s, d).isEmpty()) {
                throw new InvalidInputException(field, "no such task of this case");
            }
            if (d.equals(taskId) || reaches(d, taskId)) {
                throw new InvalidInputException(field, "would make a cycle: this task already comes before that one");
            }
            if (!out.add(d)) {
                throw new InvalidInputException(field, "named twice");
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code from} depends, directly or through others, on {@code target}. */
    private boolean reaches(String from, String target) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> visited = new HashSet<>();
        while (!todo.isEmpty()) {
            String t = todo.pop();
            if (t.equals(target)) {
                return true;
            }
            if (visited.add(t)) {
                todo.addAll(dependencies(t));
            }
        }
        return false;
    }

    private void insertDependencies(String taskId, List<String> deps) {
        for (String d : deps) {
            jdbc.sql("INSERT INTO cases_task_dependency (task_id, depends_on) VALUES (:t, :d)").param("t", taskId)
                    .param("d", d).update();
        }
    }

    CaseStep<CaseTask> assign(Reader reader, Seen s, String taskId, String userId, String organisationId) {
        Optional<Row> found = row(s, taskId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Assignee a = assignee(s, userId, organisationId, true);
        Row r = found.get();
        if (r.status().finished() || !s.head().status().active()) {
            return new CaseStep.WrongState<>(r.status().finished() ? r.status().name() : s.head().status().name());
        }
        int moved = jdbc.sql("UPDATE cases_task SET assignee_user_id = :user, assignee_organisation_id = :org,"
                        + " updated_at = :now WHERE id = :id AND status IN (:open)")
                .param("user", a.userId()).param("org", a.organisationId()).param("now", Timestamp.from(rows.now()))
                .param("id", r.id()).param("open", UNFINISHED).update();
        if (moved == 0) {
            return new CaseStep.WrongState<>(row(s, taskId).orElseThrow().status().name());
        }
        String before = r.assigneeUserId() != null ? r.assigneeUserId() : r.assigneeOrganisationId();
        return done(reader, s, r, "task-assigned", before, a.label(), null, () ->
                tellAssignee(s, a, r.id(), "A task of a case was assigned to you: " + r.title(),
                        severity(r.priority(), false)));
    }

    CaseStep<CaseTask> dependOn(Reader reader, Seen s, String taskId, List<String> dependsOn) {
        Optional<Row> found = row(s, taskId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Row r = found.get();
        List<String> deps = checkedDependencies(s, r.id(), dependsOn);
        if (r.status().finished()) {
            return new CaseStep.WrongState<>(r.status().name());
        }
        jdbc.sql("DELETE FROM cases_task_dependency WHERE task_id = :id").param("id", r.id()).update();
        insertDependencies(r.id(), deps);
        return done(reader, s, r, "task-dependencies", null, String.valueOf(deps.size()), null, null);
    }

    CaseStep<CaseTask> start(Reader reader, Seen s, String taskId) {
        Optional<Row> found = row(s, taskId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Row r = found.get();
        if (!mayWork(reader, s, r)) {
            return refusedWork();
        }
        if (!s.head().status().active()) {
            return new CaseStep.WrongState<>(s.head().status().name());
        }
        if (!move(r.id(), "IN_PROGRESS", List.of("OPEN"), null, reader)) {
            return new CaseStep.WrongState<>(row(s, taskId).orElseThrow().status().name());
        }
        return done(reader, s, r, "task-started", r.status().name(), TaskStatus.IN_PROGRESS.name(), null, null);
    }

    CaseStep<CaseTask> comment(Reader reader, Seen s, String taskId, String text) {
        Optional<Row> found = row(s, taskId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Row r = found.get();
        String body = CaseRows.text("text", text, CaseRows.MAX_TEXT, true);
        String id = Ids.newId();
        jdbc.sql("INSERT INTO cases_task_comment (id, task_id, author_user_id, author_organisation_id, body, created_at)"
                        + " VALUES (:id, :task, :user, :org, :body, :now)")
                .param("id", id).param("task", r.id()).param("user", reader.userId())
                .param("org", reader.organisationId()).param("body", body).param("now", Timestamp.from(rows.now()))
                .update();
        return done(reader, s, r, "task-commented", null, null, body, () -> {
            if (r.assigneeUserId() != null && !r.assigneeUserId().equals(reader.userId())) {
                rows.tell(r.assigneeUserId(), s, "case-task-comment", id, "New comment on your task: " + r.title(),
                        Severity.LOW);
            }
        });
    }

    CaseStep<CaseTask> complete(Reader reader, Seen s, String taskId, String text, List<ItemRef> evidence) {
        Optional<Row> found = row(s, taskId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Row r = found.get();
        if (!mayWork(reader, s, r)) {
            return refusedWork();
        }
        String body = CaseRows.text("text", text, CaseRows.MAX_TEXT, true);
        List<ItemRef> items = evidence(reader, evidence);
        if (r.status().finished() || !s.head().status().active()) {
            return new CaseStep.WrongState<>(r.status().finished() ? r.status().name() : s.head().status().name());
        }
        List<String> waiting = jdbc.sql("""
                SELECT t.title FROM cases_task_dependency d JOIN cases_task t ON t.id = d.depends_on
                WHERE d.task_id = :id AND t.status NOT IN ('DONE', 'CANCELLED') ORDER BY t.title""")
                .param("id", r.id()).query(String.class).list();
        if (!waiting.isEmpty()) {
            return new CaseStep.Refused<>("dependencies-open", "The tasks this one depends on are not done yet: "
                    + String.join("; ", waiting));
        }
        if (!move(r.id(), "DONE", UNFINISHED, body, reader)) {
            return new CaseStep.WrongState<>(row(s, taskId).orElseThrow().status().name());
        }
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("INSERT INTO cases_task_evidence (task_id, position, item_type, item_id) VALUES (:t, :p, :type, :i)")
                    .param("t", r.id()).param("p", i).param("type", items.get(i).itemType().name())
                    .param("i", items.get(i).itemId()).update();
        }
        return done(reader, s, r, "task-completed", r.status().name(), TaskStatus.DONE.name(), body, () -> {
            if (!r.createdBy().equals(reader.userId())) {
                rows.tell(r.createdBy(), s, "case-task-done", r.id(), "A task you created is done: " + r.title(),
                        Severity.LOW);
            }
        });
    }

    private List<ItemRef> evidence(Reader reader, List<ItemRef> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_EVIDENCE) {
            throw new InvalidInputException("evidence", "at most " + MAX_EVIDENCE + " items");
        }
        List<ItemRef> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ItemRef ref = given.get(i);
            String field = "evidence[" + i + "]";
            if (ref == null || ref.itemType() == null) {
                throw new InvalidInputException(field + ".itemType", "one of " + List.of(ItemType.values()));
            }
            String id = ref.itemId() == null ? null : ref.itemId().strip();
            ItemRef clean = new ItemRef(ref.itemType(), id);
            if (id == null || !Ids.isWellFormed(id) || !lookup.sees(reader, clean)) {
                throw new InvalidInputException(field + ".itemId", "no such item that you may see");
            }
            if (out.contains(clean)) {
                throw new InvalidInputException(field, "named twice");
            }
            out.add(clean);
        }
        return out;
    }

    CaseStep<CaseTask> cancel(Reader reader, Seen s, String taskId, String reason) {
        Optional<Row> found = row(s, taskId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Row r = found.get();
        if (!r.createdBy().equals(reader.userId()) && !rows.leadSupervisor(reader, s.head())) {
            return new CaseStep.Refused<>("not-creator", "Only the task's creator or a supervisor of the lead"
                    + " organisation cancels a task.");
        }
        String why = CaseRows.text("reason", reason, CaseRows.MAX_REASON, true);
        if (!move(r.id(), "CANCELLED", UNFINISHED, null, reader)) {
            return new CaseStep.WrongState<>(r.status().name());
        }
        return done(reader, s, r, "task-cancelled", r.status().name(), TaskStatus.CANCELLED.name(), why, null);
    }

    /** The assignee, a member of the assigned organisation, the creator, or a supervisor of the lead organisation. */
    private boolean mayWork(Reader reader, Seen s, Row r) {
        return reader.userId().equals(r.assigneeUserId()) || reader.userId().equals(r.createdBy())
                || (r.assigneeUserId() == null && reader.organisationId().equals(r.assigneeOrganisationId()))
                || rows.leadSupervisor(reader, s.head());
    }

    private static <T> CaseStep<T> refusedWork() {
        return new CaseStep.Refused<>("not-assignee", "Only the assignee, the creator or a supervisor of the lead"
                + " organisation works on this task.");
    }

    private boolean move(String taskId, String to, List<String> from, String completion, Reader reader) {
        Timestamp now = Timestamp.from(rows.now());
        if (!to.equals("DONE")) {
            return jdbc.sql("UPDATE cases_task SET status = :to, updated_at = :now WHERE id = :id AND status IN (:from)")
                    .param("to", to).param("now", now).param("id", taskId).param("from", from).update() == 1;
        }
        return jdbc.sql("""
                UPDATE cases_task SET status = 'DONE', updated_at = :now, completion_text = :text, completed_by = :user,
                    completed_at = :now WHERE id = :id AND status IN (:from)""")
                .param("now", now).param("text", completion).param("user", reader.userId()).param("id", taskId)
                .param("from", from).update() == 1;
    }

    private CaseStep<CaseTask> done(Reader reader, Seen s, Row r, String kind, String from, String to, String text,
                                    Runnable tell) {
        rows.event(reader, s.head().id(), kind, null, r.id(), from, to, text);
        rows.touch(s.head().id());
        rows.audit(reader, AuditAction.ALTERATION, s.head().id(), kind, Map.of("task", r.id()));
        if (tell != null) {
            tell.run();
        }
        return new CaseStep.Done<>(assemble(reader, row(s, r.id()).orElseThrow()));
    }

    private void tellAssignee(Seen s, Assignee a, String taskId, String summary, Severity severity) {
        if (a == null) {
            return;
        }
        for (String user : a.userId() != null ? List.of(a.userId())
                : rows.colleagues.members(a.organisationId(), Role.SUPERVISOR)) {
            rows.tell(user, s, "case-task-assigned", taskId, summary, severity);
        }
    }

    static Severity severity(TaskPriority priority, boolean overdue) {
        Severity base = switch (priority) {
            case LOW, NORMAL -> Severity.LOW;
            case HIGH -> Severity.MEDIUM;
            case URGENT -> Severity.HIGH;
        };
        return overdue ? Severity.values()[Math.min(base.ordinal() + 1, Severity.values().length - 1)] : base;
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("case_id"), rs.getString("title"), rs.getString("description"),
                rs.getString("assignee_user_id"), rs.getString("assignee_organisation_id"),
                CaseRows.instant(rs, "due_at"), TaskPriority.valueOf(rs.getString("priority")),
                TaskStatus.valueOf(rs.getString("status")), rs.getString("completion_text"),
                rs.getString("completed_by"), CaseRows.instant(rs, "completed_at"), rs.getString("created_by"),
                rs.getString("created_organisation_id"), CaseRows.instant(rs, "created_at"));
    }
}
